import { editionRulesSchema } from '../editions/edition';
import { tallyEdition } from './tally';

const rules = editionRulesSchema.parse({});
const edition = {
  districts: [
    { id: 'centro', name: 'Centro', budget: 1_000 },
    { id: 'norte', name: 'Norte', budget: 500 },
  ],
  rules,
  ballot: {
    centro: [
      { proposalId: 'c1', cost: 600 },
      { proposalId: 'c2', cost: 500 },
      { proposalId: 'c3', cost: 400 },
      { proposalId: 'c4', cost: 100 },
    ],
    norte: [{ proposalId: 'n1', cost: 200 }],
  },
};

describe('tallying an edition with greedy', () => {
  it('counts each district on its own: most votes first, skipping what no longer fits', () => {
    const results = tallyEdition(edition, [
      { district: 'centro', selections: ['c1', 'c4'] },
      { district: 'centro', selections: ['c1', 'c2'] },
      { district: 'centro', selections: ['c2', 'c3'] },
      { district: 'centro', selections: ['c1', 'c3'] },
      { district: 'centro', selections: [] },
      { district: 'norte', selections: ['n1'] },
    ]);
    // votes: c1 3, c2 2, c3 2, c4 1. c1 (600) fits; c3 ties c2 on votes and is cheaper: 400 fits (1000);
    // c2 no longer fits; c4 no longer fits.
    expect(results[0]).toEqual({
      id: 'centro',
      budget: 1_000,
      spent: 1_000,
      voters: 5,
      selected: ['c1', 'c3'],
      votes: { c1: 3, c2: 2, c3: 2, c4: 1 },
    });
    expect(results[1]).toEqual({ id: 'norte', budget: 500, spent: 200, voters: 1, selected: ['n1'], votes: { n1: 1 } });
  });

  it('continues past a proposal that does not fit', () => {
    const [centro] = tallyEdition(edition, [
      { district: 'centro', selections: ['c2', 'c1'] },
      { district: 'centro', selections: ['c2', 'c1'] },
      { district: 'centro', selections: ['c2', 'c4'] },
      { district: 'centro', selections: ['c3'] },
    ]);
    // c2 (3 votes, 500) fits; c1 (2, 600) does not; c3 (1, 400) fits; c4 (1, 100) fits: 1000.
    expect(centro!.selected).toEqual(['c2', 'c3', 'c4']);
    expect(centro!.spent).toBe(1_000);
  });

  it('breaks equal votes by lower cost, then by id', () => {
    const tie = {
      ...edition,
      districts: [{ id: 'centro', name: 'Centro', budget: 500 }],
      ballot: {
        centro: [
          { proposalId: 'b', cost: 500 },
          { proposalId: 'a', cost: 500 },
          { proposalId: 'c', cost: 400 },
        ],
      },
    };
    expect(tallyEdition(tie, [{ district: 'centro', selections: ['a', 'b'] }])[0]!.selected).toEqual(['a']);
    expect(tallyEdition(tie, [{ district: 'centro', selections: ['a', 'b', 'c'] }])[0]!.selected).toEqual(['c']);
  });

  // As pabutools' greedy_utilitarian_welfare does: money left over funds what fits, even unvoted.
  it('funds proposals nobody voted for when money is left, with zero voters reported', () => {
    const [, norte] = tallyEdition(edition, []);
    expect(norte).toEqual({ id: 'norte', budget: 500, spent: 200, voters: 0, selected: ['n1'], votes: { n1: 0 } });
  });
});

describe('tallying an edition with a citywide pool', () => {
  const pooled = {
    ...edition,
    citywidePool: { id: 'ciudad', name: 'Toda la ciudad', budget: 1_000 },
    ballot: {
      ...edition.ballot,
      ciudad: [
        { proposalId: 'x1', cost: 700 },
        { proposalId: 'x2', cost: 500 },
        { proposalId: 'x3', cost: 300 },
      ],
    },
  };
  const ballots = [
    { district: 'centro', selections: ['c1', 'x2', 'x3'] },
    { district: 'centro', selections: ['c4', 'x1'] },
    { district: 'norte', selections: ['n1', 'x2'] },
    { district: 'norte', selections: [] },
  ];

  it('counts the citywide pool last, from every voter’s picks on its ballot, and each district from its own', () => {
    const [centro, norte, ciudad] = tallyEdition(pooled, ballots);
    // x2 2 votes (500) fits; x1 and x3 tie on one vote, x3 is cheaper: 300 fits (800); x1 no longer fits.
    expect(ciudad).toEqual({
      id: 'ciudad',
      budget: 1_000,
      spent: 800,
      voters: 4,
      selected: ['x2', 'x3'],
      votes: { x1: 1, x2: 2, x3: 1 },
    });
    expect(centro).toMatchObject({ id: 'centro', voters: 2, votes: { c1: 1, c2: 0, c3: 0, c4: 1 } });
    expect(norte).toMatchObject({ id: 'norte', voters: 2, selected: ['n1'], votes: { n1: 1 } });
  });

  it('gives a district the same result whether or not the edition has a pool', () => {
    const withoutPool = ballots.map((b) => ({ ...b, selections: b.selections.filter((id) => !id.startsWith('x')) }));
    expect(tallyEdition(pooled, ballots).slice(0, 2)).toEqual(tallyEdition(edition, withoutPool));
  });
});

import { count } from '../counting/count';
import { editionRulesSchema } from '../editions/edition';
import { countingRule, tallyEdition } from '../tally/tally';
import { electionFromPabulib } from './election';
import { districtAsPabulib, pabulibRule, type DistrictExport } from './edition-export';
import { parsePabulib } from './pabulib';

const rules = editionRulesSchema.parse({
  ballot: { method: 'approval', maxSelections: 2, minSelections: 1 },
  counting: { rule: 'equal-shares' },
});
const centro = { id: 'centro', name: 'Centro', budget: 1_000 };
const entries = [
  { proposalId: 'p-parque', cost: 600 },
  { proposalId: 'p-banqueta', cost: 400 },
  { proposalId: 'p-cancha', cost: 250 },
];
const ballots = [
  { district: 'centro', selections: ['p-parque', 'p-banqueta'] },
  { district: 'centro', selections: ['p-parque', 'p-banqueta'] },
  { district: 'norte', selections: ['n-1'] },
  { district: 'centro', selections: ['p-parque', 'p-banqueta'] },
  { district: 'centro', selections: ['p-cancha'] },
];
const data: DistrictExport = {
  edition: { id: 'pp-2027', title: 'Presupuesto; "Participativo" 2027', rules },
  district: centro,
  entries,
  titles: { 'p-parque': 'Parque; fase 1', 'p-banqueta': 'Banquetas', 'p-cancha': 'Cancha' },
  ballots,
  selected: ['p-banqueta', 'p-cancha'],
};

describe('a district exported as pabulib', () => {
  const parsed = parsePabulib(districtAsPabulib(data));

  it('describes the district and its ballot rules in META', () => {
    expect(parsed.meta).toMatchObject({
      description: 'Presupuesto; "Participativo" 2027, Centro',
      instance: 'pp-2027',
      district: 'Centro',
      num_projects: '3',
      num_votes: '4',
      budget: '1000',
      vote_type: 'approval',
      rule: 'equalshares/add1',
      min_length: '1',
      max_length: '2',
      currency: 'MXN',
    });
    expect(parsed.meta['max_sum_cost']).toBeUndefined();
  });

  it('lists the proposals with final cost, title, votes and whether the tally selected them', () => {
    expect(parsed.projects).toEqual([
      { id: 'p-parque', cost: 600, name: 'Parque; fase 1', fields: { votes: '3', selected: '0' } },
      { id: 'p-banqueta', cost: 400, name: 'Banquetas', fields: { votes: '3', selected: '1' } },
      { id: 'p-cancha', cost: 250, name: 'Cancha', fields: { votes: '1', selected: '1' } },
    ]);
  });

  it("holds only this district's ballots, and counting it gives the edition's own tally", () => {
    const [tally] = tallyEdition({ districts: [centro], rules, ballot: { centro: entries } }, ballots);
    const recount = count(electionFromPabulib(parsed), countingRule(rules.counting));
    expect(parsed.votes.map((vote) => vote.vote)).toEqual([
      ['p-parque', 'p-banqueta'],
      ['p-parque', 'p-banqueta'],
      ['p-parque', 'p-banqueta'],
      ['p-cancha'],
    ]);
    expect(recount.selected).toEqual(tally!.selected);
  });

  it('writes a knapsack ballot limit as max_sum_cost, and no selected column before the tally', () => {
    const knapsack = editionRulesSchema.parse({ ballot: { minSpendShare: 0.5 } });
    const text = districtAsPabulib({ ...data, edition: { ...data.edition, rules: knapsack }, selected: undefined });
    const exported = parsePabulib(text);
    expect(exported.meta).toMatchObject({ max_sum_cost: '1000', min_sum_cost: '500', rule: 'greedy' });
    expect(exported.projects[0]!.fields).toEqual({ votes: '3' });
  });
});

describe('pabulib rule names', () => {
  it.each([
    [{ rule: 'greedy', completion: 'add1', utility: 'cost' }, 'greedy'],
    [{ rule: 'equal-shares', completion: 'add1', utility: 'cost' }, 'equalshares/add1'],
    [
      { rule: 'equal-shares', completion: 'add1-greedy', utility: 'cardinality' },
      'equalshares/add1-greedy/cardinality',
    ],
  ] as const)('%j is %s', (counting, name) => {
    expect(pabulibRule(counting)).toBe(name);
  });
});

describe('a citywide pool exported as pabulib', () => {
  const ciudad = { id: 'ciudad', name: 'Toda la ciudad', budget: 900, citywide: true };
  const pooledBallots = [
    { district: 'centro', selections: ['p-parque', 'x-ciclovia'] },
    { district: 'norte', selections: ['n-1', 'x-ciclovia', 'x-corredor'] },
    { district: 'norte', selections: ['n-1'] },
  ];
  const pool = parsePabulib(
    districtAsPabulib({
      ...data,
      district: ciudad,
      entries: [
        { proposalId: 'x-ciclovia', cost: 500 },
        { proposalId: 'x-corredor', cost: 300 },
      ],
      titles: { 'x-ciclovia': 'Ciclovía', 'x-corredor': 'Corredor' },
      ballots: pooledBallots,
      selected: ['x-ciclovia', 'x-corredor'],
    }),
  );

  it("holds every voter's picks on the pool's ballot, from every district", () => {
    expect(pool.meta).toMatchObject({ district: 'Toda la ciudad', budget: '900', num_votes: '3' });
    expect(pool.votes.map((v) => v.vote)).toEqual([['x-ciclovia'], ['x-ciclovia', 'x-corredor'], []]);
  });

  it("leaves the pool's picks out of a district's file", () => {
    const centroFile = parsePabulib(districtAsPabulib({ ...data, ballots: pooledBallots }));
    expect(centroFile.votes.map((v) => v.vote)).toEqual([['p-parque']]);
  });
});

import { count } from './count';
import { InvalidElectionError, type CountingRule, type Election } from './election';

const greedy: CountingRule = { rule: 'greedy' };
const add1: CountingRule = { rule: 'equal-shares', completion: 'add1', utility: 'cost' };
const add1Greedy: CountingRule = { rule: 'equal-shares', completion: 'add1-greedy', utility: 'cost' };
const cardinality: CountingRule = { rule: 'equal-shares', completion: 'add1', utility: 'cardinality' };

const repeat = (times: number, ballot: string[]) => Array.from({ length: times }, () => ballot);

describe('a majority and a minority (budget 100, four voters)', () => {
  // Three voters approve a (60) and b (40); one approves c (25).
  const election: Election = {
    budget: 100,
    projects: [
      { id: 'a', cost: 60 },
      { id: 'b', cost: 40 },
      { id: 'c', cost: 25 },
    ],
    ballots: [...repeat(3, ['a', 'b']), ['c']],
  };

  it('greedy gives the whole budget to the majority', () => {
    expect(count(election, greedy)).toEqual({ selected: ['a', 'b'], cost: 100, votes: { a: 3, b: 3, c: 1 } });
  });

  it('equal shares funds the minority from its own share', () => {
    // At 25 each, a and b both cost the majority 1/3 per peso; the tie goes to the cheaper b
    // (40/3 each). The majority then holds 35 < 60 for a, and c costs its voter 25.
    // a becomes affordable after b at 33 1/3 each, and then all three (125) no longer fit,
    // so the last outcome that fits is still b and c.
    expect(count(election, add1)).toEqual({ selected: ['b', 'c'], cost: 65, votes: { a: 3, b: 3, c: 1 } });
  });

  it('add1-greedy spends what is left by votes, only on what fits', () => {
    // 35 left: a (60) does not fit.
    expect(count(election, add1Greedy).selected).toEqual(['b', 'c']);
  });
});

describe('cost and cardinality utilities (budget 30, three voters)', () => {
  // Everyone approves p (30); the first two also approve q (6).
  const election: Election = {
    budget: 30,
    projects: [
      { id: 'p', cost: 30 },
      { id: 'q', cost: 6 },
    ],
    ballots: [['p', 'q'], ['p', 'q'], ['p']],
  };

  it('with cost utility, p costs each voter 1/3 of a peso per peso of p, q 1/2: p wins', () => {
    // q becomes affordable after p at 13 each, where p and q (36) no longer fit.
    expect(count(election, add1).selected).toEqual(['p']);
  });

  it('with cardinality utility, q costs each supporter 3 against p 10: q wins', () => {
    // After q the first two hold 7 + 7 and the third 10: 24 < 30. At 12 each p becomes
    // affordable and p and q (36) no longer fit, so the outcome at 11 stands.
    expect(count(election, cardinality).selected).toEqual(['q']);
  });
});

describe('tie-breaks: more votes, then lower cost, then id', () => {
  it('equal shares with cardinality utility breaks an equal price by more votes', () => {
    // a: 10 from two voters, 5 each; b: 5 from one voter. Only one fits.
    const election: Election = {
      budget: 10,
      projects: [
        { id: 'b', cost: 5 },
        { id: 'a', cost: 10 },
      ],
      ballots: [['a'], ['a', 'b']],
    };
    expect(count(election, cardinality).selected).toEqual(['a']);
  });

  it('equal shares with cost utility breaks an equal price by lower cost', () => {
    const election: Election = {
      budget: 10,
      projects: [
        { id: 'a', cost: 6 },
        { id: 'b', cost: 5 },
      ],
      ballots: [['a', 'b']],
    };
    // Both cost the single voter 1 per peso; b is cheaper and then a no longer fits.
    expect(count(election, add1).selected).toEqual(['b']);
  });

  it('breaks equal votes and cost by id compared as text, so "10" comes before "9"', () => {
    const election: Election = {
      budget: 5,
      projects: [
        { id: '9', cost: 5 },
        { id: '10', cost: 5 },
      ],
      ballots: [['9', '10']],
    };
    expect(count(election, greedy).selected).toEqual(['10']);
    expect(count(election, add1).selected).toEqual(['10']);
  });
});

describe('edge cases every implementation must agree on', () => {
  it('counts empty ballots as voters, so they dilute everyone’s share', () => {
    // Alone, the voter of x (80) would get the whole 100; with three empty ballots they
    // start at 25 and need 80 each: x becomes affordable at 80 each, where it fits.
    const election: Election = {
      budget: 100,
      projects: [{ id: 'x', cost: 80 }],
      ballots: [['x'], [], [], []],
    };
    expect(count(election, add1).selected).toEqual(['x']);
  });

  it('never selects by equal shares a project nobody approved; add1-greedy and greedy may', () => {
    const election: Election = {
      budget: 100,
      projects: [
        { id: 'liked', cost: 50 },
        { id: 'unloved', cost: 10 },
      ],
      ballots: [['liked']],
    };
    expect(count(election, add1).selected).toEqual(['liked']);
    expect(count(election, add1Greedy).selected).toEqual(['liked', 'unloved']);
    expect(count(election, greedy).selected).toEqual(['liked', 'unloved']);
  });

  it('counts a ballot that repeats a project once', () => {
    const election: Election = { budget: 10, projects: [{ id: 'a', cost: 10 }], ballots: [['a', 'a']] };
    expect(count(election, greedy).votes).toEqual({ a: 1 });
  });

  it('selects nothing when nobody voted', () => {
    const election: Election = { budget: 10, projects: [{ id: 'a', cost: 10 }], ballots: [] };
    expect(count(election, add1)).toEqual({ selected: [], cost: 0, votes: { a: 0 } });
  });

  it.each([
    [
      { budget: 10, projects: [{ id: 'a', cost: 1.5 }], ballots: [] },
      /cost of project a must be a non-negative integer/,
    ],
    [{ budget: -1, projects: [], ballots: [] }, /budget must be a non-negative integer/],
    [{ budget: 10, projects: [{ id: 'a', cost: 1 }], ballots: [['b']] }, /unknown project b/],
    [
      {
        budget: 10,
        projects: [
          { id: 'a', cost: 1 },
          { id: 'a', cost: 2 },
        ],
        ballots: [],
      },
      /project a is listed twice/,
    ],
  ])('refuses an election it cannot count: %j', (election, message) => {
    expect(() => count(election, add1)).toThrow(InvalidElectionError);
    expect(() => count(election, add1)).toThrow(message);
  });
});

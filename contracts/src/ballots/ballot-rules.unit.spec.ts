import { ballotRulesSchema } from '../editions/edition';
import { ballotViolations, checkBallot, checkPooledBallot, minimumSpend, poolViolations } from './ballot-rules';

const knapsack = ballotRulesSchema.parse({});
const approval = ballotRulesSchema.parse({ method: 'approval', maxSelections: 2 });
const district = {
  budget: 1_000_000,
  ballot: [
    { proposalId: 'a', cost: 600_000 },
    { proposalId: 'b', cost: 400_000 },
    { proposalId: 'c', cost: 300_000 },
  ],
};

describe('ballot rules', () => {
  it('accepts a knapsack ballot that fits the budget exactly, and an empty one', () => {
    expect(checkBallot(knapsack, district, ['a', 'b'])).toBeNull();
    expect(checkBallot(knapsack, district, [])).toBeNull();
  });

  it('refuses a knapsack ballot over budget, saying by how much', () => {
    expect(checkBallot(knapsack, district, ['a', 'b', 'c'])).toEqual({
      code: 'OVER_BUDGET',
      params: { total: 1_300_000, budget: 1_000_000 },
    });
  });

  it('lets an approval ballot exceed the budget but not k', () => {
    expect(checkBallot(approval, district, ['a', 'b'])).toBeNull();
    expect(checkBallot(approval, district, ['a', 'b', 'c'])).toEqual({
      code: 'TOO_MANY',
      params: { max: 2, count: 3 },
    });
  });

  it('refuses proposals off the district ballot and repeated picks', () => {
    expect(checkBallot(knapsack, district, ['z'])).toEqual({ code: 'NOT_ON_BALLOT', params: { proposalId: 'z' } });
    expect(checkBallot(knapsack, district, ['a', 'a'])).toEqual({
      code: 'DUPLICATE_SELECTION',
      params: { proposalId: 'a' },
    });
  });

  it('enforces a minimum number of projects', () => {
    const rules = ballotRulesSchema.parse({ minSelections: 2 });
    expect(checkBallot(rules, district, ['c'])).toEqual({ code: 'TOO_FEW', params: { min: 2, count: 1 } });
    expect(checkBallot(rules, district, ['b', 'c'])).toBeNull();
  });

  it('enforces a minimum share of the budget, in whole pesos', () => {
    const rules = ballotRulesSchema.parse({ minSpendShare: 0.7 });
    expect(minimumSpend(rules, 1_000_000)).toBe(700_000);
    expect(minimumSpend(ballotRulesSchema.parse({ minSpendShare: 0.3 }), 10)).toBe(3);
    expect(checkBallot(rules, district, ['a'])).toEqual({
      code: 'UNDER_MINIMUM_SPEND',
      params: { minimum: 700_000, share: 70, total: 600_000 },
    });
    expect(checkBallot(rules, district, ['b', 'c'])).toBeNull();
  });

  it('lists every rule a ballot breaks, in the order checkBallot reports the first', () => {
    const rules = ballotRulesSchema.parse({ maxSelections: 2 });
    expect(ballotViolations(rules, district, ['a', 'b', 'c'])).toEqual([
      { code: 'TOO_MANY', params: { max: 2, count: 3 } },
      { code: 'OVER_BUDGET', params: { total: 1_300_000, budget: 1_000_000 } },
    ]);
    expect(checkBallot(rules, district, ['a', 'b', 'c'])).toEqual({ code: 'TOO_MANY', params: { max: 2, count: 3 } });
    const demanding = ballotRulesSchema.parse({ minSelections: 2, minSpendShare: 0.7 });
    expect(ballotViolations(demanding, district, ['c'])).toEqual([
      { code: 'TOO_FEW', params: { min: 2, count: 1 } },
      { code: 'UNDER_MINIMUM_SPEND', params: { minimum: 700_000, share: 70, total: 300_000 } },
    ]);
  });

  it('names each repeated and unknown pick, and counts a proposal’s cost once', () => {
    expect(ballotViolations(knapsack, district, ['a', 'z', 'a', 'y'])).toEqual([
      { code: 'NOT_ON_BALLOT', params: { proposalId: 'z' } },
      { code: 'DUPLICATE_SELECTION', params: { proposalId: 'a' } },
      { code: 'NOT_ON_BALLOT', params: { proposalId: 'y' } },
    ]);
    expect(checkBallot(knapsack, district, ['a', 'z', 'a'])).toEqual({
      code: 'NOT_ON_BALLOT',
      params: { proposalId: 'z' },
    });
  });

  it('finds nothing wrong with a ballot that may be cast, and never a budget on an approval ballot', () => {
    expect(ballotViolations(knapsack, district, ['b', 'c'])).toEqual([]);
    expect(ballotViolations(approval, district, ['a', 'b'])).toEqual([]);
    expect(ballotViolations(approval, district, ['a', 'b', 'c'])).toEqual([
      { code: 'TOO_MANY', params: { max: 2, count: 3 } },
    ]);
  });
});

describe('ballot rules per pool', () => {
  const pools = [
    { id: 'centro', ...district },
    {
      id: 'ciudad',
      budget: 500_000,
      ballot: [
        { proposalId: 'x', cost: 400_000 },
        { proposalId: 'y', cost: 200_000 },
      ],
    },
  ];

  it('judges each pool’s picks against its own budget, naming the pool that broke a rule', () => {
    expect(poolViolations(knapsack, pools, ['a', 'b', 'x'])).toEqual([]);
    expect(poolViolations(knapsack, pools, ['a', 'x', 'y'])).toEqual([
      { code: 'OVER_BUDGET', params: { total: 600_000, budget: 500_000 }, pool: 'ciudad' },
    ]);
    expect(checkPooledBallot(knapsack, pools, ['a', 'b', 'c', 'x', 'y'])).toEqual({
      code: 'OVER_BUDGET',
      params: { total: 1_300_000, budget: 1_000_000 },
      pool: 'centro',
    });
  });

  it('applies the maximum, minimum and minimum spend to each pool on its own', () => {
    const strict = ballotRulesSchema.parse({ method: 'approval', maxSelections: 1, minSelections: 1 });
    expect(poolViolations(strict, pools, ['a', 'x'])).toEqual([]);
    expect(poolViolations(strict, pools, ['a', 'b'])).toEqual([
      { code: 'TOO_MANY', params: { max: 1, count: 2 }, pool: 'centro' },
      { code: 'TOO_FEW', params: { min: 1, count: 0 }, pool: 'ciudad' },
    ]);
    const half = ballotRulesSchema.parse({ minSpendShare: 0.5 });
    expect(poolViolations(half, pools, ['a', 'y'])).toEqual([
      { code: 'UNDER_MINIMUM_SPEND', params: { minimum: 250_000, share: 50, total: 200_000 }, pool: 'ciudad' },
    ]);
  });

  it('judges a pick on no pool’s ballot with the district, as a ballot without a pool', () => {
    expect(poolViolations(knapsack, pools, ['z', 'x'])).toEqual([
      { code: 'NOT_ON_BALLOT', params: { proposalId: 'z' }, pool: 'centro' },
    ]);
    expect(poolViolations(approval, [pools[0]!], ['a', 'b', 'c', 'z'])).toEqual(
      ballotViolations(approval, district, ['a', 'b', 'c', 'z']).map((v) => ({ ...v, pool: 'centro' })),
    );
  });
});

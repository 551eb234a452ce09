import { ballotRulesSchema } from '../editions/edition';
import { ballotViolations, checkBallot, minimumSpend } from './ballot-rules';

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

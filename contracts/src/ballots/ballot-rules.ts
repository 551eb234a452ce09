import type { BallotRules } from '../editions/edition';
import type { BallotEntry } from '../events/catalog';

export type BallotViolation =
  | { code: 'DUPLICATE_SELECTION'; params: { proposalId: string } }
  | { code: 'NOT_ON_BALLOT'; params: { proposalId: string } }
  | { code: 'TOO_MANY'; params: { max: number; count: number } }
  | { code: 'TOO_FEW'; params: { min: number; count: number } }
  | { code: 'OVER_BUDGET'; params: { total: number; budget: number } }
  | { code: 'UNDER_MINIMUM_SPEND'; params: { minimum: number; share: number; total: number } };

/** The least a ballot must spend under a minimum share of the budget, in whole pesos. */
export function minimumSpend(rules: Pick<BallotRules, 'minSpendShare'>, budget: number): number {
  // Shares are given with at most a few decimals; rounding to millionths keeps 0.3 * budget exact.
  return Math.ceil((Math.round(rules.minSpendShare * 1_000_000) * budget) / 1_000_000);
}

/**
 * Checks a resident's selections against the edition's ballot rules and their district's
 * ballot. The same function runs in the backend, the SPA (to explain before sending) and
 * the audit (to re-check every ballot), so they cannot disagree. Returns the first rule
 * broken, in a fixed order, or null.
 */
export function checkBallot(
  rules: BallotRules,
  district: { budget: number; ballot: BallotEntry[] },
  selections: string[],
): BallotViolation | null {
  const costs = new Map(district.ballot.map((entry) => [entry.proposalId, entry.cost]));
  const seen = new Set<string>();
  for (const proposalId of selections) {
    if (seen.has(proposalId)) return { code: 'DUPLICATE_SELECTION', params: { proposalId } };
    if (!costs.has(proposalId)) return { code: 'NOT_ON_BALLOT', params: { proposalId } };
    seen.add(proposalId);
  }
  const count = selections.length;
  if (rules.maxSelections !== null && count > rules.maxSelections) {
    return { code: 'TOO_MANY', params: { max: rules.maxSelections, count } };
  }
  if (count < rules.minSelections) return { code: 'TOO_FEW', params: { min: rules.minSelections, count } };
  const total = selections.reduce((sum, id) => sum + costs.get(id)!, 0);
  if (rules.method === 'knapsack' && total > district.budget) {
    return { code: 'OVER_BUDGET', params: { total, budget: district.budget } };
  }
  const minimum = minimumSpend(rules, district.budget);
  if (rules.method === 'knapsack' && total < minimum) {
    return { code: 'UNDER_MINIMUM_SPEND', params: { minimum, share: Math.round(rules.minSpendShare * 100), total } };
  }
  return null;
}

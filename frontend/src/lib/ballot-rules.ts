import { minimumSpend } from '@decidimos/contracts/ballots/ballot-rules';
import type { BallotRules } from '@decidimos/contracts/editions/edition';

/** A proposal as it appears on a district's ballot. */
export interface BallotOption {
  id: string;
  title: string;
  cost: number;
}

export type BallotIssue =
  | { code: 'OVER_BUDGET'; total: number; budget: number }
  | { code: 'TOO_MANY'; max: number; count: number }
  | { code: 'TOO_FEW'; min: number; count: number }
  | { code: 'UNDER_MINIMUM_SPEND'; minimum: number; total: number };

export interface BallotTally {
  count: number;
  total: number;
  budget: number;
  remaining: number;
  /** null when the edition sets no limit on how many proposals a ballot may pick. */
  maxSelections: number | null;
  minSelections: number;
  minimumSpend: number;
}

/** Whether a ballot's cost is limited by the budget (knapsack) or only its count (approval). */
export const isKnapsack = (rules: BallotRules) => rules.method === 'knapsack';

export function tally(
  selection: readonly string[],
  options: readonly BallotOption[],
  rules: BallotRules,
  budget: number,
): BallotTally {
  const byId = new Map(options.map((o) => [o.id, o]));
  const total = selection.reduce((sum, id) => sum + (byId.get(id)?.cost ?? 0), 0);
  return {
    count: selection.length,
    total,
    budget,
    remaining: budget - total,
    maxSelections: rules.maxSelections,
    minSelections: rules.minSelections,
    // The contracts' rounding, so the SPA never lets through a ballot the server refuses.
    minimumSpend: minimumSpend(rules, budget),
  };
}

/** Why `option` cannot join the selection, or null when it can (the same rules the server applies). */
export function whyNotAdd(
  option: BallotOption,
  selection: readonly string[],
  options: readonly BallotOption[],
  rules: BallotRules,
  budget: number,
): BallotIssue | null {
  if (selection.includes(option.id)) return null;
  const now = tally(selection, options, rules, budget);
  if (rules.maxSelections !== null && now.count + 1 > rules.maxSelections) {
    return { code: 'TOO_MANY', max: rules.maxSelections, count: now.count + 1 };
  }
  if (isKnapsack(rules) && now.total + option.cost > budget) {
    return { code: 'OVER_BUDGET', total: now.total + option.cost, budget };
  }
  return null;
}

/** What stops a ballot from being cast as it stands; empty when it can be cast. */
export function ballotIssues(
  selection: readonly string[],
  options: readonly BallotOption[],
  rules: BallotRules,
  budget: number,
): BallotIssue[] {
  const now = tally(selection, options, rules, budget);
  const issues: BallotIssue[] = [];
  if (isKnapsack(rules) && now.total > budget) issues.push({ code: 'OVER_BUDGET', total: now.total, budget });
  if (rules.maxSelections !== null && now.count > rules.maxSelections) {
    issues.push({ code: 'TOO_MANY', max: rules.maxSelections, count: now.count });
  }
  if (now.count < rules.minSelections) issues.push({ code: 'TOO_FEW', min: rules.minSelections, count: now.count });
  if (isKnapsack(rules) && now.total < now.minimumSpend) {
    issues.push({ code: 'UNDER_MINIMUM_SPEND', minimum: now.minimumSpend, total: now.total });
  }
  return issues;
}

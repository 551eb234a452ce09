import type { BallotRules } from '../editions/edition';
import type { BallotEntry } from '../events/catalog';

export type BallotViolation =
  | { code: 'DUPLICATE_SELECTION'; params: { proposalId: string } }
  | { code: 'NOT_ON_BALLOT'; params: { proposalId: string } }
  | { code: 'TOO_MANY'; params: { max: number; count: number } }
  | { code: 'TOO_FEW'; params: { min: number; count: number } }
  | { code: 'OVER_BUDGET'; params: { total: number; budget: number } }
  | { code: 'UNDER_MINIMUM_SPEND'; params: { minimum: number; share: number; total: number } };

/**
 * A district's budget and ballot. `costs` (ballotCosts of the ballot), when given, spares
 * rebuilding it per ballot: the verifier checks a million ballots against the same one.
 */
export interface BallotDistrict {
  budget: number;
  ballot: readonly BallotEntry[];
  costs?: ReadonlyMap<string, number>;
}

export function ballotCosts(ballot: readonly BallotEntry[]): ReadonlyMap<string, number> {
  return new Map(ballot.map((entry) => [entry.proposalId, entry.cost]));
}

/** The least a ballot must spend under a minimum share of the budget, in whole pesos. */
export function minimumSpend(rules: Pick<BallotRules, 'minSpendShare'>, budget: number): number {
  // Shares are given with at most a few decimals; rounding to millionths keeps 0.3 * budget exact.
  return Math.ceil((Math.round(rules.minSpendShare * 1_000_000) * budget) / 1_000_000);
}

/**
 * Every ballot rule a resident's selections break, against the edition's ballot rules and
 * their district's ballot, in a fixed order: each repeated or unknown pick in the order
 * given, then too many, too few, over budget, under the minimum spend. The same function
 * runs in the backend, the SPA (to explain before sending) and the audit (to re-check every
 * ballot), so they cannot disagree. Empty when the ballot may be cast.
 */
export function ballotViolations(
  rules: BallotRules,
  district: BallotDistrict,
  selections: readonly string[],
): BallotViolation[] {
  const violations: BallotViolation[] = [];
  const costs = district.costs ?? ballotCosts(district.ballot);
  const seen = new Set<string>();
  // What the ballot spends: each proposal on the ballot once (a repeat or an unknown pick is a violation of its own).
  let total = 0;
  for (const proposalId of selections) {
    const cost = costs.get(proposalId);
    if (seen.has(proposalId)) violations.push({ code: 'DUPLICATE_SELECTION', params: { proposalId } });
    else if (cost === undefined) violations.push({ code: 'NOT_ON_BALLOT', params: { proposalId } });
    else total += cost;
    seen.add(proposalId);
  }
  const count = selections.length;
  if (rules.maxSelections !== null && count > rules.maxSelections) {
    violations.push({ code: 'TOO_MANY', params: { max: rules.maxSelections, count } });
  }
  if (count < rules.minSelections) violations.push({ code: 'TOO_FEW', params: { min: rules.minSelections, count } });
  if (rules.method === 'knapsack') {
    if (total > district.budget) violations.push({ code: 'OVER_BUDGET', params: { total, budget: district.budget } });
    const minimum = minimumSpend(rules, district.budget);
    if (total < minimum) {
      violations.push({
        code: 'UNDER_MINIMUM_SPEND',
        params: { minimum, share: Math.round(rules.minSpendShare * 100), total },
      });
    }
  }
  return violations;
}

/** The first rule a ballot breaks (ballotViolations' order), or null: what the server refuses a cast with. */
export function checkBallot(
  rules: BallotRules,
  district: BallotDistrict,
  selections: readonly string[],
): BallotViolation | null {
  return ballotViolations(rules, district, selections)[0] ?? null;
}

/** One pool of a resident's ballot: their district's, or the citywide pool's, by its id. */
export interface BallotPool extends BallotDistrict {
  id: string;
}

/** A rule one pool of a ballot breaks, and that pool's id. */
export type PoolViolation = BallotViolation & { pool: string };

/**
 * Every ballot rule a resident's selections break, pool by pool: one ballot holds picks for
 * their district (`pools[0]`) and for the citywide pool if the edition has one, and the
 * edition's ballot rules apply to each pool's picks on their own (its budget, its maximum,
 * minimum and minimum spend). A pick on no pool's ballot is judged with the district's
 * picks, so an edition without a citywide pool gets exactly ballotViolations' answer.
 */
export function poolViolations(
  rules: BallotRules,
  pools: readonly BallotPool[],
  selections: readonly string[],
): PoolViolation[] {
  const costs = pools.map((pool) => pool.costs ?? ballotCosts(pool.ballot));
  const picks = pools.map((): string[] => []);
  for (const proposalId of selections) {
    const index = costs.findIndex((poolCosts) => poolCosts.has(proposalId));
    picks[Math.max(index, 0)]?.push(proposalId);
  }
  return pools.flatMap((pool, index) =>
    ballotViolations(rules, { ...pool, costs: costs[index] }, picks[index]!).map((violation) => ({
      ...violation,
      pool: pool.id,
    })),
  );
}

/** The first rule a pooled ballot breaks (poolViolations' order), or null: what the server refuses a cast with. */
export function checkPooledBallot(
  rules: BallotRules,
  pools: readonly BallotPool[],
  selections: readonly string[],
): PoolViolation | null {
  return poolViolations(rules, pools, selections)[0] ?? null;
}

/** The picks of a ballot that belong to one pool's ballot, in the order made. */
export function selectionsIn(costs: ReadonlyMap<string, number>, selections: readonly string[]): string[] {
  return selections.filter((proposalId) => costs.has(proposalId));
}

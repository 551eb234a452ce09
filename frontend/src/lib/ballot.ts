import type { BallotEntry } from '@decidimos/contracts/events/catalog';
import type { BallotRules } from '@decidimos/contracts/editions/edition';

// The rules themselves are the contracts' ballotViolations(), which the server and the audit run too.

/** A proposal as it appears on a district's ballot. */
export interface BallotOption {
  id: string;
  title: string;
  cost: number;
}

/** One pool of a resident's ballot (their district's, or the citywide pool's) and the proposals on it. */
export interface BallotPoolView {
  id: string;
  name: string;
  budget: number;
  options: BallotOption[];
}

/** A district's ballot in the shape the contracts' rules read. */
export function districtBallot(
  options: readonly BallotOption[],
  budget: number,
): { budget: number; ballot: BallotEntry[] } {
  return { budget, ballot: options.map((o) => ({ proposalId: o.id, cost: o.cost })) };
}

/** The figures a ballot shows while it is built: picks, their cost, and what is left. */
export interface BallotTally {
  count: number;
  total: number;
  budget: number;
  remaining: number;
  /** null when the edition sets no limit on how many proposals a ballot may pick. */
  maxSelections: number | null;
}

export function ballotTally(
  selection: readonly string[],
  options: readonly BallotOption[],
  rules: BallotRules,
  budget: number,
): BallotTally {
  const byId = new Map(options.map((o) => [o.id, o]));
  const total = selection.reduce((sum, id) => sum + (byId.get(id)?.cost ?? 0), 0);
  return { count: selection.length, total, budget, remaining: budget - total, maxSelections: rules.maxSelections };
}

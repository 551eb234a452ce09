import type { TalliedElection } from './election';
import type { Price } from './price';
import type { Fraction } from './rational';

/** What both Equal Shares engines, the float one and the exact one, share. */
export type Utility = 'cost' | 'cardinality';
export type Completion = 'add1' | 'add1-greedy';

export interface BallotGroup {
  projects: number[];
  weight: number;
}

/** An election prepared for many Equal Shares runs: identical ballots grouped once. */
export interface EqualSharesElection {
  election: TalliedElection;
  groups: BallotGroup[];
  /** Per project, the groups that approve it. */
  supporters: number[][];
  utility: bigint[];
  /** Projects funded by sharing their cost. */
  candidates: number[];
  /** Approved projects of positive utility and no cost: funded outright. */
  free: number[];
}

/**
 * A set of classes, as their numbers in any order: compared as sets, by sorting both only
 * when their sizes match (most comparisons end there), never made into a string.
 */
export type ClassKey = ArrayLike<number>;

const sortedKeys = new WeakMap<ClassKey, Float64Array>();

function sorted(key: ClassKey): Float64Array {
  let known = sortedKeys.get(key);
  if (!known) {
    known = Float64Array.from(key).sort();
    sortedKeys.set(key, known);
  }
  return known;
}

export function sameKey(a: ClassKey | null | undefined, b: ClassKey | null | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  if (a === b) return true;
  const x = sorted(a);
  const y = sorted(b);
  for (let index = 0; index < x.length; index++) if (x[index] !== y[index]) return false;
  return true;
}

export interface Round {
  winner: number;
  /** What each supporter paid per unit of utility (poorer ones may have paid less). */
  price: Price;
  /** The classes that paid all they had for the winner. */
  poor: ClassKey;
  /** The classes left with nothing after paying. */
  broke: ClassKey;
  /** The projects priced this round: which classes would pay all they have, or null if unaffordable. */
  priced: Map<number, ClassKey | null>;
}

export interface EqualSharesOutcome {
  selected: number[];
  /** The budget each voter started with. */
  perVoterBudget: Fraction;
  rounds: Round[];
  /**
   * Set when the run was given a run at a lower per-voter budget as reference: true if it
   * proves that every per-voter budget between the two gives the same outcome.
   */
  unchangedSinceReference: boolean;
}

export const BROKE = -1;

function groupBallots(election: TalliedElection): BallotGroup[] {
  const byKey = new Map<string, BallotGroup>();
  for (const ballot of election.ballots) {
    if (ballot.length === 0) continue;
    const key = ballot.join(',');
    const group = byKey.get(key);
    if (group) group.weight += 1;
    else byKey.set(key, { projects: ballot, weight: 1 });
  }
  return [...byKey.values()];
}

export function prepareEqualShares(election: TalliedElection, utility: Utility): EqualSharesElection {
  const groups = groupBallots(election);
  const supporters = election.projects.map((): number[] => []);
  groups.forEach((group, index) => group.projects.forEach((project) => supporters[project]!.push(index)));
  const utilities = election.projects.map((project) => (utility === 'cost' ? project.cost : 1n));
  const candidates: number[] = [];
  const free: number[] = [];
  election.projects.forEach((project, index) => {
    if (project.votes === 0 || utilities[index] === 0n) return;
    if (project.cost === 0n) free.push(index);
    else candidates.push(index);
  });
  return { election, groups, supporters, utility: utilities, candidates, free };
}

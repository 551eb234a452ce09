/** One district's vote, as the counting rules see it. Money is integer currency units. */
export interface Election {
  budget: number;
  projects: { id: string; cost: number }[];
  /** The project ids each voter approved; an empty ballot still counts as a voter. */
  ballots: string[][];
}

export type CountingRule =
  { rule: 'greedy' } | { rule: 'equal-shares'; completion: 'add1' | 'add1-greedy'; utility: 'cost' | 'cardinality' };

export interface Tally {
  /** Selected project ids, sorted as strings. */
  selected: string[];
  /** Total cost of the selected projects. */
  cost: number;
  /** Approvals per project, every project included. */
  votes: Record<string, number>;
}

export class InvalidElectionError extends Error {
  override name = 'InvalidElectionError';
}

export interface TalliedProject {
  id: string;
  cost: bigint;
  votes: number;
  /** Position in the tie-break order: more votes, then lower cost, then id. */
  rank: number;
}

/** An election checked and indexed once, so a rule can run on it many times. */
export interface TalliedElection {
  budget: bigint;
  voters: number;
  projects: TalliedProject[];
  /** Each ballot as the indexes of the projects it approves, duplicates removed. */
  ballots: number[][];
}

function checkAmount(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidElectionError(`${what} must be a non-negative integer, got ${value}`);
  }
  return BigInt(value);
}

function indexProjects(election: Election): Map<string, number> {
  const indexById = new Map<string, number>();
  election.projects.forEach((project, index) => {
    if (indexById.has(project.id)) {
      throw new InvalidElectionError(`project ${project.id} is listed twice`);
    }
    indexById.set(project.id, index);
  });
  return indexById;
}

function ballotIndexes(ballot: string[], indexById: Map<string, number>): number[] {
  const indexes = new Set<number>();
  for (const id of ballot) {
    const index = indexById.get(id);
    if (index === undefined) throw new InvalidElectionError(`a ballot approves unknown project ${id}`);
    indexes.add(index);
  }
  return [...indexes].sort((a, b) => a - b);
}

/** The tie-break order every rule and every implementation uses. */
export function tieBreakOrder(
  a: { id: string; cost: bigint; votes: number },
  b: { id: string; cost: bigint; votes: number },
): number {
  if (a.votes !== b.votes) return b.votes - a.votes;
  if (a.cost !== b.cost) return a.cost < b.cost ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function tallyElection(election: Election): TalliedElection {
  const budget = checkAmount(election.budget, 'the budget');
  const indexById = indexProjects(election);
  const ballots = election.ballots.map((ballot) => ballotIndexes(ballot, indexById));
  const votes = new Array<number>(election.projects.length).fill(0);
  for (const ballot of ballots) for (const index of ballot) votes[index]! += 1;
  const projects = election.projects.map((project, index) => ({
    id: project.id,
    cost: checkAmount(project.cost, `the cost of project ${project.id}`),
    votes: votes[index]!,
    rank: 0,
  }));
  [...projects].sort(tieBreakOrder).forEach((project, rank) => (project.rank = rank));
  return { budget, voters: ballots.length, projects, ballots };
}

export function totalCost(election: TalliedElection, selected: Iterable<number>): bigint {
  let total = 0n;
  for (const index of selected) total += election.projects[index]!.cost;
  return total;
}

export { count, equalShares, greedy } from './count';
export { InvalidElectionError, tieBreakOrder, type CountingRule, type Election, type Tally } from './election';
export type { Completion, Utility } from './equal-shares';

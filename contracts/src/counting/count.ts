import { tallyElection, totalCost, type CountingRule, type Election, type Tally } from './election';
import { equalSharesSelection, type Completion, type Utility } from './equal-shares';
import { greedySelection } from './greedy';

/** Counts one district's ballots with the edition's counting rule. */
export function count(election: Election, rule: CountingRule): Tally {
  const tallied = tallyElection(election);
  const selected =
    rule.rule === 'greedy' ? greedySelection(tallied) : equalSharesSelection(tallied, rule.completion, rule.utility);
  const votes: Record<string, number> = {};
  for (const project of tallied.projects) votes[project.id] = project.votes;
  return {
    selected: selected.map((index) => tallied.projects[index]!.id).sort(),
    cost: Number(totalCost(tallied, selected)),
    votes,
  };
}

/** The projects greedy by votes selects, sorted as strings. */
export function greedy(election: Election): string[] {
  return count(election, { rule: 'greedy' }).selected;
}

/** The projects the Method of Equal Shares selects, sorted as strings. */
export function equalShares(election: Election, options: { completion: Completion; utility: Utility }): string[] {
  return count(election, { rule: 'equal-shares', ...options }).selected;
}

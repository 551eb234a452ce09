import { totalCost, type TalliedElection } from './election';

/**
 * Greedy by votes: take projects in tie-break order (most votes, then lower cost, then
 * id) and skip any that no longer fits what is left of the budget. Starting from
 * `alreadySelected` it spends only the money those leave, which is how `add1-greedy`
 * completes an Equal Shares outcome. Matches pabutools' greedy_utilitarian_welfare with
 * Cost_Sat, whose score votes*cost/cost is the vote count. Returns project indexes.
 */
export function greedySelection(election: TalliedElection, alreadySelected: number[] = []): number[] {
  const selected = new Set(alreadySelected);
  let remaining = election.budget - totalCost(election, selected);
  const byRank = election.projects
    .map((project, index) => ({ project, index }))
    .sort((a, b) => a.project.rank - b.project.rank);
  for (const { project, index } of byRank) {
    if (selected.has(index) || project.cost > remaining) continue;
    selected.add(index);
    remaining -= project.cost;
  }
  return [...selected];
}

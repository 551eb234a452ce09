import { ballotCosts, selectionsIn } from '../ballots/ballot-rules';
import type { CountedBallot } from '../tally/tally';
import type { District, EditionRules } from '../editions/edition';
import type { BallotEntry } from '../events/catalog';
import { writePabulib } from './pabulib';

export interface DistrictExport {
  edition: { id: string; title: string; rules: Pick<EditionRules, 'ballot' | 'counting'> };
  /** The district, or the citywide pool (`citywide`: every voter's ballot holds picks for it). */
  district: District & { citywide?: boolean };
  /** The proposals on this pool's ballot with their final costs. */
  entries: BallotEntry[];
  titles: Record<string, string>;
  /** The final ballots of the whole edition (one per voter); only this district's are written. */
  ballots: CountedBallot[];
  /** The tally's winners, when it has been computed. */
  selected?: string[];
}

/** The pabulib name of a counting rule (pabulib writes `equalshares/add1` for what Assen and Świecie used). */
export function pabulibRule(counting: EditionRules['counting']): string {
  if (counting.rule === 'greedy') return 'greedy';
  const utility = counting.utility === 'cost' ? '' : `/${counting.utility}`;
  return `equalshares/${counting.completion}${utility}`;
}

function ballotMeta(rules: EditionRules['ballot'], budget: number): Record<string, string> {
  const meta: Record<string, string> = {};
  if (rules.minSelections > 0) meta['min_length'] = String(rules.minSelections);
  if (rules.maxSelections !== null) meta['max_length'] = String(rules.maxSelections);
  if (rules.method === 'knapsack') meta['max_sum_cost'] = String(budget);
  if (rules.minSpendShare > 0) meta['min_sum_cost'] = String(Math.ceil(rules.minSpendShare * budget));
  return meta;
}

/**
 * One pool of an edition (a district or the citywide pool) as a pabulib file (pabulib keeps
 * one file per district), so researchers can count it with their own tools: its voters'
 * picks on its ballot, as tallyEdition counts them. Voters are numbered 1..n: the file
 * needs no pseudonym to be counted.
 */
export function districtAsPabulib(data: DistrictExport): string {
  const { edition, district, entries } = data;
  const costs = ballotCosts(entries);
  const ballots = data.ballots
    .filter((ballot) => district.citywide === true || ballot.district === district.id)
    .map((b) => selectionsIn(costs, b.selections));
  const votes = new Map(entries.map((entry) => [entry.proposalId, 0]));
  for (const ballot of ballots) for (const id of new Set(ballot)) votes.set(id, (votes.get(id) ?? 0) + 1);
  const selected = data.selected && new Set(data.selected);
  return writePabulib({
    meta: {
      description: `${edition.title}, ${district.name}`,
      country: 'Mexico',
      unit: 'Monterrey',
      district: district.name,
      instance: edition.id,
      num_projects: String(entries.length),
      num_votes: String(ballots.length),
      budget: String(district.budget),
      vote_type: 'approval',
      rule: pabulibRule(edition.rules.counting),
      ...ballotMeta(edition.rules.ballot, district.budget),
      language: 'es',
      currency: 'MXN',
    },
    projects: entries.map((entry) => {
      const fields: Record<string, string> = { votes: String(votes.get(entry.proposalId) ?? 0) };
      if (selected) fields['selected'] = selected.has(entry.proposalId) ? '1' : '0';
      const name = data.titles[entry.proposalId];
      return { id: entry.proposalId, cost: entry.cost, ...(name === undefined ? {} : { name }), fields };
    }),
    votes: ballots.map((vote, index) => ({ voterId: String(index + 1), vote, fields: {} })),
  });
}

import { ballotCosts, selectionsIn } from '../ballots/ballot-rules';
import { count, type CountingRule } from '../counting';
import { editionPools, type CitywidePool, type District, type EditionRules } from '../editions/edition';
import type { BallotEntry, DistrictTally } from '../events/catalog';

export interface CountedBallot {
  district: string;
  selections: string[];
}

export function countingRule(rules: EditionRules['counting']): CountingRule {
  if (rules.rule === 'greedy') return { rule: 'greedy' };
  return { rule: 'equal-shares', completion: rules.completion, utility: rules.utility };
}

/**
 * The results of an edition from its final ballots (one per voter): each pool counted on
 * its own, with its budget and the proposals on its ballot, by the edition's rule. A
 * district's pool counts its residents' picks on its ballot; the citywide pool, last,
 * counts every voter's picks on its ballot (a voter who picked none of it still counts as
 * a voter of it, as an empty ballot does in a district). Auditors run this same function
 * on the public log.
 */
export function tallyEdition(
  edition: {
    districts: District[];
    citywidePool?: CitywidePool | null;
    rules: Pick<EditionRules, 'counting'>;
    ballot: Record<string, BallotEntry[]>;
  },
  ballots: CountedBallot[],
): DistrictTally[] {
  const rule = countingRule(edition.rules.counting);
  const pools = editionPools(edition);
  return pools.map((district) => {
    const entries = edition.ballot[district.id] ?? [];
    const costs = ballotCosts(entries);
    const voters = ballots.filter((b) => district.citywide || b.district === district.id);
    // Without a citywide pool every pick is on the voter's district ballot: nothing to split.
    const districtBallots = voters.map((b) =>
      pools.length > edition.districts.length ? selectionsIn(costs, b.selections) : b.selections,
    );
    const result = count(
      {
        budget: district.budget,
        projects: entries.map((e) => ({ id: e.proposalId, cost: e.cost })),
        ballots: districtBallots,
      },
      rule,
    );
    return {
      id: district.id,
      budget: district.budget,
      spent: result.cost,
      voters: districtBallots.length,
      selected: result.selected,
      votes: result.votes,
    };
  });
}

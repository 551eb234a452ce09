import { count, type CountingRule } from '../counting';
import type { District, EditionRules } from '../editions/edition';
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
 * The results of an edition from its final ballots (one per voter): each district counted
 * on its own, with its budget and the proposals on its ballot, by the edition's rule.
 * Auditors run this same function on the public log.
 */
export function tallyEdition(
  edition: { districts: District[]; rules: Pick<EditionRules, 'counting'>; ballot: Record<string, BallotEntry[]> },
  ballots: CountedBallot[],
): DistrictTally[] {
  const rule = countingRule(edition.rules.counting);
  return edition.districts.map((district) => {
    const entries = edition.ballot[district.id] ?? [];
    const districtBallots = ballots.filter((b) => b.district === district.id).map((b) => b.selections);
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

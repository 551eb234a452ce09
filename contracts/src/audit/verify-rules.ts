import { checkBallot, type BallotViolation } from '../ballots/ballot-rules';
import { ballotCommitment, openingSchema, type Opening } from '../ballots/commitment';
import { type District, type EditionRules, type Phase, nextPhase } from '../editions/edition';
import { isPublished } from '../editions/phases';
import type { BallotEntry, DistrictTally, EventPayload, TreeHeadRef } from '../events/catalog';
import { type CountedBallot, tallyEdition } from '../tally/tally';
import type { LoggedDomainEvent, LoggedHead } from './verify-log';

type LoggedBallot = Extract<LoggedDomainEvent, { type: 'BallotCast' }>;

interface ProposalRecord {
  district: string;
  withdrawn: boolean;
  assessment: { feasible: boolean; cost: number } | null;
}

interface Edition {
  editionId: string;
  districts: District[];
  rules: EditionRules;
  phase: Phase;
  ballot: Record<string, BallotEntry[]> | null;
}

export interface Recount {
  /** Leaf index of the event that closed voting, or null while voting is open. */
  closedAt: number | null;
  ballots: number;
  districts: DistrictTally[];
}

export interface RulesOutcome {
  editionId: string | null;
  ballotsCast: number;
  voters: number;
  recount: Recount | null;
  tally: (EventPayload<'TallyComputed'> & { index: number }) | null;
}

/**
 * Replays the edition as the rules say it must have gone: phases in order, each proposal on
 * the ballot by its assessment and supports, one ballot stream per voter, and once voting
 * has closed, an opening for the last ballot per voter recorded before the close that
 * matches its commitment, its selections valid under the rules frozen when voting opened,
 * and a re-count of those selections that must equal the TallyComputed event. While voting
 * is open ballots are sealed: only their commitments are checked for shape.
 *
 * `openings` are the lines of openings.jsonl (null when none were given).
 */
export function checkRules(
  events: LoggedDomainEvent[],
  heads: LoggedHead[],
  findings: string[],
  openings: readonly unknown[] | null = null,
): RulesOutcome {
  const outcome: RulesOutcome = { editionId: null, ballotsCast: 0, voters: 0, recount: null, tally: null };
  const first = events[0];
  if (!first || first.type !== 'EditionDrafted') {
    findings.push('the log does not begin with EditionDrafted');
    return outcome;
  }
  const edition: Edition = {
    editionId: first.data.editionId,
    districts: first.data.districts,
    rules: first.data.rules,
    phase: 'draft',
    ballot: null,
  };
  outcome.editionId = edition.editionId;
  const proposals = new Map<string, ProposalRecord>();
  const supporters = new Map<string, Set<string>>();
  const ballotsByVoter = new Map<string, LoggedBallot[]>();
  const ballotsById = new Map<string, LoggedBallot>();
  const counted = new Map<string, LoggedBallot>();
  let closedAt: number | null = null;

  for (const event of events.slice(1)) {
    if ('editionId' in event.data && event.data.editionId !== edition.editionId) {
      findings.push(`event ${event.id}: belongs to edition ${event.data.editionId}`);
      continue;
    }
    switch (event.type) {
      case 'EditionDrafted':
        findings.push(`event ${event.id}: a second EditionDrafted`);
        break;
      case 'EditionPhaseAdvanced': {
        const next = nextPhase(edition.phase, edition.rules);
        if (event.data.from !== edition.phase || event.data.to !== next) {
          findings.push(
            `event ${event.id}: phase change ${event.data.from} → ${event.data.to} while in ${edition.phase}`,
          );
        }
        edition.phase = event.data.to;
        if (event.data.to === 'voting') {
          edition.ballot = event.data.ballot ?? {};
          checkBallotComposition(edition, proposals, supporters, findings);
        }
        if (event.data.from === 'voting') closedAt = event.index;
        break;
      }
      case 'ProposalSubmitted':
        proposals.set(event.data.proposalId, { district: event.data.district, withdrawn: false, assessment: null });
        break;
      case 'ProposalEdited': {
        const proposal = proposals.get(event.data.proposalId);
        if (proposal && event.data.district !== undefined) proposal.district = event.data.district;
        break;
      }
      case 'ProposalWithdrawn': {
        const proposal = proposals.get(event.data.proposalId);
        if (proposal) proposal.withdrawn = true;
        break;
      }
      case 'ProposalAssessed': {
        const proposal = proposals.get(event.data.proposalId);
        if (!proposal) findings.push(`event ${event.id}: assesses proposal ${event.data.proposalId}, never submitted`);
        else proposal.assessment = { feasible: event.data.feasible, cost: event.data.cost };
        break;
      }
      case 'SupportGiven':
      case 'SupportWithdrawn': {
        if (edition.phase !== 'supports') findings.push(`event ${event.id}: a support outside the supports phase`);
        const set = supporters.get(event.data.proposalId) ?? new Set<string>();
        if (event.type === 'SupportGiven') set.add(event.data.voter);
        else set.delete(event.data.voter);
        supporters.set(event.data.proposalId, set);
        break;
      }
      case 'BallotCast': {
        outcome.ballotsCast++;
        const voterBallots = ballotsByVoter.get(event.data.voter) ?? [];
        voterBallots.push(event);
        ballotsByVoter.set(event.data.voter, voterBallots);
        ballotsById.set(event.id, event);
        if (checkCast(event, voterBallots, edition, closedAt, findings)) counted.set(event.data.voter, event);
        break;
      }
      case 'TallyComputed':
        if (outcome.tally) findings.push(`event ${event.id}: a second TallyComputed`);
        else outcome.tally = { ...event.data, index: event.index };
        break;
      default:
        break;
    }
  }
  outcome.voters = ballotsByVoter.size;
  if (closedAt === null) {
    if (openings !== null && openings.length > 0) findings.push('openings: given while voting is still open');
  } else if (edition.ballot !== null) {
    const ballots = openCounted([...counted.values()], ballotsById, openings, edition, findings);
    const districts = tallyEdition(
      { districts: edition.districts, rules: edition.rules, ballot: edition.ballot },
      ballots,
    );
    outcome.recount = { closedAt, ballots: ballots.length, districts };
    if (outcome.tally) compareTally(outcome.tally, outcome.recount, edition, heads, findings);
    else if (isPublished(edition.phase)) findings.push('results were published without a TallyComputed event');
  }
  return outcome;
}

/** The ballot must hold exactly the proposals assessed feasible (and supported enough), at their assessed cost. */
function checkBallotComposition(
  edition: Edition,
  proposals: Map<string, ProposalRecord>,
  supporters: Map<string, Set<string>>,
  findings: string[],
): void {
  const { supports } = edition.rules;
  const onBallot = new Set<string>();
  for (const [district, entries] of Object.entries(edition.ballot ?? {})) {
    for (const { proposalId, cost } of entries) {
      onBallot.add(proposalId);
      const proposal = proposals.get(proposalId);
      const name = `proposal ${proposalId}: on the ${district} ballot`;
      if (!proposal) {
        findings.push(`${name} but never submitted`);
        continue;
      }
      const count = supporters.get(proposalId)?.size ?? 0;
      if (proposal.district !== district) findings.push(`${name} but submitted for ${proposal.district}`);
      if (proposal.withdrawn) findings.push(`${name} but withdrawn`);
      if (!proposal.assessment?.feasible) findings.push(`${name} without a feasible assessment`);
      else if (proposal.assessment.cost !== cost) {
        findings.push(`${name} at ${cost} pesos, assessed at ${proposal.assessment.cost}`);
      }
      if (supports.enabled && count < supports.threshold) {
        findings.push(`${name} with ${counted(count, 'support')}, below the threshold of ${supports.threshold}`);
      }
    }
  }
  for (const [proposalId, proposal] of proposals) {
    const reached = !supports.enabled || (supporters.get(proposalId)?.size ?? 0) >= supports.threshold;
    if (!onBallot.has(proposalId) && !proposal.withdrawn && proposal.assessment?.feasible && reached) {
      findings.push(
        `proposal ${proposalId}: assessed feasible and supported enough, but missing from the ${proposal.district} ballot`,
      );
    }
  }
}

/**
 * The selections of the ballots that count, from their openings: each counted ballot needs
 * exactly one opening whose commitment is the ballot's, and no other ballot may be opened
 * (a superseded ballot stays sealed for good). A ballot without a valid opening, or whose
 * opened selections break the rules, is not counted, so the re-count tells it too.
 */
function openCounted(
  ballots: LoggedBallot[],
  ballotsById: Map<string, LoggedBallot>,
  lines: readonly unknown[] | null,
  edition: Edition,
  findings: string[],
): CountedBallot[] {
  if (lines === null) {
    findings.push(
      `openings: voting has closed, but no openings were given for the ${counted(ballots.length, 'ballot')} that count`,
    );
    return [];
  }
  const countedIds = new Set(ballots.map((ballot) => ballot.id));
  const openings = new Map<string, Opening>();
  lines.forEach((line, index) => {
    const parsed = openingSchema.safeParse(line);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      findings.push(`opening #${index + 1}: not an opening (${issue?.path.join('.') || '(root)'}: ${issue?.message})`);
      return;
    }
    const opening = parsed.data;
    const name = `opening of ballot ${opening.ballotId}`;
    if (openings.has(opening.ballotId)) findings.push(`${name}: given twice`);
    else if (countedIds.has(opening.ballotId)) openings.set(opening.ballotId, opening);
    else if (ballotsById.has(opening.ballotId)) {
      findings.push(
        `${name}: that ballot does not count (replaced by a later one, or cast after voting closed), and is never opened`,
      );
    } else findings.push(`${name}: no such ballot in the log`);
  });
  const opened: CountedBallot[] = [];
  for (const ballot of ballots) {
    const name = `ballot ${ballot.id}`;
    const opening = openings.get(ballot.id);
    if (!opening) {
      findings.push(`${name}: counts (the last of its voter before voting closed), but has no opening`);
      continue;
    }
    if (ballotCommitment(opening.salt, opening.selections) !== ballot.data.commitment) {
      findings.push(`${name}: its opening does not match its commitment (selections or salt changed)`);
      continue;
    }
    // checkCast found the district in the edition before counting the ballot.
    const district = edition.districts.find((d) => d.id === ballot.data.district)!;
    const violation = checkBallot(
      edition.rules.ballot,
      { budget: district.budget, ballot: edition.ballot?.[district.id] ?? [] },
      opening.selections,
    );
    if (violation) {
      findings.push(`${name}: ${violationText(violation, district.id)}`);
      continue;
    }
    opened.push({ district: district.id, selections: opening.selections });
  }
  return opened;
}

/** True when the ballot counts (until a later one by the same voter replaces it); its selections are checked once opened. */
function checkCast(
  ballot: LoggedBallot,
  voterBallots: LoggedBallot[],
  edition: Edition,
  closedAt: number | null,
  findings: string[],
): boolean {
  const name = `ballot ${ballot.id}`;
  // Recorded after the event that closed voting: in the log, never counted (the voter was told so).
  if (closedAt !== null) return false;
  if (edition.phase !== 'voting') {
    findings.push(`${name}: cast in the ${edition.phase} phase`);
    return false;
  }
  const streams = new Set(voterBallots.map((b) => b.stream));
  if (streams.size > 1) {
    findings.push(`${name}: voter ${ballot.data.voter.slice(0, 12)}… has ballots in ${streams.size} streams`);
    return false;
  }
  if (voterBallots.length > 1 && !edition.rules.ballot.revoting) {
    findings.push(`${name}: a second ballot by voter ${ballot.data.voter.slice(0, 12)}…, and revoting is off`);
    return false;
  }
  const district = edition.districts.find((d) => d.id === ballot.data.district);
  if (!district) {
    findings.push(`${name}: district ${ballot.data.district} is not in the edition`);
    return false;
  }
  return true;
}

function violationText(violation: BallotViolation, district: string): string {
  switch (violation.code) {
    case 'OVER_BUDGET':
      return `over budget (${violation.params.total} > ${violation.params.budget})`;
    case 'NOT_ON_BALLOT':
      return `selects ${violation.params.proposalId}, which is not on the ${district} ballot`;
    case 'DUPLICATE_SELECTION':
      return `selects ${violation.params.proposalId} twice`;
    case 'TOO_MANY':
      return `too many selections (${violation.params.count} > ${violation.params.max})`;
    case 'TOO_FEW':
      return `too few selections (${violation.params.count} < ${violation.params.min})`;
    case 'UNDER_MINIMUM_SPEND':
      return `under the minimum spend (${violation.params.total} < ${violation.params.minimum})`;
  }
}

function compareTally(
  tally: EventPayload<'TallyComputed'> & { index: number },
  recount: Recount,
  edition: Edition,
  heads: LoggedHead[],
  findings: string[],
): void {
  const closingHead = heads.find((h) => h.head.reason === 'phase:counting');
  if (!closingHead || !sameRef(tally.treeHead, closingHead.head)) {
    findings.push(`TallyComputed: names tree head ${describe(tally.treeHead)}, not the head signed when voting closed`);
  }
  if (JSON.stringify(tally.counting) !== JSON.stringify(edition.rules.counting)) {
    findings.push(
      `TallyComputed: counted by ${tally.counting.rule}, but the edition's rule is ${edition.rules.counting.rule}`,
    );
  }
  if (tally.ballots !== recount.ballots) {
    findings.push(`TallyComputed: ${tally.ballots} ballots counted, the re-count finds ${recount.ballots}`);
  }
  for (const expected of recount.districts) {
    const published = tally.districts.find((d) => d.id === expected.id);
    if (!published) {
      findings.push(`district ${expected.id}: missing from TallyComputed`);
      continue;
    }
    findings.push(...districtDifferences(`district ${expected.id}`, published, expected));
  }
}

/** What differs between a published district result and the re-count, one finding each. */
export function districtDifferences(name: string, published: DistrictTally, recount: DistrictTally): string[] {
  const differences: string[] = [];
  const publishedSelected = [...published.selected].sort().join(', ');
  const recountSelected = [...recount.selected].sort().join(', ');
  if (publishedSelected !== recountSelected) {
    differences.push(`${name}: published winners [${publishedSelected}], the re-count selects [${recountSelected}]`);
  }
  if (published.spent !== recount.spent) {
    differences.push(`${name}: published spending ${published.spent}, the re-count ${recount.spent}`);
  }
  if (published.voters !== recount.voters) {
    differences.push(`${name}: published ${counted(published.voters, 'voter')}, the re-count ${recount.voters}`);
  }
  for (const [proposalId, votes] of Object.entries(recount.votes)) {
    const publishedVotes = published.votes[proposalId] ?? 0;
    if (publishedVotes !== votes) {
      differences.push(
        `${name}: proposal ${proposalId} published with ${counted(publishedVotes, 'vote')}, the re-count gives ${votes}`,
      );
    }
  }
  return differences;
}

/** "1 vote", "2 votes": findings are read by people. */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function sameRef(ref: TreeHeadRef, head: TreeHeadRef): boolean {
  return ref.treeSize === head.treeSize && ref.rootHash === head.rootHash;
}

function describe(ref: TreeHeadRef): string {
  return `(size ${ref.treeSize}, root ${ref.rootHash.slice(0, 12)}…)`;
}

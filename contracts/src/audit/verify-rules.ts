import { ballotCosts, checkPooledBallot, type BallotPool, type BallotViolation } from '../ballots/ballot-rules';
import { ballotCommitment, openingSchema, type Opening } from '../ballots/commitment';
import { scheduledEnd, THE_CALENDAR, windowsOfPlannedStarts, type CalendarPhase } from '../editions/calendar';
import { type CitywidePool, type District, type EditionRules, type Phase, nextPhase } from '../editions/edition';
import { calendarReasonRequired, detailsEditable, rulesFrozen } from '../editions/editing';
import { isPublished } from '../editions/phases';
import type { BallotEntry, DistrictTally, EventPayload, TreeHeadRef } from '../events/catalog';
import { type CountedBallot, tallyEdition } from '../tally/tally';
import { type Finding, type FindingCode, finding } from './findings';
import { StringTable } from './string-table';
import { applyWorkUpdate, initialWorkProgress, workUpdateViolation, type WorkProgress } from '../works/work-rules';
import type { LoggedDomainEvent, LoggedHead } from './verify-log';
import { type TextsOutcome, textsCheck } from './verify-texts';

type LoggedBallot = Extract<LoggedDomainEvent, { type: 'BallotCast' }>;

interface ProposalRecord {
  district: string;
  withdrawn: boolean;
  /** Hidden by a moderator now: it must stay off the ballot. */
  hidden: boolean;
  assessment: { feasible: boolean; cost: number } | null;
}

interface Edition {
  editionId: string;
  districts: District[];
  citywidePool: CitywidePool | null;
  /** As last edited while editing was allowed: the ballot is checked against those in force when voting opened. */
  rules: EditionRules;
  calendar: CalendarPhase[];
  phase: Phase;
  ballot: Record<string, BallotEntry[]> | null;
  /** Each pool's ballot (by district or citywide pool id) as proposal → cost, built once when voting opens. */
  costs: Map<string, ReadonlyMap<string, number>>;
}

/** A voter's ballot that counts, until its opening shows what it counts for. */
interface SealedBallot {
  id: string;
  district: string;
  commitment: string;
}

/** What the rules need of a voter's ballots: their streams (one is allowed) and how many. */
interface VoterRecord {
  stream: string;
  /** Every stream, once a second one appears (a Set per voter would cost a million Sets). */
  streams: Set<string> | null;
  ballots: number;
  /** The ballot that counts for now (the voter's last valid one), and whether one ever did. */
  counted: SealedBallot | null;
  everCounted: boolean;
}

/**
 * ballotCommitment of the opening on line `line` (from 1) of openings.jsonl, computed
 * elsewhere from the same bytes (the CLI's second thread); null where it was not, and the
 * check computes it.
 */
export type OpeningCommitments = (line: number) => string | null;

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
  /** The proposals' texts checked against their commitments; null when texts.jsonl was not given. */
  texts: TextsOutcome | null;
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
  findings: Finding[],
  openings: Iterable<unknown> | null = null,
): RulesOutcome {
  const check = rulesCheck(findings);
  for (const event of events) check.add(event);
  return check.finish(heads, openings);
}

/**
 * Incremental checkRules: one event at a time, as the export streams in, with nothing kept
 * per ballot but its voter, and for each voter's counted ballot its id, district and commitment.
 */
export function rulesCheck(findings: Finding[]): {
  add(event: LoggedDomainEvent): void;
  finish(
    heads: LoggedHead[],
    openings?: Iterable<unknown> | null,
    openingCommitments?: OpeningCommitments | null,
    texts?: Iterable<unknown> | null,
  ): RulesOutcome;
} {
  const outcome: RulesOutcome = {
    editionId: null,
    ballotsCast: 0,
    voters: 0,
    recount: null,
    tally: null,
    texts: null,
  };
  const texts = textsCheck(findings);
  let edition: Edition | null = null;
  let started = false;
  const proposals = new Map<string, ProposalRecord>();
  const supporters = new Map<string, Set<string>>();
  // Booth → its district, as BoothDefined recorded it: an assisted support names one.
  const booths = new Map<string, string>();
  // Voters numbered in a byte table, their records by number: a million of them.
  const voterNumbers = new StringTable();
  const ballotsByVoter: VoterRecord[] = [];
  // The ids of ballots that do not count (replaced, or refused), to tell an opening of one
  // from an opening of no ballot at all. The counted ones are in their voter's record, and
  // the records in the order each voter's first counted ballot came (of a million voters,
  // one Map rather than three keyed by ballot or voter).
  const uncountedIds = new Set<string>();
  const countedVoters: VoterRecord[] = [];
  // One object per distinct (district, selections): a million voters share far fewer
  // ballots, and the parsed events can go as soon as they are checked.
  const distinctBallots = new Map<string, CountedBallot>();
  const countedBallot = (district: string, selections: string[]): CountedBallot => {
    const key = JSON.stringify([district, selections]);
    let ballot = distinctBallots.get(key);
    if (ballot === undefined) distinctBallots.set(key, (ballot = { district, selections }));
    return ballot;
  };
  let closedAt: number | null = null;
  // Each work (a selected proposal) as its updates have left it so far.
  const works = new Map<string, WorkProgress>();

  function start(first: LoggedDomainEvent): Edition | null {
    started = true;
    if (first.type !== 'EditionDrafted') {
      findings.push(finding('LOG_NOT_DRAFTED_FIRST'));
      return null;
    }
    outcome.editionId = first.data.editionId;
    return {
      editionId: first.data.editionId,
      districts: first.data.districts,
      citywidePool: first.data.citywidePool ?? null,
      rules: first.data.rules,
      calendar: windowsOfPlannedStarts(first.data.calendar),
      phase: 'draft',
      ballot: null,
      costs: new Map(),
    };
  }

  function add(event: LoggedDomainEvent): void {
    if (!started) {
      edition = start(event);
      return;
    }
    if (edition === null) return;
    if ('editionId' in event.data && event.data.editionId !== edition.editionId) {
      findings.push(finding('EVENT_OTHER_EDITION', { event: event.id, edition: event.data.editionId }));
      return;
    }
    switch (event.type) {
      case 'EditionDrafted':
        findings.push(finding('SECOND_EDITION_DRAFTED', { event: event.id }));
        break;
      case 'EditionEdited':
        checkEdit(event, edition, proposals, findings);
        break;
      case 'EditionCalendarSet':
        if (calendarReasonRequired(edition.phase) && event.data.reason === null) {
          findings.push(finding('CALENDAR_MOVED_WITHOUT_REASON', { event: event.id, phase: edition.phase }));
        }
        edition.calendar = event.data.phases;
        break;
      case 'EditionPhaseAdvanced': {
        if (event.data.by === THE_CALENDAR) checkScheduledAdvance(event, edition, findings);
        const next = nextPhase(edition.phase, edition.rules);
        if (event.data.from !== edition.phase || event.data.to !== next) {
          findings.push(
            finding('PHASE_OUT_OF_ORDER', {
              event: event.id,
              from: event.data.from,
              to: event.data.to,
              phase: edition.phase,
            }),
          );
        }
        edition.phase = event.data.to;
        if (event.data.to === 'voting') {
          edition.ballot = event.data.ballot ?? {};
          for (const [id, entries] of Object.entries(edition.ballot)) edition.costs.set(id, ballotCosts(entries));
          checkBallotComposition(edition, proposals, supporters, findings);
        }
        if (event.data.from === 'voting') closedAt = event.index;
        break;
      }
      case 'ProposalSubmitted':
        proposals.set(event.data.proposalId, {
          district: event.data.district,
          withdrawn: false,
          hidden: false,
          assessment: null,
        });
        texts.commit(event, event.data.proposalId, event.data.texts);
        break;
      case 'ProposalEdited': {
        const proposal = proposals.get(event.data.proposalId);
        if (proposal && event.data.district !== undefined) proposal.district = event.data.district;
        texts.commit(event, event.data.proposalId, event.data.texts);
        break;
      }
      case 'ProposalReported':
      case 'ProposalHidden':
      case 'ProposalRestored':
      case 'ProposalRedacted':
      case 'ReportsDismissed': {
        const { proposalId } = event.data;
        const proposal = proposals.get(proposalId);
        if (!proposal) {
          findings.push(finding('MODERATION_OF_UNKNOWN_PROPOSAL', { event: event.id, proposalId }));
          break;
        }
        if (event.type === 'ProposalHidden') {
          const onBallot = Object.values(edition.ballot ?? {}).some((entries) =>
            entries.some((entry) => entry.proposalId === proposalId),
          );
          if (onBallot) findings.push(finding('HIDDEN_ON_BALLOT', { event: event.id, proposalId }));
          proposal.hidden = true;
        } else if (event.type === 'ProposalRestored') proposal.hidden = false;
        else if (event.type === 'ProposalRedacted') {
          texts.redact(event, proposalId, event.data.fields, event.data.reason);
        }
        break;
      }
      case 'ProposalWithdrawn': {
        const proposal = proposals.get(event.data.proposalId);
        if (proposal) proposal.withdrawn = true;
        break;
      }
      case 'ProposalAssessed': {
        const proposal = proposals.get(event.data.proposalId);
        if (!proposal) {
          findings.push(
            finding('ASSESSMENT_OF_UNKNOWN_PROPOSAL', { event: event.id, proposalId: event.data.proposalId }),
          );
        } else proposal.assessment = { feasible: event.data.feasible, cost: event.data.cost };
        break;
      }
      case 'BoothDefined':
        booths.set(event.data.boothId, event.data.district);
        break;
      case 'SupportGiven':
      case 'SupportWithdrawn': {
        if (edition.phase !== 'supports') findings.push(finding('SUPPORT_OUTSIDE_PHASE', { event: event.id }));
        if (event.type === 'SupportGiven') checkSupportChannel(event, booths, proposals, findings);
        const set = supporters.get(event.data.proposalId) ?? new Set<string>();
        if (event.type === 'SupportGiven') set.add(event.data.voter);
        else set.delete(event.data.voter);
        supporters.set(event.data.proposalId, set);
        break;
      }
      case 'BallotCast': {
        outcome.ballotsCast++;
        const voter = voterNumbers.add(event.data.voter);
        let voterBallots = ballotsByVoter[voter];
        if (voterBallots === undefined) {
          voterBallots = { stream: event.stream, streams: null, ballots: 0, counted: null, everCounted: false };
          ballotsByVoter.push(voterBallots);
        } else if (voterBallots.streams !== null || event.stream !== voterBallots.stream) {
          (voterBallots.streams ??= new Set([voterBallots.stream])).add(event.stream);
        }
        voterBallots.ballots++;
        if (checkCast(event, voterBallots, edition, closedAt, findings)) {
          const { district, commitment } = event.data;
          if (voterBallots.counted !== null) uncountedIds.add(voterBallots.counted.id);
          voterBallots.counted = { id: event.id, district, commitment };
          if (!voterBallots.everCounted) {
            voterBallots.everCounted = true;
            countedVoters.push(voterBallots);
          }
        } else uncountedIds.add(event.id);
        break;
      }
      case 'TallyComputed':
        if (outcome.tally) findings.push(finding('SECOND_TALLY', { event: event.id }));
        else outcome.tally = { ...event.data, index: event.index };
        break;
      case 'WorkUpdated':
        checkWorkUpdate(event, edition, outcome.tally, works, findings);
        break;
      default:
        break;
    }
  }

  function finish(
    heads: LoggedHead[],
    openings: Iterable<unknown> | null = null,
    openingCommitments: OpeningCommitments | null = null,
    textLines: Iterable<unknown> | null = null,
  ): RulesOutcome {
    if (!started) findings.push(finding('LOG_NOT_DRAFTED_FIRST'));
    if (textLines !== null) outcome.texts = texts.finish(textLines);
    outcome.voters = voterNumbers.size;
    if (edition !== null) recount(edition, heads, openings, openingCommitments);
    return outcome;
  }

  function recount(
    edition: Edition,
    heads: LoggedHead[],
    openings: Iterable<unknown> | null,
    openingCommitments: OpeningCommitments | null,
  ): void {
    if (closedAt === null) {
      if (openings !== null && !isEmpty(openings)) findings.push(finding('OPENINGS_WHILE_VOTING'));
      return;
    }
    if (edition.ballot === null) return;
    const sealed = countedVoters.map((voter) => voter.counted!);
    const ballots = openCounted(sealed, uncountedIds, openings, openingCommitments, edition, findings, countedBallot);
    const districts = tallyEdition(
      {
        districts: edition.districts,
        citywidePool: edition.citywidePool,
        rules: edition.rules,
        ballot: edition.ballot,
      },
      ballots,
    );
    outcome.recount = { closedAt, ballots: ballots.length, districts };
    if (outcome.tally) compareTally(outcome.tally, outcome.recount, edition, heads, findings);
    else if (isPublished(edition.phase)) findings.push(finding('TALLY_MISSING'));
  }

  return { add, finish };
}

/**
 * An edit applies only while the phase allowed it (editions/editing.ts), and may not take
 * away a district that has proposals; one that broke those rules is reported and ignored,
 * so the ballots are still checked against the rules fixed when voting opened.
 */
function checkEdit(
  event: Extract<LoggedDomainEvent, { type: 'EditionEdited' }>,
  edition: Edition,
  proposals: Map<string, ProposalRecord>,
  findings: Finding[],
): void {
  const { title, description, districts, citywidePool, rules } = event.data;
  const name = { event: event.id, phase: edition.phase };
  const details = [title, description, districts, citywidePool].some((value) => value !== undefined);
  if (details && !detailsEditable(edition.phase)) {
    findings.push(finding('DETAILS_EDITED_WHEN_FROZEN', name));
    return;
  }
  if (rules !== undefined && rulesFrozen(edition.phase)) {
    findings.push(finding('RULES_EDITED_AFTER_FREEZE', name));
    return;
  }
  if (districts !== undefined || citywidePool !== undefined) {
    const pool = citywidePool === undefined ? edition.citywidePool : citywidePool;
    const kept = new Set([...(districts ?? edition.districts).map((d) => d.id), ...(pool ? [pool.id] : [])]);
    const inUse = [...new Set([...proposals.values()].map((p) => p.district))].filter((d) => !kept.has(d));
    if (inUse.length > 0) {
      findings.push(finding('DISTRICT_REMOVED_WITH_PROPOSALS', { event: event.id, district: inUse.join(', ') }));
      return;
    }
    if (districts !== undefined) edition.districts = districts;
    edition.citywidePool = pool;
  }
  if (rules !== undefined) edition.rules = rules;
}

/** The calendar moves a phase on only once its calendar said so: never before. */
function checkScheduledAdvance(
  event: Extract<LoggedDomainEvent, { type: 'EditionPhaseAdvanced' }>,
  edition: Edition,
  findings: Finding[],
): void {
  const end = scheduledEnd(edition.phase, edition.calendar, edition.rules);
  if (end === null || Date.parse(event.recordedAt) < Date.parse(end)) {
    findings.push(
      finding('CALENDAR_ADVANCE_EARLY', {
        event: event.id,
        phase: edition.phase,
        at: event.recordedAt,
        end: end ?? '—',
      }),
    );
  }
}

type LoggedWorkUpdate = Extract<LoggedDomainEvent, { type: 'WorkUpdated' }>;

/**
 * A work update must come once the results are published, name a proposal the tally
 * selected, and keep the rules of works (work-rules.ts) against the awarded budget, its
 * cost on the ballot. An update that breaks a rule is reported and left out of the work.
 */
function checkWorkUpdate(
  event: LoggedWorkUpdate,
  edition: Edition,
  tally: RulesOutcome['tally'],
  works: Map<string, WorkProgress>,
  findings: Finding[],
): void {
  const { editionId: _editionId, workId, by: _by, ...update } = event.data;
  const name = { event: event.id, workId };
  if (tally === null || !isPublished(edition.phase)) {
    findings.push(finding('WORK_UPDATE_BEFORE_RESULTS', name));
    return;
  }
  const district = tally.districts.find((d) => d.selected.includes(workId));
  const awarded = district && edition.costs.get(district.id)?.get(workId);
  if (awarded === undefined) {
    findings.push(finding('WORK_UPDATE_NOT_A_WORK', name));
    return;
  }
  const current = works.get(workId) ?? initialWorkProgress;
  const violation = workUpdateViolation(current, update, awarded);
  if (violation) {
    findings.push(finding('WORK_UPDATE_BREAKS_RULE', { ...name, rule: violation.code }));
    return;
  }
  works.set(workId, applyWorkUpdate(current, update));
}

/** The ballot must hold exactly the proposals assessed feasible (and supported enough), at their assessed cost. */
function checkBallotComposition(
  edition: Edition,
  proposals: Map<string, ProposalRecord>,
  supporters: Map<string, Set<string>>,
  findings: Finding[],
): void {
  const { supports } = edition.rules;
  const onBallot = new Set<string>();
  for (const [district, entries] of Object.entries(edition.ballot ?? {})) {
    for (const { proposalId, cost } of entries) {
      onBallot.add(proposalId);
      const proposal = proposals.get(proposalId);
      const entry = { proposalId, district };
      if (!proposal) {
        findings.push(finding('ON_BALLOT_NOT_SUBMITTED', entry));
        continue;
      }
      const count = supporters.get(proposalId)?.size ?? 0;
      if (proposal.district !== district) {
        findings.push(finding('ON_BALLOT_OTHER_DISTRICT', { ...entry, proposalDistrict: proposal.district }));
      }
      if (proposal.withdrawn) findings.push(finding('ON_BALLOT_WITHDRAWN', entry));
      if (proposal.hidden) findings.push(finding('ON_BALLOT_HIDDEN', entry));
      if (!proposal.assessment?.feasible) findings.push(finding('ON_BALLOT_NOT_FEASIBLE', entry));
      else if (proposal.assessment.cost !== cost) {
        findings.push(finding('ON_BALLOT_OTHER_COST', { ...entry, cost, assessed: proposal.assessment.cost }));
      }
      if (supports.enabled && count < supports.threshold) {
        findings.push(
          finding('ON_BALLOT_UNDER_THRESHOLD', { ...entry, supports: count, threshold: supports.threshold }),
        );
      }
    }
  }
  for (const [proposalId, proposal] of proposals) {
    const reached = !supports.enabled || (supporters.get(proposalId)?.size ?? 0) >= supports.threshold;
    const standing = !proposal.withdrawn && !proposal.hidden;
    if (!onBallot.has(proposalId) && standing && proposal.assessment?.feasible && reached) {
      findings.push(finding('MISSING_FROM_BALLOT', { proposalId, district: proposal.district }));
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
  ballots: SealedBallot[],
  uncountedIds: ReadonlySet<string>,
  lines: Iterable<unknown> | null,
  commitments: OpeningCommitments | null,
  edition: Edition,
  findings: Finding[],
  countedBallot: (district: string, selections: string[]) => CountedBallot,
): CountedBallot[] {
  if (lines === null) {
    findings.push(finding('OPENINGS_MISSING', { ballots: ballots.length }));
    return [];
  }
  // Each counted ballot's id numbered; a number several ballots share (a duplicate event id) is rare.
  const countedIds = new StringTable();
  const slotOf = new Int32Array(ballots.length);
  const firstBallot: number[] = [];
  const sharedSlots = new Set<number>();
  for (let i = 0; i < ballots.length; i++) {
    const slot = countedIds.add(ballots[i]!.id);
    slotOf[i] = slot;
    if (slot === firstBallot.length) firstBallot.push(i);
    else sharedSlots.add(slot);
  }
  // Per id number, null until its opening comes, then what it shows: judged as it comes so
  // that a million openings need not be kept (the findings still come in ballot order below).
  const verdicts: (Verdict | null)[] = firstBallot.map(() => null);
  let index = 0;
  for (const line of lines) {
    index++;
    const opening = asOpening(line);
    if (typeof opening === 'string') {
      findings.push(finding('OPENING_MALFORMED', { line: index, reason: opening }));
      continue;
    }
    const name = { ballot: opening.ballotId };
    const slot = countedIds.find(opening.ballotId);
    const earlier = slot < 0 ? undefined : verdicts[slot];
    if (earlier) findings.push(finding('OPENING_DUPLICATE', name));
    else if (earlier === null) {
      const commitment = commitments?.(index) ?? ballotCommitment(opening.salt, opening.selections);
      verdicts[slot] = sharedSlots.has(slot)
        ? { opening, commitment }
        : judgeOpening(ballots[firstBallot[slot]!]!, opening, commitment, edition, countedBallot);
    } else if (uncountedIds.has(opening.ballotId)) findings.push(finding('OPENING_NOT_COUNTED', name));
    else findings.push(finding('OPENING_UNKNOWN_BALLOT', name));
  }
  const opened: CountedBallot[] = [];
  for (let i = 0; i < ballots.length; i++) {
    const ballot = ballots[i]!;
    let verdict = verdicts[slotOf[i]!];
    if (!verdict) {
      findings.push(finding('OPENING_MISSING', { ballot: ballot.id }));
      continue;
    }
    if ('opening' in verdict)
      verdict = judgeOpening(ballot, verdict.opening, verdict.commitment, edition, countedBallot);
    if (verdict === MISMATCH) findings.push(finding('OPENING_MISMATCH', { ballot: ballot.id }));
    else if ('code' in verdict) findings.push(verdict);
    else opened.push(verdict as CountedBallot);
  }
  return opened;
}

/** What an opening shows of its ballot: counted as these selections, or a finding; an opening to judge later when several ballots share its id. */
type Verdict = CountedBallot | Finding | typeof MISMATCH | { opening: Opening; commitment: string };
const MISMATCH = { mismatch: true } as const;

function judgeOpening(
  ballot: SealedBallot,
  opening: Opening,
  commitment: string,
  edition: Edition,
  countedBallot: (district: string, selections: string[]) => CountedBallot,
): CountedBallot | Finding | typeof MISMATCH {
  if (commitment !== ballot.commitment) return MISMATCH;
  // checkCast found the district in the edition before counting the ballot.
  const district = edition.districts.find((d) => d.id === ballot.district)!;
  const violation = checkPooledBallot(edition.rules.ballot, ballotPools(edition, district), opening.selections);
  if (violation) {
    return finding(VIOLATION_FINDINGS[violation.code], {
      ballot: ballot.id,
      district: violation.pool,
      ...violation.params,
    });
  }
  return countedBallot(district.id, opening.selections);
}

/** The pools a resident of `district` votes in: their district's ballot, then the citywide pool's if any. */
function ballotPools(edition: Edition, district: District): BallotPool[] {
  const pools = edition.citywidePool ? [district, edition.citywidePool] : [district];
  return pools.map((pool) => ({
    id: pool.id,
    budget: pool.budget,
    ballot: edition.ballot?.[pool.id] ?? [],
    costs: edition.costs.get(pool.id),
  }));
}

function isEmpty(values: Iterable<unknown>): boolean {
  for (const _ of values) return false;
  return true;
}

/** A line of openings.jsonl as an opening, or what is wrong with it. */
export function asOpening(line: unknown): Opening | string {
  if (isOpening(line)) return line;
  const parsed = openingSchema.safeParse(line);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || '(root)'}: ${issue?.message}`;
}

const OPENING_KEYS = Object.keys(openingSchema.shape);
const HEX32 = /^[0-9a-f]{64}$/;
const isId = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 200;

/**
 * openingSchema checked by hand for a million openings: true only for what the schema
 * accepts (its three keys in its order, each valid); anything else goes through the
 * schema, which words what is wrong.
 */
function isOpening(line: unknown): line is Opening {
  if (typeof line !== 'object' || line === null || Array.isArray(line)) return false;
  const keys = Object.keys(line);
  if (keys.length !== OPENING_KEYS.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== OPENING_KEYS[i]) return false;
  const { ballotId, selections, salt } = line as Record<string, unknown>;
  return (
    isId(ballotId) &&
    Array.isArray(selections) &&
    selections.every(isId) &&
    typeof salt === 'string' &&
    salt.length === 64 &&
    HEX32.test(salt)
  );
}

/** True when the ballot counts (until a later one by the same voter replaces it); its selections are checked once opened. */
function checkCast(
  ballot: LoggedBallot,
  voterBallots: VoterRecord,
  edition: Edition,
  closedAt: number | null,
  findings: Finding[],
): boolean {
  const name = { ballot: ballot.id };
  // Recorded after the event that closed voting: in the log, never counted (the voter was told so).
  if (closedAt !== null) return false;
  if (edition.phase !== 'voting') {
    findings.push(finding('BALLOT_OUTSIDE_VOTING', { ...name, phase: edition.phase }));
    return false;
  }
  const { streams } = voterBallots;
  if (streams !== null && streams.size > 1) {
    findings.push(
      finding('BALLOT_IN_SEVERAL_STREAMS', { ...name, voter: ballot.data.voter.slice(0, 12), streams: streams.size }),
    );
    return false;
  }
  if (voterBallots.ballots > 1 && !edition.rules.ballot.revoting) {
    findings.push(finding('BALLOT_REVOTE_NOT_ALLOWED', { ...name, voter: ballot.data.voter.slice(0, 12) }));
    return false;
  }
  const district = edition.districts.find((d) => d.id === ballot.data.district);
  if (!district) {
    findings.push(finding('BALLOT_UNKNOWN_DISTRICT', { ...name, district: ballot.data.district }));
    return false;
  }
  return true;
}

const VIOLATION_FINDINGS: Record<BallotViolation['code'], FindingCode> = {
  OVER_BUDGET: 'BALLOT_OVER_BUDGET',
  NOT_ON_BALLOT: 'BALLOT_NOT_ON_BALLOT',
  DUPLICATE_SELECTION: 'BALLOT_DUPLICATE_SELECTION',
  TOO_MANY: 'BALLOT_TOO_MANY',
  TOO_FEW: 'BALLOT_TOO_FEW',
  UNDER_MINIMUM_SPEND: 'BALLOT_UNDER_MINIMUM_SPEND',
};

function compareTally(
  tally: EventPayload<'TallyComputed'> & { index: number },
  recount: Recount,
  edition: Edition,
  heads: LoggedHead[],
  findings: Finding[],
): void {
  const closingHead = heads.find((h) => h.head.reason === 'phase:counting');
  if (!closingHead || !sameRef(tally.treeHead, closingHead.head)) {
    findings.push(
      finding('TALLY_WRONG_HEAD', { size: tally.treeHead.treeSize, root: tally.treeHead.rootHash.slice(0, 12) }),
    );
  }
  if (JSON.stringify(tally.counting) !== JSON.stringify(edition.rules.counting)) {
    findings.push(finding('TALLY_WRONG_RULE', { rule: tally.counting.rule, expected: edition.rules.counting.rule }));
  }
  if (tally.ballots !== recount.ballots) {
    findings.push(
      finding('BALLOT_COUNT_DIFFERS', { source: 'TallyComputed', published: tally.ballots, recount: recount.ballots }),
    );
  }
  for (const expected of recount.districts) {
    const published = tally.districts.find((d) => d.id === expected.id);
    if (!published) {
      findings.push(finding('DISTRICT_MISSING', { source: 'TallyComputed', district: expected.id }));
      continue;
    }
    findings.push(...districtDifferences('TallyComputed', published, expected));
  }
}

/**
 * What differs between a district result published in `source` (TallyComputed or
 * results.json) and the re-count, one finding each.
 */
export function districtDifferences(source: string, published: DistrictTally, recount: DistrictTally): Finding[] {
  const differences: Finding[] = [];
  const name = { source, district: recount.id };
  const publishedSelected = [...published.selected].sort().join(', ');
  const recountSelected = [...recount.selected].sort().join(', ');
  if (publishedSelected !== recountSelected) {
    differences.push(finding('WINNERS_DIFFER', { ...name, published: publishedSelected, recount: recountSelected }));
  }
  if (published.spent !== recount.spent) {
    differences.push(finding('SPENDING_DIFFERS', { ...name, published: published.spent, recount: recount.spent }));
  }
  if (published.voters !== recount.voters) {
    differences.push(finding('VOTERS_DIFFER', { ...name, published: published.voters, recount: recount.voters }));
  }
  for (const [proposalId, votes] of Object.entries(recount.votes)) {
    const publishedVotes = published.votes[proposalId] ?? 0;
    if (publishedVotes !== votes) {
      differences.push(finding('VOTES_DIFFER', { ...name, proposalId, published: publishedVotes, recount: votes }));
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

/**
 * A support recorded at a booth names a booth of this edition, in the supported proposal's
 * district (the person's district is the booth's); one given online names none.
 */
function checkSupportChannel(
  event: Extract<LoggedDomainEvent, { type: 'SupportGiven' }>,
  booths: ReadonlyMap<string, string>,
  proposals: ReadonlyMap<string, ProposalRecord>,
  findings: Finding[],
): void {
  const { channel, booth, proposalId } = event.data;
  if (channel === 'online') {
    if (booth !== null) findings.push(finding('SUPPORT_ONLINE_AT_BOOTH', { event: event.id, booth }));
    return;
  }
  const boothDistrict = booth === null ? undefined : booths.get(booth);
  if (boothDistrict === undefined) {
    findings.push(finding('SUPPORT_UNKNOWN_BOOTH', { event: event.id, booth: booth ?? '' }));
    return;
  }
  const proposalDistrict = proposals.get(proposalId)?.district;
  if (proposalDistrict !== undefined && proposalDistrict !== boothDistrict) {
    findings.push(
      finding('SUPPORT_BOOTH_OTHER_DISTRICT', {
        event: event.id,
        booth: booth!,
        district: boothDistrict,
        proposalDistrict,
      }),
    );
  }
}

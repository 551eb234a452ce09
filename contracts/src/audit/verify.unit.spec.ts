import { ballotCommitment, type Opening } from '../ballots/commitment';
import { type EditionRules, editionRulesSchema } from '../editions/edition';
import { type EventType, SCHEMA_VERSIONS, parsePublicEvent } from '../events/catalog';
import type { PublicEvent } from '../events/public-event';
import { textCommitment } from '../proposals/text-commitment';
import type { ProposalTextField, TextLine } from '../proposals/texts';
import { tallyEdition } from '../tally/tally';
import type { TreeHeadsDocument } from './audit-documents';
import { toHex } from './encoding';
import { eventLeafHash } from './event-leaf';
import { finding } from './findings';
import { MerkleTree } from './merkle-tree';
import { type TreeHead, generateSigningKey, keyId, signTreeHead } from './tree-head';
import { verifyEdition } from './verify';
import { INTERVAL_REASON, headReason } from './verify-log';

const EDITION = 'pp-2027';
const pseudonym = (name: string) => toHex(eventLeafHash(name));
const ADMIN = pseudonym('admin');
const REVIEWER = pseudonym('reviewer');
const key = generateSigningKey();

interface Options {
  revoting?: boolean;
  threshold?: number;
  /** Sign this phase change's head as an interval head instead (a signer that skipped it). */
  intervalInsteadOf?: string;
  /** The edition has the citywide pool CITYWIDE. */
  citywide?: boolean;
  /** Record EditionDrafted with this schema version (1: as before citywide pools existed). */
  draftedVersion?: number;
}

const CITYWIDE = { id: 'ciudad', name: 'Toda la ciudad', budget: 800 };

/**
 * Writes an edition's log the way the backend does: events in order, each stream's revisions
 * from 0, a TreeHeadSigned event after every phase change and the tally, the tree-heads
 * document with consistency proofs, and the results.
 */
class EditionLog {
  readonly events: PublicEvent[] = [];
  private readonly revisions = new Map<string, number>();
  private readonly tree = new MerkleTree();
  readonly heads: TreeHead[] = [];
  private ballot: Record<string, { proposalId: string; cost: number }[]> = {};
  private readonly lastBallots = new Map<string, { district: string; selections: string[] }>();
  /** The opening of every ballot, by ballot id, and of each voter's last one before the close. */
  readonly allOpenings = new Map<string, Opening>();
  private readonly lastOpenings = new Map<string, Opening>();
  readonly rules: EditionRules;
  closed = false;
  /** texts.jsonl as the server publishes it: every text commitment's text and salt, or its redaction. */
  readonly texts: TextLine[] = [];

  constructor(private readonly options: Options = {}) {
    this.rules = editionRulesSchema.parse({
      supports: { enabled: true, perResident: 5, threshold: options.threshold ?? 1 },
      ballot: { method: 'knapsack', revoting: options.revoting ?? true },
      counting: { rule: 'greedy' },
    });
    this.record('edition', 'EditionDrafted', {
      title: 'Presupuesto Participativo 2027',
      description: '',
      districts: [{ id: 'centro', name: 'Centro', budget: 1000 }],
      rules: this.rules,
      calendar: {},
      createdBy: ADMIN,
      ...(options.citywide ? { citywidePool: CITYWIDE } : {}),
    });
  }

  record(stream: string, type: string, data: Record<string, unknown>): PublicEvent {
    const revision = this.revisions.get(stream) ?? 0;
    this.revisions.set(stream, revision + 1);
    const event: PublicEvent = {
      id: `00000000-0000-4000-8000-${String(this.events.length).padStart(12, '0')}`,
      type,
      schemaVersion:
        type === 'EditionDrafted' && this.options.draftedVersion !== undefined
          ? this.options.draftedVersion
          : SCHEMA_VERSIONS[type as EventType],
      stream: `${stream}-${EDITION}`,
      revision,
      recordedAt: new Date(Date.UTC(2027, 0, 1, 0, this.events.length)).toISOString(),
      data: { editionId: EDITION, ...data },
    };
    this.events.push(event);
    this.tree.append(eventLeafHash(event));
    const reason = headReason(parsePublicEvent(type, event.data, event.schemaVersion));
    if (reason !== null)
      this.sign(reason === this.options.intervalInsteadOf ? INTERVAL_REASON : reason, event.recordedAt);
    return event;
  }

  phase(from: string, to: string): this {
    if (from === 'voting') this.closed = true;
    this.record('edition', 'EditionPhaseAdvanced', {
      from,
      to,
      by: ADMIN,
      ...(to === 'voting' ? { ballot: this.ballot } : {}),
    });
    return this;
  }

  propose(proposalId: string, cost: number, district = 'centro'): this {
    const stream = `proposal-${proposalId}`;
    const title = this.commit(proposalId, 'title', proposalId);
    const description = this.commit(proposalId, 'description', 'Una obra para el barrio.');
    const event = this.record(stream, 'ProposalSubmitted', {
      proposalId,
      author: pseudonym('author'),
      texts: { title: title.commitment, description: description.commitment, location: null },
      district,
      estimatedCost: cost,
      category: null,
    });
    this.texts.push({ ...title, event: event.id }, { ...description, event: event.id });
    return this;
  }

  editTitle(proposalId: string, text: string): this {
    const title = this.commit(proposalId, 'title', text);
    const event = this.record(`proposal-${proposalId}`, 'ProposalEdited', {
      proposalId,
      texts: { title: title.commitment },
    });
    this.texts.push({ ...title, event: event.id });
    return this;
  }

  /** A moderator's redaction: the event, and the texts' lines replaced by markers, as the server does. */
  redact(proposalId: string, fields: ProposalTextField[], reason = 'Publica un teléfono'): this {
    this.record(`moderation-${proposalId}`, 'ProposalRedacted', { proposalId, reason, by: ADMIN, fields });
    this.texts.forEach((line, i) => {
      if (line.proposalId !== proposalId || !fields.includes(line.field)) return;
      const { proposalId: id, field, event, commitment } = line;
      this.texts[i] = { proposalId: id, field, event, commitment, redacted: { reason } };
    });
    return this;
  }

  hide(proposalId: string): this {
    this.record(`moderation-${proposalId}`, 'ProposalHidden', { proposalId, reason: 'Ofensiva', by: ADMIN });
    return this;
  }

  private commit(proposalId: string, field: ProposalTextField, text: string) {
    const salt = toHex(eventLeafHash(`salt-${proposalId}-${field}-${this.texts.length}-${text}`));
    return { proposalId, field, commitment: textCommitment({ proposalId, field, salt, text }), text, salt };
  }

  assess(proposalId: string, cost: number, feasible = true): this {
    this.record(`proposal-${proposalId}`, 'ProposalAssessed', {
      proposalId,
      reviewer: REVIEWER,
      feasible,
      cost,
      reason: 'Dictamen del comité.',
      technical: null,
      legal: null,
      financial: null,
    });
    return this;
  }

  /** A support given online, or recorded at `booth`. */
  support(voter: string, proposalId: string, booth: string | null = null): this {
    this.record(`supports-${pseudonym(voter)}`, 'SupportGiven', {
      voter: pseudonym(voter),
      proposalId,
      channel: booth === null ? 'online' : 'assisted',
      booth,
      residenceProof: null,
    });
    return this;
  }

  /** A voting booth of this edition. */
  defineBooth(boothId: string, district: string): this {
    this.record(`booth-${boothId}`, 'BoothDefined', {
      boothId,
      name: `Mesa ${boothId}`,
      address: 'Zuazua s/n',
      district,
      opensAt: '2027-04-01T14:00:00.000Z',
      closesAt: '2027-04-01T22:00:00.000Z',
      by: ADMIN,
    });
    return this;
  }

  onBallot(entries: { proposalId: string; cost: number }[], citywide?: { proposalId: string; cost: number }[]): this {
    this.ballot = { centro: entries, ...(citywide ? { ciudad: citywide } : {}) };
    return this;
  }

  /** A ballot in its public form (a commitment); its opening is kept for when voting closes. */
  vote(voter: string, selections: string[]): PublicEvent {
    if (!this.closed) this.lastBallots.set(voter, { district: 'centro', selections });
    const salt = toHex(eventLeafHash(`salt-${this.events.length}`));
    const ballot = this.record(`ballot-${pseudonym(voter)}`, 'BallotCast', {
      voter: pseudonym(voter),
      district: 'centro',
      commitment: ballotCommitment(salt, selections),
      channel: 'online',
      booth: null,
      residenceProof: null,
    });
    const opening = { ballotId: ballot.id, selections, salt };
    this.allOpenings.set(ballot.id, opening);
    if (!this.closed) this.lastOpenings.set(voter, opening);
    return ballot;
  }

  /** openings.jsonl as the server publishes it once voting has closed; null before. */
  get openings(): Opening[] | null {
    return this.closed ? [...this.lastOpenings.values()] : null;
  }

  /** Counts every last ballot, as the server does, whatever the rules say of it. */
  tally(): this {
    const ballots = [...this.lastBallots.values()];
    const districts = tallyEdition(
      {
        districts: [{ id: 'centro', name: 'Centro', budget: 1000 }],
        citywidePool: this.options.citywide ? CITYWIDE : null,
        rules: this.rules,
        ballot: this.ballot,
      },
      ballots,
    );
    const closing = this.heads.find((h) => h.reason === 'phase:counting')!;
    this.record('edition', 'TallyComputed', {
      counting: this.rules.counting,
      ballots: ballots.length,
      districts,
      treeHead: { treeSize: closing.treeSize, rootHash: closing.rootHash },
    });
    return this;
  }

  get treeHeads(): TreeHeadsDocument {
    return {
      editionId: EDITION,
      publicKey: key.publicKey,
      keyId: keyId(key.publicKey),
      treeHeads: this.heads,
      consistency: this.heads.slice(1).map((head, i) => ({
        fromSize: this.heads[i]!.treeSize,
        toSize: head.treeSize,
        proof: this.tree.consistencyProof(this.heads[i]!.treeSize, head.treeSize).map(toHex),
      })),
    };
  }

  get results() {
    const tally = this.events.find((e) => e.type === 'TallyComputed')?.data as {
      ballots: number;
      districts: { id: string; budget: number; spent: number; voters: number; selected: string[]; votes: object }[];
    };
    if (!tally) return null;
    return {
      editionId: EDITION,
      ballots: tally.ballots,
      treeHead: this.heads.find((h) => h.reason === 'phase:counting'),
      districts: tally.districts.map((d) => ({
        id: d.id,
        budget: d.budget,
        spent: d.spent,
        voters: d.voters,
        proposals: this.ballot[d.id]!.map((entry) => ({
          id: entry.proposalId,
          cost: entry.cost,
          votes: (d.votes as Record<string, number>)[entry.proposalId] ?? 0,
          selected: d.selected.includes(entry.proposalId),
        })),
      })),
    };
  }

  /** A head signed because TREE_HEAD_INTERVAL passed while events arrived. */
  signInterval(): this {
    this.sign(INTERVAL_REASON, '2027-03-01T12:01:00.000Z');
    return this;
  }

  private sign(reason: string, timestamp: string): void {
    const head = signTreeHead(
      { editionId: EDITION, treeSize: this.tree.size, rootHash: toHex(this.tree.root()), timestamp, reason },
      key.privateKey,
    );
    this.heads.push(head);
    this.record('audit', 'TreeHeadSigned', { ...head, publicKey: key.publicKey });
  }
}

/** An edition up to the opening of voting: p1 and p2 feasible and supported, p3 unfeasible. */
function openVoting(options: Options = {}): EditionLog {
  return new EditionLog(options)
    .phase('draft', 'proposals')
    .propose('p1', 600)
    .propose('p2', 500)
    .propose('p3', 300)
    .phase('proposals', 'review')
    .assess('p1', 600)
    .assess('p2', 450)
    .assess('p3', 300, false)
    .phase('review', 'supports')
    .support('ana', 'p1')
    .support('beto', 'p2')
    .onBallot([
      { proposalId: 'p1', cost: 600 },
      { proposalId: 'p2', cost: 450 },
    ])
    .phase('supports', 'voting');
}

function closeAndCount(log: EditionLog): EditionLog {
  return log.phase('voting', 'counting').tally().phase('counting', 'results');
}

const verify = (
  log: EditionLog,
  overrides: {
    events?: unknown[];
    treeHeads?: TreeHeadsDocument;
    results?: unknown;
    openings?: unknown[];
    texts?: unknown[];
  } = {},
) =>
  verifyEdition({
    events: overrides.events ?? log.events,
    treeHeads: overrides.treeHeads ?? log.treeHeads,
    results: overrides.results ?? log.results,
    openings: overrides.openings ?? log.openings,
    texts: overrides.texts ?? log.texts,
  });

describe('verifying an edition from its export', () => {
  it('accepts heads signed at any size while events arrive (TREE_HEAD_INTERVAL), between the phase heads', () => {
    const log = openVoting();
    log.vote('ana', ['p1']);
    log.signInterval();
    log.vote('beto', ['p2']);
    log.vote('carla', ['p1']);
    log.signInterval();
    const verification = verify(closeAndCount(log));
    expect(verification.findings).toEqual([]);
    expect(verification.treeHeads).toBe(9);
  });

  it('still names a phase change left without its own head when an interval head covers it', () => {
    const log = openVoting({ intervalInsteadOf: 'phase:voting' });
    const phaseChange = log.events[log.events.length - 2]!;
    const { findings } = verify(log);
    expect(findings).toEqual([finding('EVENT_WITHOUT_HEAD', { event: phaseChange.id, reason: 'phase:voting' })]);
  });

  it('finds nothing wrong with a faithful log, and re-counts it', () => {
    const log = openVoting();
    log.vote('ana', ['p1']);
    log.vote('beto', ['p2']);
    log.vote('ana', ['p1']);
    log.vote('carla', ['p1']);
    const verification = verify(closeAndCount(log));
    expect(verification.findings).toEqual([]);
    expect(verification).toMatchObject({ ok: true, editionId: EDITION, treeHeads: 7, ballotsCast: 4, voters: 3 });
    expect(verification.recount?.districts).toEqual([
      { id: 'centro', budget: 1000, spent: 600, voters: 3, selected: ['p1'], votes: { p1: 2, p2: 1 } },
    ]);
  });

  describe('ballots', () => {
    it('names a ballot over the district budget', () => {
      const log = openVoting();
      const ballot = log.vote('ana', ['p1', 'p2']);
      expect(verify(closeAndCount(log)).findings).toContainEqual(
        finding('BALLOT_OVER_BUDGET', { ballot: ballot.id, district: 'centro', total: 1050, budget: 1000 }),
      );
    });

    it('names a ballot that selects a proposal not on the ballot', () => {
      const log = openVoting();
      const ballot = log.vote('ana', ['p3']);
      log.phase('voting', 'counting');
      expect(verify(log).findings).toContainEqual(
        finding('BALLOT_NOT_ON_BALLOT', { ballot: ballot.id, district: 'centro', proposalId: 'p3' }),
      );
    });

    it('names a second ballot when revoting is off, and counts the first', () => {
      const log = openVoting({ revoting: false });
      log.vote('ana', ['p1']);
      const second = log.vote('ana', ['p2']);
      // Both opened: the first is the one that counts; the second must not have been opened.
      const { findings, recount } = verify(closeAndCount(log), { openings: [...log.allOpenings.values()] });
      expect(findings[0]).toEqual(
        finding('BALLOT_REVOTE_NOT_ALLOWED', { ballot: second.id, voter: pseudonym('ana').slice(0, 12) }),
      );
      expect(findings).toContainEqual(finding('OPENING_NOT_COUNTED', { ballot: second.id }));
      expect(recount?.districts[0]?.votes).toEqual({ p1: 1, p2: 0 });
    });

    it('names a ballot cast before voting opened', () => {
      const log = new EditionLog().phase('draft', 'proposals');
      const early = log.vote('ana', []);
      expect(verify(log).findings).toContainEqual(
        finding('BALLOT_OUTSIDE_VOTING', { ballot: early.id, phase: 'proposals' }),
      );
    });

    it('does not count, and does not blame, a ballot recorded after voting closed', () => {
      const log = openVoting();
      log.vote('ana', ['p1']);
      log.phase('voting', 'counting');
      log.vote('beto', ['p2']);
      const { findings, recount } = verify(log.tally());
      expect(findings).toEqual([]);
      expect(recount?.ballots).toBe(1);
    });
  });

  describe('sealed ballots and their openings', () => {
    /** ana, beto and carla vote; ana votes again, so her first ballot is replaced. */
    function voted() {
      const log = openVoting();
      const replaced = log.vote('ana', ['p2']);
      const beto = log.vote('beto', ['p2']);
      log.vote('ana', ['p1']);
      log.vote('carla', []);
      return { log, replaced, beto };
    }
    const without = (openings: Opening[], ballotId: string) => openings.filter((o) => o.ballotId !== ballotId);
    const changed = (openings: Opening[], ballotId: string, change: Partial<Opening>) =>
      openings.map((o) => (o.ballotId === ballotId ? { ...o, ...change } : o));

    it('while voting is open, checks the ballots without their selections: no opening, no re-count', () => {
      const { log } = voted();
      const verification = verify(log);
      expect(verification.findings).toEqual([]);
      expect(verification).toMatchObject({ ok: true, ballotsCast: 4, voters: 3, recount: null });
    });

    it('names openings given while voting is open', () => {
      const { log } = voted();
      const openings = [...log.allOpenings.values()];
      expect(verify(log, { openings }).findings).toEqual([finding('OPENINGS_WHILE_VOTING')]);
    });

    it('after close, re-counts the opened selections of the last ballot of each voter', () => {
      const { log } = voted();
      const verification = verify(closeAndCount(log));
      expect(verification.findings).toEqual([]);
      expect(verification.recount?.districts[0]).toMatchObject({ voters: 3, votes: { p1: 1, p2: 1 } });
    });

    it('names a changed selection, and the re-count no longer matches the tally', () => {
      const { log, beto } = voted();
      closeAndCount(log);
      const openings = changed(log.openings!, beto.id, { selections: ['p1'] });
      const { findings } = verify(log, { openings });
      expect(findings[0]).toEqual(finding('OPENING_MISMATCH', { ballot: beto.id }));
      expect(findings).toContainEqual(
        finding('BALLOT_COUNT_DIFFERS', { source: 'TallyComputed', published: 3, recount: 2 }),
      );
    });

    it('names a changed salt', () => {
      const { log, beto } = voted();
      closeAndCount(log);
      const openings = changed(log.openings!, beto.id, { salt: 'ab'.repeat(32) });
      expect(verify(log, { openings }).findings[0]).toEqual(finding('OPENING_MISMATCH', { ballot: beto.id }));
    });

    it('names a missing opening, and all of them missing', () => {
      const { log, beto } = voted();
      closeAndCount(log);
      expect(verify(log, { openings: without(log.openings!, beto.id) }).findings[0]).toEqual(
        finding('OPENING_MISSING', { ballot: beto.id }),
      );
      const all = verifyEdition({ events: log.events, treeHeads: log.treeHeads, results: log.results });
      expect(all.findings[0]).toEqual(finding('OPENINGS_MISSING', { ballots: 3 }));
    });

    it('names an opening of a replaced ballot, of an unknown one, a repeated one and a malformed line', () => {
      const { log, replaced, beto } = voted();
      closeAndCount(log);
      const openings: unknown[] = [
        ...log.openings!,
        log.allOpenings.get(replaced.id)!,
        { ballotId: 'no-such-ballot', selections: [], salt: 'cd'.repeat(32) },
        log.allOpenings.get(beto.id)!,
        { ballotId: beto.id, selections: ['p1'] },
      ];
      expect(verify(log, { openings }).findings).toEqual([
        finding('OPENING_NOT_COUNTED', { ballot: replaced.id }),
        finding('OPENING_UNKNOWN_BALLOT', { ballot: 'no-such-ballot' }),
        finding('OPENING_DUPLICATE', { ballot: beto.id }),
        finding('OPENING_MALFORMED', { line: 7, reason: 'salt: Invalid input: expected string, received undefined' }),
      ]);
    });

    it('checks the rules on the opened selections', () => {
      const log = openVoting();
      const ballot = log.vote('ana', ['p1', 'p2']);
      const { findings } = verify(closeAndCount(log));
      expect(findings[0]).toEqual(
        finding('BALLOT_OVER_BUDGET', { ballot: ballot.id, district: 'centro', total: 1050, budget: 1000 }),
      );
    });

    it('refuses an export whose ballot still carries its sealed selections', () => {
      const log = openVoting();
      const ballot = log.vote('ana', ['p1']);
      const leaked = { ...ballot, data: { ...ballot.data, sealed: log.allOpenings.get(ballot.id) } };
      const events = log.events.map((e) => (e.id === ballot.id ? leaked : e));
      expect(verify(log, { events }).findings).toContainEqual(
        finding('EVENT_NOT_IN_CATALOG', {
          event: ballot.id,
          reason: 'invalid BallotCast event: (root): Unrecognized key: "sealed"',
        }),
      );
    });
  });

  describe("the proposals' texts and their moderation", () => {
    it('checks every text against its commitment, edits included', () => {
      const log = openVoting();
      log.editTitle('p1', 'Luminarias LED');
      const verification = verify(log);
      expect(verification.findings).toEqual([]);
      expect(verification.texts).toEqual({ checked: 7, redacted: [] });
    });

    it('reports a redacted text as redacted, with the reason the log gives, not as a failure', () => {
      const log = openVoting().redact('p1', ['title', 'description'], 'Publica un teléfono');
      const verification = verify(closeAndCount(log));
      expect(verification.findings).toEqual([]);
      expect(verification.ok).toBe(true);
      expect(verification.texts?.redacted).toEqual([
        { proposalId: 'p1', field: 'title', reason: 'Publica un teléfono' },
        { proposalId: 'p1', field: 'description', reason: 'Publica un teléfono' },
      ]);
    });

    it('finds a changed text, a text withheld without a redaction, and one left out', () => {
      const log = openVoting();
      const [title, description, ...rest] = log.texts as (TextLine & { text: string })[];
      const { text: _text, salt: _salt, ...withheld } = description!;
      const { findings } = verify(log, {
        texts: [{ ...title, text: 'Otra obra' }, { ...withheld, redacted: { reason: 'nada' } }, ...rest.slice(1)],
      });
      expect(findings).toEqual([
        finding('TEXT_MISMATCH', { line: 1, proposalId: 'p1', field: 'title' }),
        finding('TEXT_REDACTION_UNRECORDED', { line: 2, proposalId: 'p1', field: 'description' }),
        finding('TEXT_MISSING', { proposalId: 'p2', field: 'title', event: rest[0]!.event }),
      ]);
    });

    it('skips texts newer than the export, and names one that claims an event of the export it is not in', () => {
      const log = openVoting();
      const first = log.texts[0]!;
      const { findings } = verify(log, {
        texts: [
          ...log.texts,
          { ...first, event: '00000000-0000-4000-8000-999999999999' },
          { ...first, commitment: 'f'.repeat(64) },
        ],
      });
      expect(findings).toEqual([finding('TEXT_UNKNOWN', { line: 8, proposalId: 'p1', field: 'title' })]);
    });

    it('names a proposal hidden once on the ballot, and one on the ballot while hidden', () => {
      const hiddenLate = openVoting().hide('p1');
      expect(verify(hiddenLate).findings).toEqual([
        finding('HIDDEN_ON_BALLOT', { event: hiddenLate.events[hiddenLate.events.length - 1]!.id, proposalId: 'p1' }),
      ]);
      const log = new EditionLog()
        .phase('draft', 'proposals')
        .propose('p1', 600)
        .hide('p1')
        .phase('proposals', 'review')
        .assess('p1', 600)
        .phase('review', 'supports')
        .support('ana', 'p1')
        .onBallot([{ proposalId: 'p1', cost: 600 }])
        .phase('supports', 'voting');
      expect(verify(log).findings).toEqual([finding('ON_BALLOT_HIDDEN', { proposalId: 'p1', district: 'centro' })]);
    });

    it('accepts reports and a dismissal of them, and names moderation of a proposal never submitted', () => {
      const log = openVoting();
      log.record('moderation-p1', 'ProposalReported', {
        proposalId: 'p1',
        reportId: 'r1',
        reporter: pseudonym('reporter'),
        reason: 'spam',
      });
      log.record('moderation-p1', 'ReportsDismissed', { proposalId: 'p1', reason: 'Sin infracción', by: ADMIN });
      expect(verify(log).findings).toEqual([]);
      const unknown = log.record('moderation-p9', 'ReportsDismissed', { proposalId: 'p9', reason: 'x', by: ADMIN });
      expect(verify(log).findings).toEqual([
        finding('MODERATION_OF_UNKNOWN_PROPOSAL', { event: unknown.id, proposalId: 'p9' }),
      ]);
    });

    it('expects a hidden proposal off the ballot', () => {
      const log = new EditionLog()
        .phase('draft', 'proposals')
        .propose('p1', 600)
        .hide('p1')
        .phase('proposals', 'review')
        .assess('p1', 600)
        .phase('review', 'supports')
        .support('ana', 'p1')
        .onBallot([])
        .phase('supports', 'voting');
      expect(verify(log).findings).toEqual([]);
    });
  });

  describe('the ballot of the edition', () => {
    it('names a proposal put on the ballot without enough supports', () => {
      const log = openVoting({ threshold: 2 });
      expect(verify(log).findings).toEqual(
        ['p1', 'p2'].map((proposalId) =>
          finding('ON_BALLOT_UNDER_THRESHOLD', { proposalId, district: 'centro', supports: 1, threshold: 2 }),
        ),
      );
    });

    it('names a proposal left off the ballot, or put on it at another cost or without a feasible assessment', () => {
      const log = new EditionLog()
        .phase('draft', 'proposals')
        .propose('p1', 600)
        .propose('p2', 500)
        .propose('p3', 300)
        .phase('proposals', 'review')
        .assess('p1', 600)
        .assess('p2', 450)
        .assess('p3', 300, false)
        .phase('review', 'supports')
        .support('ana', 'p1')
        .support('beto', 'p2')
        .support('beto', 'p3')
        .onBallot([
          { proposalId: 'p2', cost: 500 },
          { proposalId: 'p3', cost: 300 },
        ])
        .phase('supports', 'voting');
      expect(verify(log).findings).toEqual([
        finding('ON_BALLOT_OTHER_COST', { proposalId: 'p2', district: 'centro', cost: 500, assessed: 450 }),
        finding('ON_BALLOT_NOT_FEASIBLE', { proposalId: 'p3', district: 'centro' }),
        finding('MISSING_FROM_BALLOT', { proposalId: 'p1', district: 'centro' }),
      ]);
    });
  });

  describe('supports recorded at a booth', () => {
    it('accepts an assisted support at a booth of the proposal district, counted toward the threshold', () => {
      const log = new EditionLog({ threshold: 2 })
        .phase('draft', 'proposals')
        .propose('p1', 600)
        .phase('proposals', 'review')
        .assess('p1', 600)
        .defineBooth('mesa-centro', 'centro')
        .phase('review', 'supports')
        .support('ana', 'p1')
        .support('beto', 'p1', 'mesa-centro')
        .onBallot([{ proposalId: 'p1', cost: 600 }])
        .phase('supports', 'voting');
      expect(verify(log).findings).toEqual([]);
    });

    it('names a support at a booth the log never defined, at a booth of another district, or online naming a booth', () => {
      const log = new EditionLog()
        .phase('draft', 'proposals')
        .propose('p1', 600)
        .phase('proposals', 'review')
        .assess('p1', 600)
        .defineBooth('mesa-norte', 'norte')
        .phase('review', 'supports')
        .support('ana', 'p1', 'mesa-fantasma')
        .support('beto', 'p1', 'mesa-norte');
      log.record(`supports-${pseudonym('carla')}`, 'SupportGiven', {
        voter: pseudonym('carla'),
        proposalId: 'p1',
        channel: 'online',
        booth: 'mesa-norte',
        residenceProof: null,
      });
      const [unknown, otherDistrict, onlineAtBooth] = log.events.filter((e) => e.type === 'SupportGiven');
      expect(verify(log).findings).toEqual([
        finding('SUPPORT_UNKNOWN_BOOTH', { event: unknown!.id, booth: 'mesa-fantasma' }),
        finding('SUPPORT_BOOTH_OTHER_DISTRICT', {
          event: otherDistrict!.id,
          booth: 'mesa-norte',
          district: 'norte',
          proposalDistrict: 'centro',
        }),
        finding('SUPPORT_ONLINE_AT_BOOTH', { event: onlineAtBooth!.id, booth: 'mesa-norte' }),
      ]);
    });
  });

  describe('the tally and the results', () => {
    it('names every number of TallyComputed and results.json that the re-count does not give', () => {
      const log = openVoting();
      log.vote('ana', ['p1']);
      closeAndCount(log);
      const results = log.results!;
      results.districts[0]!.proposals[0]!.votes = 9;
      results.ballots = 2;
      expect(verify(log, { results }).findings).toEqual([
        finding('BALLOT_COUNT_DIFFERS', { source: 'results.json', published: '2', recount: 1 }),
        finding('VOTES_DIFFER', {
          source: 'results.json',
          district: 'centro',
          proposalId: 'p1',
          published: 9,
          recount: 1,
        }),
      ]);
    });

    it('names results resting on another tree head than the one signed when voting closed', () => {
      const log = openVoting();
      log.vote('ana', ['p1']);
      closeAndCount(log);
      const results = { ...log.results!, treeHead: log.heads[0] };
      expect(verify(log, { results }).findings).toEqual([finding('RESULTS_WRONG_HEAD')]);
    });
  });

  describe('the log and its tree heads', () => {
    it('names a line that is not an exported event, a repeated id and a gap in a stream', () => {
      const log = openVoting();
      const first = log.vote('ana', ['p1']);
      const events: unknown[] = [...log.events];
      events.push('{not json', { ...first }, { ...first, id: 'another-id', revision: 3 });
      const { findings } = verify(log, { events });
      expect(findings).toEqual(
        expect.arrayContaining([
          finding('EVENT_NOT_OBJECT', { line: log.events.length + 1 }),
          finding('EVENT_DUPLICATE_ID', { event: first.id }),
          finding('EVENT_REVISION_GAP', { event: first.id, revision: 0, stream: first.stream, expected: 1 }),
          finding('EVENT_REVISION_GAP', { event: 'another-id', revision: 3, stream: first.stream, expected: 1 }),
        ]),
      );
    });

    it('names a phase change that no signed tree head covers', () => {
      const log = openVoting();
      const events = log.events.slice(0, -1); // the head signed for the opening of voting
      const last = log.events[log.events.length - 2]!;
      const { findings } = verify(log, {
        events,
        treeHeads: {
          ...log.treeHeads,
          treeHeads: log.heads.slice(0, -1),
          consistency: log.treeHeads.consistency.slice(0, -1),
        },
      });
      expect(findings).toEqual([finding('EVENT_WITHOUT_HEAD', { event: last.id, reason: 'phase:voting' })]);
    });

    it('names a published head unlike the one in the log, and a consistency proof that fails', () => {
      const log = openVoting();
      const treeHeads = log.treeHeads;
      treeHeads.treeHeads[1] = { ...treeHeads.treeHeads[1]!, timestamp: '2030-01-01T00:00:00.000Z' };
      treeHeads.consistency[2] = { ...treeHeads.consistency[2]!, proof: treeHeads.consistency[2]!.proof.slice(1) };
      expect(verify(log, { treeHeads }).findings).toEqual([
        finding('CONSISTENCY_PROOF_FAILS', { from: 3, to: 4 }),
        finding('HEAD_DIFFERS_FROM_PUBLISHED', { head: 2 }),
      ]);
    });
  });
});

describe('an edition with a citywide pool', () => {
  /** p1, p2 in Centro and c1, c2 citywide, all feasible and supported, on the ballot. */
  function openPooledVoting(): EditionLog {
    return new EditionLog({ citywide: true })
      .phase('draft', 'proposals')
      .propose('p1', 600)
      .propose('p2', 450)
      .propose('c1', 500, 'ciudad')
      .propose('c2', 400, 'ciudad')
      .phase('proposals', 'review')
      .assess('p1', 600)
      .assess('p2', 450)
      .assess('c1', 500)
      .assess('c2', 400)
      .phase('review', 'supports')
      .support('ana', 'p1')
      .support('ana', 'p2')
      .support('beto', 'c1')
      .support('beto', 'c2')
      .onBallot(
        [
          { proposalId: 'p1', cost: 600 },
          { proposalId: 'p2', cost: 450 },
        ],
        [
          { proposalId: 'c1', cost: 500 },
          { proposalId: 'c2', cost: 400 },
        ],
      )
      .phase('supports', 'voting');
  }

  it('re-counts each pool on its own, the citywide pool from every voter', () => {
    const log = openPooledVoting();
    log.vote('ana', ['p1', 'c1']);
    log.vote('beto', ['p2', 'c2']);
    log.vote('carla', ['c1']);
    const verification = verify(closeAndCount(log));
    expect(verification.findings).toEqual([]);
    expect(verification.recount?.districts).toEqual([
      { id: 'centro', budget: 1000, spent: 450, voters: 3, selected: ['p2'], votes: { p1: 1, p2: 1 } },
      { id: 'ciudad', budget: 800, spent: 500, voters: 3, selected: ['c1'], votes: { c1: 2, c2: 1 } },
    ]);
  });

  it('names a ballot over the citywide budget, and the pool it broke', () => {
    const log = openPooledVoting();
    const ballot = log.vote('ana', ['p1', 'c1', 'c2']);
    expect(verify(closeAndCount(log)).findings).toContainEqual(
      finding('BALLOT_OVER_BUDGET', { ballot: ballot.id, district: 'ciudad', total: 900, budget: 800 }),
    );
  });

  it('finds a tampered citywide tally in the results', () => {
    const log = openPooledVoting();
    log.vote('ana', ['c2']);
    closeAndCount(log);
    expect(verify(log).findings).toEqual([]);
    const results = log.results!;
    const tampered = {
      ...results,
      districts: results.districts.map((d) =>
        d.id === 'ciudad' ? { ...d, proposals: d.proposals.map((p) => ({ ...p, votes: 7 })) } : d,
      ),
    };
    expect(verify(log, { results: tampered }).findings).toEqual([
      finding('VOTES_DIFFER', {
        source: 'results.json',
        district: 'ciudad',
        proposalId: 'c1',
        published: 7,
        recount: 0,
      }),
      finding('VOTES_DIFFER', {
        source: 'results.json',
        district: 'ciudad',
        proposalId: 'c2',
        published: 7,
        recount: 1,
      }),
    ]);
  });

  it('reads a log drafted before pools existed (EditionDrafted version 1)', () => {
    const log = new EditionLog({ draftedVersion: 1 }).phase('draft', 'proposals');
    expect(log.events[0]).toMatchObject({ type: 'EditionDrafted', schemaVersion: 1 });
    expect(verify(log).findings).toEqual([]);
  });
});

describe('a log rewritten and signed again with the city’s own key', () => {
  it('holds together on its own, and is caught by the tree heads an auditor saved when voting closed', () => {
    const original = openVoting();
    original.vote('ana', ['p1']);
    original.vote('beto', ['p2']);
    const savedAtClose = original.phase('voting', 'counting').treeHeads;
    const closing = savedAtClose.treeHeads[savedAtClose.treeHeads.length - 1]!;

    // The insider drops beto's ballot and signs every head again, with the real key.
    const rewritten = openVoting();
    rewritten.vote('ana', ['p1']);
    closeAndCount(rewritten);
    expect(verify(rewritten).findings).toEqual([]);

    const { findings } = verifyEdition({
      events: rewritten.events,
      treeHeads: rewritten.treeHeads,
      results: rewritten.results,
      openings: rewritten.openings,
      earlierTreeHeads: [savedAtClose],
    });
    expect(findings).toEqual([finding('EARLIER_HEAD_MISSING', { size: closing.treeSize, reason: 'phase:counting' })]);
  });
});

describe('works (the winners as they are built)', () => {
  const IMPLEMENTER = pseudonym('implementer');
  const update = (log: EditionLog, workId: string, fields: Record<string, unknown>) =>
    log.record(`work-${workId}`, 'WorkUpdated', { workId, by: IMPLEMENTER, ...fields });
  /** Results out: p1 (600 of 1000) won; p2 (450) no longer fit. */
  const published = () => {
    const log = openVoting();
    log.vote('ana', ['p1']);
    log.vote('beto', ['p1']);
    log.vote('carla', ['p2']);
    return closeAndCount(log);
  };

  it('accepts the updates of a work through its whole life, within its rules', () => {
    const log = published();
    update(log, 'p1', { status: 'design', department: 'Obras Públicas', expectedEnd: '2028-03-31' });
    update(log, 'p1', { status: 'in_progress', progress: 60, spent: 400 });
    update(log, 'p1', { progress: 50, reason: 'Se rehízo la losa.' });
    update(log, 'p1', { status: 'finished', progress: 100, spent: 650, reason: 'Subió el acero.' });
    log.signInterval();
    expect(verify(log).findings).toEqual([]);
  });

  it('names an update before the results were published, or of a proposal the tally did not select', () => {
    const log = openVoting();
    log.vote('ana', ['p1']);
    log.phase('voting', 'counting').tally();
    const early = update(log, 'p1', { status: 'design' });
    log.phase('counting', 'results');
    const notSelected = update(log, 'p2', { status: 'design' });
    const unknown = update(log, 'p9', { status: 'design' });
    expect(verify(log).findings).toEqual([
      finding('WORK_UPDATE_BEFORE_RESULTS', { event: early.id, workId: 'p1' }),
      finding('WORK_UPDATE_NOT_A_WORK', { event: notSelected.id, workId: 'p2' }),
      finding('WORK_UPDATE_NOT_A_WORK', { event: unknown.id, workId: 'p9' }),
    ]);
  });

  it('names each update that breaks a rule of works', () => {
    const log = published();
    update(log, 'p1', { progress: 60 });
    const back = update(log, 'p1', { progress: 40 });
    const over = update(log, 'p1', { spent: 601 });
    const early = update(log, 'p1', { status: 'finished' });
    const silent = update(log, 'p1', { status: 'cancelled' });
    update(log, 'p1', { status: 'finished', progress: 100 });
    const after = update(log, 'p1', { department: 'Obras Públicas' });
    const rule = (event: PublicEvent, code: string) =>
      finding('WORK_UPDATE_BREAKS_RULE', { event: event.id, workId: 'p1', rule: code });
    expect(verify(log).findings).toEqual([
      rule(back, 'PROGRESS_DECREASE_NEEDS_REASON'),
      rule(over, 'OVERSPEND_NEEDS_REASON'),
      rule(early, 'FINISHED_NEEDS_FULL_PROGRESS'),
      rule(silent, 'CANCEL_NEEDS_REASON'),
      rule(after, 'WORK_CLOSED'),
    ]);
  });
});

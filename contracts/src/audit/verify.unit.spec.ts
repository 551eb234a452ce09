import { type EditionRules, editionRulesSchema } from '../editions/edition';
import { type EventType, parseEvent, SCHEMA_VERSIONS } from '../events/catalog';
import type { PublicEvent } from '../events/public-event';
import { tallyEdition } from '../tally/tally';
import type { TreeHeadsDocument } from './audit-documents';
import { toHex } from './encoding';
import { eventLeafHash } from './event-leaf';
import { MerkleTree } from './merkle-tree';
import { type TreeHead, generateSigningKey, keyId, signTreeHead } from './tree-head';
import { verifyEdition } from './verify';
import { headReason } from './verify-log';

const EDITION = 'pp-2027';
const pseudonym = (name: string) => toHex(eventLeafHash(name));
const ADMIN = pseudonym('admin');
const REVIEWER = pseudonym('reviewer');
const key = generateSigningKey();

interface Options {
  revoting?: boolean;
  threshold?: number;
}

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
  readonly rules: EditionRules;
  private closed = false;

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
    });
  }

  record(stream: string, type: string, data: Record<string, unknown>): PublicEvent {
    const revision = this.revisions.get(stream) ?? 0;
    this.revisions.set(stream, revision + 1);
    const event: PublicEvent = {
      id: `00000000-0000-4000-8000-${String(this.events.length).padStart(12, '0')}`,
      type,
      schemaVersion: SCHEMA_VERSIONS[type as EventType],
      stream: `${stream}-${EDITION}`,
      revision,
      recordedAt: new Date(Date.UTC(2027, 0, 1, 0, this.events.length)).toISOString(),
      data: { editionId: EDITION, ...data },
    };
    this.events.push(event);
    this.tree.append(eventLeafHash(event));
    const reason = headReason(parseEvent(type, event.data, event.schemaVersion));
    if (reason !== null) this.sign(reason, event.recordedAt);
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

  propose(proposalId: string, cost: number): this {
    const stream = `proposal-${proposalId}`;
    this.record(stream, 'ProposalSubmitted', {
      proposalId,
      author: pseudonym('author'),
      title: proposalId,
      description: 'Una obra para el barrio.',
      district: 'centro',
      estimatedCost: cost,
      category: null,
      location: null,
    });
    return this;
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

  support(voter: string, proposalId: string): this {
    this.record(`supports-${pseudonym(voter)}`, 'SupportGiven', { voter: pseudonym(voter), proposalId });
    return this;
  }

  onBallot(entries: { proposalId: string; cost: number }[]): this {
    this.ballot = { centro: entries };
    return this;
  }

  vote(voter: string, selections: string[]): PublicEvent {
    if (!this.closed) this.lastBallots.set(voter, { district: 'centro', selections });
    return this.record(`ballot-${pseudonym(voter)}`, 'BallotCast', {
      voter: pseudonym(voter),
      district: 'centro',
      selections,
      channel: 'online',
      booth: null,
      residenceProof: null,
    });
  }

  /** Counts every last ballot, as the server does, whatever the rules say of it. */
  tally(): this {
    const ballots = [...this.lastBallots.values()];
    const districts = tallyEdition(
      { districts: [{ id: 'centro', name: 'Centro', budget: 1000 }], rules: this.rules, ballot: this.ballot },
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
        proposals: this.ballot['centro']!.map((entry) => ({
          id: entry.proposalId,
          cost: entry.cost,
          votes: (d.votes as Record<string, number>)[entry.proposalId] ?? 0,
          selected: d.selected.includes(entry.proposalId),
        })),
      })),
    };
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
  overrides: { events?: unknown[]; treeHeads?: TreeHeadsDocument; results?: unknown } = {},
) =>
  verifyEdition({
    events: overrides.events ?? log.events,
    treeHeads: overrides.treeHeads ?? log.treeHeads,
    results: overrides.results ?? log.results,
  });

describe('verifying an edition from its export', () => {
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
      expect(verify(closeAndCount(log)).findings).toContain(`ballot ${ballot.id}: over budget (1050 > 1000)`);
    });

    it('names a ballot that selects a proposal not on the ballot', () => {
      const log = openVoting();
      const ballot = log.vote('ana', ['p3']);
      log.phase('voting', 'counting');
      expect(verify(log).findings).toContain(`ballot ${ballot.id}: selects p3, which is not on the centro ballot`);
    });

    it('names a second ballot when revoting is off, and counts the first', () => {
      const log = openVoting({ revoting: false });
      log.vote('ana', ['p1']);
      const second = log.vote('ana', ['p2']);
      const { findings, recount } = verify(closeAndCount(log));
      expect(findings[0]).toBe(
        `ballot ${second.id}: a second ballot by voter ${pseudonym('ana').slice(0, 12)}…, and revoting is off`,
      );
      expect(recount?.districts[0]?.votes).toEqual({ p1: 1, p2: 0 });
    });

    it('names a ballot cast before voting opened', () => {
      const log = new EditionLog().phase('draft', 'proposals');
      const early = log.vote('ana', []);
      expect(verify(log).findings).toContain(`ballot ${early.id}: cast in the proposals phase`);
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

  describe('the ballot of the edition', () => {
    it('names a proposal put on the ballot without enough supports', () => {
      const log = openVoting({ threshold: 2 });
      expect(verify(log).findings).toEqual([
        'proposal p1: on the centro ballot with 1 support, below the threshold of 2',
        'proposal p2: on the centro ballot with 1 support, below the threshold of 2',
      ]);
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
        'proposal p2: on the centro ballot at 500 pesos, assessed at 450',
        'proposal p3: on the centro ballot without a feasible assessment',
        'proposal p1: assessed feasible and supported enough, but missing from the centro ballot',
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
        'results: 2 ballots published, the re-count finds 1',
        'results: district centro: proposal p1 published with 9 votes, the re-count gives 1',
      ]);
    });

    it('names results resting on another tree head than the one signed when voting closed', () => {
      const log = openVoting();
      log.vote('ana', ['p1']);
      closeAndCount(log);
      const results = { ...log.results!, treeHead: log.heads[0] };
      expect(verify(log, { results }).findings).toEqual([
        'results: rest on a tree head other than the one signed when voting closed',
      ]);
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
          `event #${log.events.length + 1}: not a JSON object`,
          `event ${first.id}: appears twice`,
          `event ${first.id}: revision 0 of stream ${first.stream} where 1 was due`,
          `event another-id: revision 3 of stream ${first.stream} where 1 was due`,
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
      expect(findings).toEqual([`event ${last.id} (phase:voting): no signed tree head`]);
    });

    it('names a published head unlike the one in the log, and a consistency proof that fails', () => {
      const log = openVoting();
      const treeHeads = log.treeHeads;
      treeHeads.treeHeads[1] = { ...treeHeads.treeHeads[1]!, timestamp: '2030-01-01T00:00:00.000Z' };
      treeHeads.consistency[2] = { ...treeHeads.consistency[2]!, proof: treeHeads.consistency[2]!.proof.slice(1) };
      expect(verify(log, { treeHeads }).findings).toEqual([
        'tree heads 3 → 4: inconsistent (the consistency proof fails)',
        'tree head 2: differs from the published one',
      ]);
    });
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
      earlierTreeHeads: [savedAtClose],
    });
    expect(findings).toEqual([
      `tree head of ${closing.treeSize} events saved earlier (phase:counting): not in the log any more`,
    ]);
  });
});

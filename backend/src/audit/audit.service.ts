import { setImmediate } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import {
  type ReceiptProof,
  type TreeHeadsDocument,
  type TreeHead,
  type TreeHeadRef,
  eventLeafHash,
  keyId,
  publicEvent,
  publicKeyOf,
  toHex,
} from '@decidimos/contracts';
import { BallotsReadModel, finalOpenings } from '../ballots/public-api';
import { CONFIG, type Config } from '../config/config';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { EditionLoader } from '../editions/public-api';
import { DownloadCache } from '../http/download-cache';
import { ProjectionRunner } from '../projections/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '../read-models/read-model.port';
import { DomainError } from '../shared/domain-error';
import { decodeEvent } from '../shared/event-envelope';
import {
  AUDIT_HEADS,
  AUDIT_LEAVES,
  AUDIT_TREES,
  LEAVES_PER_PAGE,
  type AuditHeadDoc,
  type AuditLeafDoc,
  type AuditTreeDoc,
  rootOf,
  storedTree,
} from './audit-log.projection';
import { recordedHeads } from './tree-head-signer';

export interface ExportVersion {
  /** How many events the export holds. */
  size: number;
  /** Entity tag of exactly those bytes: the size and root of the tree they are the leaves of. */
  etag: string;
  /** Nothing more can be appended: the edition is closed and its closing head is the last leaf. */
  final: boolean;
}

/** The public audit trail of an edition: its log as JSON Lines, its signed tree heads, ballot inclusion proofs. */
@Injectable()
export class AuditService {
  readonly publicKey: string;

  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CONFIG) private readonly config: Config,
    private readonly projections: ProjectionRunner,
    private readonly downloads: DownloadCache,
    private readonly ballots: BallotsReadModel,
    private readonly editions: EditionLoader,
  ) {
    this.publicKey = publicKeyOf(config.auditSigningKey);
  }

  /**
   * Which export a download gets now: the edition's events up to the tree's present size.
   * The tree's size and root name those bytes exactly, so they are its entity tag; once the
   * edition is closed and the head signed on closing is the last leaf, nothing more can be
   * appended and the export is final.
   */
  async exportVersion(editionId: string): Promise<ExportVersion> {
    const tree = await this.readModels.collection<AuditTreeDoc>(AUDIT_TREES).get(editionId);
    const size = tree?.size ?? 0;
    const { items: heads } = await this.readModels
      .collection<AuditHeadDoc>(AUDIT_HEADS)
      .find({ filter: { editionId } });
    const closing = heads.find((doc) => doc.head.reason === 'phase:closed');
    return {
      size,
      etag: `"${size}-${tree ? rootOf(tree) : ''}"`,
      final: closing !== undefined && closing.leafIndex === size - 1,
    };
  }

  /**
   * The first `size` events of the edition in log order, one JSON object per line, a page
   * of leaves per chunk. Leaves never change once in the log, so each page's bytes are
   * cached with the number of leaves they hold: a later download copies a full page and
   * reads only the leaves the last, growing page has gained since. The event loop gets a
   * turn between pages, so a download never holds up a ballot for more than one page.
   */
  async *exportChunks(editionId: string, size: number): AsyncGenerator<Buffer> {
    for (let page = 0; page * LEAVES_PER_PAGE < size; page++) {
      if (page > 0) await setImmediate();
      const first = page * LEAVES_PER_PAGE;
      const wanted = Math.min(size - first, LEAVES_PER_PAGE);
      const key = `export/${editionId}/${page}`;
      const cached = this.downloads.get(key);
      if (cached?.items === wanted) {
        yield cached.bytes;
        continue;
      }
      const from = cached && cached.items < wanted ? cached.items : 0;
      const added = await this.leafLines(editionId, first + from, first + wanted);
      const bytes = from > 0 ? Buffer.concat([cached!.bytes, added]) : added;
      // A download begun on a smaller log must not replace a longer page cached meanwhile.
      if (wanted > (this.downloads.get(key)?.items ?? 0)) this.downloads.set(key, { bytes, items: wanted });
      yield bytes;
    }
  }

  /** The leaves of one page with indexes from `from` up to `to`, as JSON Lines. */
  private async leafLines(editionId: string, from: number, to: number): Promise<Buffer> {
    const indexes = Array.from({ length: to - from }, (_, n) => from + n);
    const { items } = await this.readModels
      .collection<AuditLeafDoc>(AUDIT_LEAVES)
      .find({ filter: { editionId, index: { in: indexes } } });
    const positions = items.sort((a, b) => a.index - b.index).map((leaf) => leaf.position);
    const events = await this.events.readPositions(positions);
    const lines = events.map((recorded) => JSON.stringify(publicEvent(decodeEvent(recorded))));
    return Buffer.from(lines.map((line) => `${line}\n`).join(''));
  }

  /**
   * The openings of the ballots that count, once voting has closed: before then they would
   * give a running tally. They never change afterwards (a ballot recorded after the close
   * is not counted), so the position of the closing event names them for good.
   */
  async openingsVersion(editionId: string): Promise<{ etag: string; final: boolean; closedAt: number }> {
    const edition = await this.editions.load(editionId);
    if (edition.votingClosedAt === null) throw new DomainError('BALLOTS_SEALED', { phase: edition.phase });
    const closedAt = edition.votingClosedAt;
    return { etag: `"openings-${closedAt}"`, final: true, closedAt };
  }

  /** openings.jsonl: one opening per line, in pages, cached whole like the export's pages. */
  async *openingsChunks(editionId: string, closedAt: number): AsyncGenerator<Buffer> {
    const key = `openings/${editionId}/${closedAt}`;
    const cached = this.downloads.get(key);
    if (cached) {
      yield cached.bytes;
      return;
    }
    const openings = await finalOpenings(this.events, editionId, closedAt);
    const pages: Buffer[] = [];
    for (let first = 0; first < openings.length; first += LEAVES_PER_PAGE) {
      if (first > 0) await setImmediate();
      const page = openings.slice(first, first + LEAVES_PER_PAGE).map((opening) => JSON.stringify(opening));
      pages.push(Buffer.from(page.map((line) => `${line}\n`).join('')));
      yield pages[pages.length - 1]!;
    }
    this.downloads.set(key, { bytes: Buffer.concat(pages), items: openings.length });
  }

  async treeHeads(editionId: string): Promise<TreeHeadsDocument> {
    const { items } = await this.readModels.collection<AuditHeadDoc>(AUDIT_HEADS).find({
      filter: { editionId },
      sort: [{ field: 'treeSize', direction: 'asc' }],
    });
    const tree = await storedTree(this.readModels, editionId);
    const consistency = [];
    for (let i = 1; i < items.length; i++) {
      const [fromSize, toSize] = [items[i - 1]!.treeSize, items[i]!.treeSize];
      consistency.push({ fromSize, toSize, proof: (await tree.consistencyProof(fromSize, toSize)).map(toHex) });
    }
    return {
      editionId,
      publicKey: this.publicKey,
      keyId: keyId(this.publicKey),
      treeHeads: items.map((doc) => doc.head),
      consistency,
    };
  }

  /** The inclusion proof of a ballot against the latest signed tree head that covers it. */
  async receipt(receipt: string, parsed: { ballotId: string; leafHash: string }): Promise<ReceiptProof> {
    const leaves = this.readModels.collection<AuditLeafDoc>(AUDIT_LEAVES);
    let leaf = await leaves.get(parsed.ballotId);
    if (!leaf) {
      // A cast answers before the projections take it in: a receipt looked up at once waits for them.
      await this.projections.waitFor(await this.events.headPosition());
      leaf = await leaves.get(parsed.ballotId);
    }
    const [recorded] = leaf ? await this.events.readPositions([leaf.position]) : [];
    const ballot = recorded && decodeEvent(recorded);
    if (!leaf || ballot?.type !== 'BallotCast') {
      throw new DomainError('NOT_FOUND', { what: 'ballot', id: parsed.ballotId });
    }
    const { editionId } = leaf;
    const { voter } = ballot.data;
    const leafHash = toHex(eventLeafHash(publicEvent(ballot)));
    const currentBallot = await this.ballots.current(editionId, voter);
    const latest = await this.latestHead(editionId);
    const covered = latest !== null && latest.treeSize > leaf.index;
    const tree = await storedTree(this.readModels, editionId);
    return {
      receipt,
      ballotId: parsed.ballotId,
      editionId,
      leafHash,
      matches: leafHash === parsed.leafHash,
      leafIndex: leaf.index,
      current: currentBallot?.ballotId === parsed.ballotId,
      ...(await this.ballotOutcome(editionId, ballot.streamId, parsed.ballotId)),
      status: covered ? 'included' : 'pending',
      treeHead: covered ? latest.head : null,
      treeHeadIntervalSeconds: this.config.treeHeadIntervalSeconds,
      publicKey: this.publicKey,
      proof: covered ? (await tree.inclusionProof(leaf.index, latest.treeSize)).map(toHex) : null,
    };
  }

  /**
   * Whether a later ballot of the voter replaced this one before voting closed, and once it
   * has closed, what the ballot counted for: the last ballot of each voter recorded before
   * the close counts; no other is ever opened. Read from the voter's ballot stream.
   */
  private async ballotOutcome(
    editionId: string,
    stream: string,
    ballotId: string,
  ): Promise<Pick<ReceiptProof, 'replaced' | 'counted'>> {
    const { votingClosedAt } = await this.editions.load(editionId);
    const ballots = (await this.events.readStream(stream))
      .filter((recorded) => votingClosedAt === null || recorded.position < votingClosedAt)
      .map(decodeEvent);
    const last = ballots[ballots.length - 1];
    const replaced = ballots.some((ballot) => ballot.id === ballotId) && last?.id !== ballotId;
    if (votingClosedAt === null || last?.id !== ballotId || last.type !== 'BallotCast')
      return { replaced, counted: null };
    return { replaced, counted: { selections: last.data.sealed.selections } };
  }

  /**
   * The head signed when voting closed, which the tally names as the log it counted. Read
   * from the log, as the command side does; the projections are awaited first because after
   * a restart the signer may still be catching up on the phase change.
   */
  async headAtVotingClose(editionId: string): Promise<TreeHeadRef> {
    await this.projections.waitFor(await this.events.headPosition());
    const head = (await recordedHeads(this.events, editionId)).find(
      (e) => e.type === 'TreeHeadSigned' && e.data.reason === 'phase:counting',
    );
    if (!head || head.type !== 'TreeHeadSigned') throw new DomainError('UNAVAILABLE');
    return { treeSize: head.data.treeSize, rootHash: head.data.rootHash };
  }

  /** The signed head the tally counted, for the published results; null before counting. */
  async countedHead(editionId: string): Promise<TreeHead | null> {
    const { items } = await this.readModels.collection<AuditHeadDoc>(AUDIT_HEADS).find({ filter: { editionId } });
    return items.find((doc) => doc.head.reason === 'phase:counting')?.head ?? null;
  }

  private async latestHead(editionId: string): Promise<AuditHeadDoc | null> {
    const { items } = await this.readModels.collection<AuditHeadDoc>(AUDIT_HEADS).find({
      filter: { editionId },
      sort: [{ field: 'treeSize', direction: 'desc' }],
      limit: 1,
    });
    return items[0] ?? null;
  }
}

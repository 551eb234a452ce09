import { type PublicDomainEvent, parsePublicEvent } from '../events/catalog';
import type { PublicEvent } from '../events/public-event';
import type { TreeHeadsDocument } from './audit-documents';
import { canonicalJson } from './canonical-json';
import { type Finding, finding } from './findings';
import { fromHex, toHex } from './encoding';
import { eventLeafHash } from './event-leaf';
import { frontierOf } from './frontier';
import { MerkleTree } from './merkle-tree';
import { type NodeStore, InMemoryNodeStore } from './node-store';
import { verifyConsistency } from './proofs';
import { StringTable } from './string-table';
import { type TreeHead, keyId, verifyTreeHead } from './tree-head';

/** An exported event that passed the catalog (in its public form), with its place in the log. */
export type LoggedDomainEvent = PublicDomainEvent & {
  id: string;
  stream: string;
  revision: number;
  recordedAt: string;
  index: number;
};

/** A signed tree head found in the log, numbered from 1 in log order as findings name it. */
export interface LoggedHead {
  number: number;
  head: TreeHead;
  publicKey: string;
  /** Leaf index of its TreeHeadSigned event. */
  index: number;
}

export interface CheckedLog {
  events: LoggedDomainEvent[];
  heads: LoggedHead[];
  size: number;
}

interface LogOptions {
  treeHeads?: TreeHeadsDocument | null;
  publicKey?: string | null;
}

const EXPORT_FIELDS = ['id', 'type', 'schemaVersion', 'stream', 'revision', 'recordedAt', 'data'] as const;
const EXPORT_FIELD_SET: ReadonlySet<string> = new Set(EXPORT_FIELDS);

/**
 * Checks the log as a log: every line a catalogued event, ids unique, each stream's
 * revisions counting up from 0 in log order, and every signed tree head a valid signature
 * by the edition's key over the root recomputed from the export, each consistent with the
 * one before, as published. Findings go to `findings`; what passed the catalog is returned
 * for the rules checks.
 */
export function checkLog(lines: readonly unknown[], options: LogOptions, findings: Finding[]): CheckedLog {
  const check = logCheck(findings);
  const events: LoggedDomainEvent[] = [];
  for (const line of lines) {
    const event = check.add(line);
    if (event) events.push(event);
  }
  return { events, ...check.finish(options) };
}

/**
 * Incremental checkLog: `add` takes the export's lines in order and returns each one that
 * passed the catalog, `finish` checks the tree heads once the published ones are at hand.
 * Of each event only its leaf hash, id and type stay (and the few that must be signed), so
 * a city's export is checked as it streams in.
 */
export function logCheck(
  findings: Finding[],
  { leavesHashedElsewhere = false }: LeafHashing = {},
): {
  add(line: unknown): LoggedDomainEvent | null;
  finish(options: LogOptions, hashed?: HashedLog): Omit<CheckedLog, 'events'>;
} {
  let nodes: NodeStore = new InMemoryNodeStore();
  let tree = new MerkleTree(nodes);
  let size = 0;
  const idNumbers: number[] = [];
  const seen: RecordedEvents = {
    idAt: (index) => (idNumbers[index] === undefined ? undefined : seenIds.key(idNumbers[index])),
    types: [],
    signed: new Map(),
  };
  const heads: LoggedHead[] = [];
  // A million ids and streams: numbered in byte tables rather than kept as strings in a Set and a Map.
  const seenIds = new StringTable();
  const streams = new StringTable();
  const nextRevisions: number[] = [];

  function add(line: unknown): LoggedDomainEvent | null {
    const index = size++;
    if (!leavesHashedElsewhere) tree.append(eventLeafHash(line));
    const event = exportedEvent(line);
    if ('code' in event) {
      findings.push(finding(event.code, { line: index + 1, ...event.params }));
      return null;
    }
    const knownIds = seenIds.size;
    const idNumber = seenIds.add(event.id);
    if (seenIds.size === knownIds) findings.push(finding('EVENT_DUPLICATE_ID', { event: event.id }));
    const stream = streams.add(event.stream);
    const expectedRevision = stream < nextRevisions.length ? nextRevisions[stream]! : 0;
    if (event.revision !== expectedRevision) {
      findings.push(
        finding('EVENT_REVISION_GAP', {
          event: event.id,
          revision: event.revision,
          stream: event.stream,
          expected: expectedRevision,
        }),
      );
    }
    nextRevisions[stream] = Math.max(expectedRevision, event.revision + 1);
    let parsed: PublicDomainEvent;
    try {
      parsed = parsePublicEvent(event.type, event.data, event.schemaVersion);
    } catch (error) {
      findings.push(finding('EVENT_NOT_IN_CATALOG', { event: event.id, reason: (error as Error).message }));
      return null;
    }
    // Written out, not spread: a spread followed by more properties made this line a third of the log check.
    const logged = {
      type: parsed.type,
      data: parsed.data,
      id: event.id,
      stream: event.stream,
      revision: event.revision,
      recordedAt: event.recordedAt,
      index,
    } as LoggedDomainEvent;
    idNumbers[index] = idNumber;
    seen.types[index] = logged.type;
    const reason = headReason(logged);
    if (reason !== null) seen.signed.set(index, { id: logged.id, reason });
    if (logged.type === 'TreeHeadSigned') {
      const { publicKey, ...head } = logged.data;
      heads.push({ number: heads.length + 1, head, publicKey, index });
    }
    return logged;
  }

  function finish(options: LogOptions, hashed?: HashedLog): Omit<CheckedLog, 'events'> {
    if (leavesHashedElsewhere) {
      if (hashed === undefined) throw new Error('the leaves were to be hashed elsewhere, and no tree came');
      // The same lines, cut and parsed by the same code, on another thread: a different count is a bug.
      if (hashed.size !== size) throw new Error(`the hashed tree has ${hashed.size} leaves, the log ${size}`);
      nodes = hashed.nodes;
      tree = new MerkleTree(nodes, hashed.size);
    }
    checkHeads({ tree, nodes }, seen, heads, options, findings);
    return { heads, size: tree.size };
  }

  return { add, finish };
}

export interface LeafHashing {
  /**
   * The Merkle tree is built from the same lines by someone else (the CLI's second thread)
   * and given to `finish`: `add` then checks each event without hashing it.
   */
  leavesHashedElsewhere?: boolean;
}

/** Every line's leaf hash in a tree, hashed apart from the checks. */
export interface HashedLog {
  nodes: NodeStore;
  size: number;
}

/** What the head checks need of the events: id and type by leaf index, and those that must be signed. */
interface RecordedEvents {
  /** The id of the event at a leaf index (kept as a number in the id table, not as a million strings). */
  idAt(index: number): string | undefined;
  types: string[];
  /** Events that must be followed by a signed tree head, by leaf index. */
  signed: Map<number, { id: string; reason: string }>;
}

/** The line as an exported event, or what is wrong with it (the finding lacks only the line number). */
function exportedEvent(line: unknown): PublicEvent | Finding {
  if (typeof line !== 'object' || line === null || Array.isArray(line)) return finding('EVENT_NOT_OBJECT');
  const record = line as Record<string, unknown>;
  let known = 0;
  let extra: string[] | null = null;
  for (const field of Object.keys(record)) {
    if (EXPORT_FIELD_SET.has(field)) known++;
    else (extra ??= []).push(field);
  }
  if (known < EXPORT_FIELDS.length) {
    const missing = EXPORT_FIELDS.filter((field) => !Object.hasOwn(record, field));
    return finding('EVENT_MISSING_FIELDS', { fields: missing.join(', ') });
  }
  if (extra !== null) return finding('EVENT_EXTRA_FIELDS', { fields: extra.join(', ') });
  const { id, type, schemaVersion, stream, revision, recordedAt, data } = record;
  const malformed = [
    typeof id !== 'string' && 'id',
    typeof type !== 'string' && 'type',
    !Number.isSafeInteger(schemaVersion) && 'schemaVersion',
    typeof stream !== 'string' && 'stream',
    !Number.isSafeInteger(revision) && 'revision',
    typeof recordedAt !== 'string' && 'recordedAt',
    (typeof data !== 'object' || data === null) && 'data',
  ].filter((field) => field !== false);
  if (malformed.length > 0) return finding('EVENT_MALFORMED_FIELDS', { fields: malformed.join(', ') });
  return record as PublicEvent;
}

interface RecomputedTree {
  tree: MerkleTree;
  nodes: NodeStore;
}

function checkHeads(
  { tree, nodes }: RecomputedTree,
  events: RecordedEvents,
  heads: LoggedHead[],
  options: LogOptions,
  findings: Finding[],
): void {
  const editionKey = options.publicKey ?? options.treeHeads?.publicKey ?? heads[0]?.publicKey ?? null;
  if (options.publicKey && options.treeHeads && options.treeHeads.publicKey !== options.publicKey) {
    findings.push(
      finding('PUBLISHED_KEY_MISMATCH', {
        published: safeKeyId(options.treeHeads.publicKey),
        given: safeKeyId(options.publicKey),
      }),
    );
  }
  let previous: LoggedHead | null = null;
  // Size of the last head that held; the first one that fails is searched for an added event.
  let lastGoodSize: number | null = 0;
  for (const logged of heads) {
    const { head, number } = logged;
    if (editionKey !== null && logged.publicKey !== editionKey) {
      findings.push(
        finding('HEAD_WRONG_KEY', {
          head: number,
          key: safeKeyId(logged.publicKey),
          editionKey: safeKeyId(editionKey),
        }),
      );
    } else if (!verifyTreeHead(head, logged.publicKey)) {
      findings.push(finding('HEAD_BAD_SIGNATURE', { head: number }));
    }
    const covered = Math.min(head.treeSize, logged.index);
    const signatureHolds =
      logged.publicKey === (editionKey ?? logged.publicKey) && verifyTreeHead(head, logged.publicKey);
    if (toHex(tree.root(covered)) !== head.rootHash || covered < head.treeSize) {
      findings.push(finding('HEAD_ROOT_MISMATCH', { head: number }));
      if (signatureHolds && lastGoodSize !== null) {
        const added = addedEvent({ tree, nodes }, lastGoodSize, head);
        const id = added === null ? undefined : events.idAt(added);
        if (id !== undefined)
          findings.push(finding('EVENT_ADDED', { event: id, type: events.types[added!]!, head: number }));
      }
      lastGoodSize = null;
    } else if (signatureHolds && lastGoodSize !== null) {
      lastGoodSize = head.treeSize;
    }
    if (head.treeSize > logged.index) {
      findings.push(finding('HEAD_BEYOND_EXPORT', { head: number, size: head.treeSize, preceding: logged.index }));
    } else {
      // An interval head may cover any size; the others must sit on the event that caused them.
      if (head.reason !== INTERVAL_REASON && events.signed.get(head.treeSize - 1)?.reason !== head.reason) {
        findings.push(finding('HEAD_WRONG_REASON', { head: number, reason: head.reason, size: head.treeSize }));
      }
    }
    if (previous) checkSuccession(previous, logged, options.treeHeads, findings);
    previous = logged;
  }
  // Each phase change and tally needs its own head: an interval head at the same size does not stand in for it.
  const signed = new Set(heads.map((h) => `${h.head.treeSize}:${h.head.reason}`));
  for (const [index, { id, reason }] of events.signed) {
    if (!signed.has(`${index + 1}:${reason}`)) findings.push(finding('EVENT_WITHOUT_HEAD', { event: id, reason }));
  }
  if (options.treeHeads) comparePublished(heads, options.treeHeads, tree.size, findings);
}

function checkSuccession(
  previous: LoggedHead,
  current: LoggedHead,
  published: TreeHeadsDocument | null | undefined,
  findings: Finding[],
): void {
  const pair = { from: previous.number, to: current.number };
  const [oldSize, newSize] = [previous.head.treeSize, current.head.treeSize];
  if (newSize <= oldSize) {
    findings.push(finding('HEADS_NOT_GROWING', { ...pair, fromSize: oldSize, toSize: newSize }));
    return;
  }
  if (!published) return;
  const entry = published.consistency.find((c) => c.fromSize === oldSize && c.toSize === newSize);
  if (!entry) {
    findings.push(finding('CONSISTENCY_PROOF_MISSING', pair));
    return;
  }
  const proof = entry.proof.map((hash) => fromHex(hash));
  if (!verifyConsistency(oldSize, newSize, fromHex(previous.head.rootHash), fromHex(current.head.rootHash), proof)) {
    findings.push(finding('CONSISTENCY_PROOF_FAILS', pair));
  }
}

/** The published tree-heads document must list exactly the heads the log records. */
function comparePublished(heads: LoggedHead[], published: TreeHeadsDocument, size: number, findings: Finding[]): void {
  const inLog = new Map(heads.map((h) => [h.head.treeSize, h]));
  for (const head of published.treeHeads) {
    // Its TreeHeadSigned event comes after all it covers: past the end of an export taken before it.
    if (head.treeSize >= size && !inLog.has(head.treeSize)) continue;
    const logged = inLog.get(head.treeSize);
    if (!logged) findings.push(finding('PUBLISHED_HEAD_NOT_IN_LOG', { size: head.treeSize }));
    else if (canonicalJson(logged.head) !== canonicalJson(head)) {
      findings.push(finding('HEAD_DIFFERS_FROM_PUBLISHED', { head: logged.number }));
    }
  }
  const publishedSizes = new Set(published.treeHeads.map((h) => h.treeSize));
  for (const logged of heads) {
    if (!publishedSizes.has(logged.head.treeSize))
      findings.push(finding('HEAD_NOT_PUBLISHED', { head: logged.number }));
  }
}

// Beyond this many events between two heads, searching for an added one costs too much to try.
const ADDED_EVENT_SEARCH_LIMIT = 2_000;

/**
 * When a genuine head fails only because one event was slipped in after `fromSize` (the last
 * size that held), dropping that event makes the root match again: try each candidate,
 * resuming from the frontier at `fromSize` so each try costs only the events after it.
 */
function addedEvent({ tree: log, nodes }: RecomputedTree, fromSize: number, head: TreeHead): number | null {
  const lastCandidate = head.treeSize;
  if (lastCandidate >= log.size || lastCandidate - fromSize > ADDED_EVENT_SEARCH_LIMIT) return null;
  for (let candidate = fromSize; candidate <= lastCandidate; candidate++) {
    const resumed = new InMemoryNodeStore();
    for (const { level, index } of frontierOf(fromSize)) resumed.set(level, index, nodes.get(level, index)!);
    const tree = new MerkleTree(resumed, fromSize);
    for (let i = fromSize; i <= lastCandidate; i++) if (i !== candidate) tree.append(nodes.get(0, i)!);
    if (toHex(tree.root()) === head.rootHash) return candidate;
  }
  return null;
}

/** Why an event must be followed by a signed tree head (the same rule the backend signs by). */
/**
 * The reason of a head signed because events arrived and `TREE_HEAD_INTERVAL` passed
 * without another head (a maximum merge delay, as in Certificate Transparency), so a
 * receipt is provable within that interval rather than at the next phase change.
 */
export const INTERVAL_REASON = 'interval';

export function headReason(event: PublicDomainEvent): string | null {
  if (event.type === 'EditionPhaseAdvanced') return `phase:${event.data.to}`;
  if (event.type === 'TallyComputed') return 'results';
  return null;
}

function safeKeyId(publicKey: string): string {
  try {
    return keyId(publicKey);
  } catch {
    return 'malformed';
  }
}

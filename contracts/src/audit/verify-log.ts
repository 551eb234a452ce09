import { type PublicDomainEvent, parsePublicEvent } from '../events/catalog';
import type { PublicEvent } from '../events/public-event';
import type { TreeHeadsDocument } from './audit-documents';
import { canonicalJson } from './canonical-json';
import { fromHex, toHex } from './encoding';
import { eventLeafHash } from './event-leaf';
import { frontierOf } from './frontier';
import { MerkleTree } from './merkle-tree';
import { type NodeStore, InMemoryNodeStore } from './node-store';
import { verifyConsistency } from './proofs';
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

const EXPORT_FIELDS = ['id', 'type', 'schemaVersion', 'stream', 'revision', 'recordedAt', 'data'] as const;

/**
 * Checks the log as a log: every line a catalogued event, ids unique, each stream's
 * revisions counting up from 0 in log order, and every signed tree head a valid signature
 * by the edition's key over the root recomputed from the export, each consistent with the
 * one before, as published. Findings go to `findings`; what passed the catalog is returned
 * for the rules checks.
 */
export function checkLog(
  lines: readonly unknown[],
  options: { treeHeads?: TreeHeadsDocument | null; publicKey?: string | null },
  findings: string[],
): CheckedLog {
  const nodes = new InMemoryNodeStore();
  const tree = new MerkleTree(nodes);
  const leaves: Uint8Array[] = [];
  const events: LoggedDomainEvent[] = [];
  const heads: LoggedHead[] = [];
  const seenIds = new Set<string>();
  const nextRevision = new Map<string, number>();

  lines.forEach((line, index) => {
    leaves.push(eventLeafHash(line));
    tree.append(leaves[index]!);
    const event = exportedEvent(line);
    if (typeof event === 'string') {
      findings.push(`event #${index + 1}: ${event}`);
      return;
    }
    if (seenIds.has(event.id)) findings.push(`event ${event.id}: appears twice`);
    seenIds.add(event.id);
    const expectedRevision = nextRevision.get(event.stream) ?? 0;
    if (event.revision !== expectedRevision) {
      findings.push(
        `event ${event.id}: revision ${event.revision} of stream ${event.stream} where ${expectedRevision} was due`,
      );
    }
    nextRevision.set(event.stream, Math.max(expectedRevision, event.revision + 1));
    let parsed: PublicDomainEvent;
    try {
      parsed = parsePublicEvent(event.type, event.data, event.schemaVersion);
    } catch (error) {
      findings.push(`event ${event.id}: ${(error as Error).message}`);
      return;
    }
    const logged = {
      ...parsed,
      id: event.id,
      stream: event.stream,
      revision: event.revision,
      recordedAt: event.recordedAt,
      index,
    } as LoggedDomainEvent;
    events.push(logged);
    if (logged.type === 'TreeHeadSigned') {
      const { publicKey, ...head } = logged.data;
      heads.push({ number: heads.length + 1, head, publicKey, index });
    }
  });

  checkHeads({ tree, nodes, leaves }, events, heads, options, findings);
  return { events, heads, size: tree.size };
}

function exportedEvent(line: unknown): PublicEvent | string {
  if (typeof line !== 'object' || line === null || Array.isArray(line)) return 'not a JSON object';
  const record = line as Record<string, unknown>;
  const missing = EXPORT_FIELDS.filter((field) => !(field in record));
  if (missing.length > 0) return `lacks ${missing.join(', ')}`;
  const extra = Object.keys(record).filter((field) => !(EXPORT_FIELDS as readonly string[]).includes(field));
  if (extra.length > 0) return `has fields an export does not carry: ${extra.join(', ')}`;
  const { id, type, schemaVersion, stream, revision, recordedAt, data } = record;
  if (typeof id !== 'string' || typeof type !== 'string' || typeof stream !== 'string')
    return 'id, type and stream must be strings';
  if (!Number.isSafeInteger(schemaVersion) || !Number.isSafeInteger(revision))
    return 'schemaVersion and revision must be integers';
  if (typeof recordedAt !== 'string' || typeof data !== 'object' || data === null)
    return 'malformed recordedAt or data';
  return record as PublicEvent;
}

interface RecomputedTree {
  tree: MerkleTree;
  nodes: NodeStore;
  leaves: Uint8Array[];
}

function checkHeads(
  { tree, nodes, leaves }: RecomputedTree,
  events: LoggedDomainEvent[],
  heads: LoggedHead[],
  options: { treeHeads?: TreeHeadsDocument | null; publicKey?: string | null },
  findings: string[],
): void {
  const editionKey = options.publicKey ?? options.treeHeads?.publicKey ?? heads[0]?.publicKey ?? null;
  if (options.publicKey && options.treeHeads && options.treeHeads.publicKey !== options.publicKey) {
    findings.push(
      `tree heads: published with key ${keyId(options.treeHeads.publicKey)}, not the key given (${keyId(options.publicKey)})`,
    );
  }
  const byIndex = new Map(events.map((event) => [event.index, event]));
  let previous: LoggedHead | null = null;
  // Size of the last head that held; the first one that fails is searched for an added event.
  let lastGoodSize: number | null = 0;
  for (const logged of heads) {
    const { head, number } = logged;
    const name = `tree head ${number}`;
    if (editionKey !== null && logged.publicKey !== editionKey) {
      findings.push(
        `${name}: signed with key ${safeKeyId(logged.publicKey)}, not the edition's key ${safeKeyId(editionKey)}`,
      );
    } else if (!verifyTreeHead(head, logged.publicKey)) {
      findings.push(`${name}: bad signature`);
    }
    const covered = Math.min(head.treeSize, logged.index);
    const signatureHolds =
      logged.publicKey === (editionKey ?? logged.publicKey) && verifyTreeHead(head, logged.publicKey);
    if (toHex(tree.root(covered)) !== head.rootHash || covered < head.treeSize) {
      findings.push(`${name}: root mismatch`);
      if (signatureHolds && lastGoodSize !== null) {
        const added = addedEvent({ nodes, leaves }, lastGoodSize, head);
        const event = added === null ? undefined : byIndex.get(added);
        if (event) findings.push(`event ${event.id} (${event.type}): added; ${name} matches the log without it`);
      }
      lastGoodSize = null;
    } else if (signatureHolds && lastGoodSize !== null) {
      lastGoodSize = head.treeSize;
    }
    if (head.treeSize > logged.index) {
      findings.push(`${name}: signs ${head.treeSize} events but ${logged.index} precede it in the export`);
    } else {
      const cause = byIndex.get(head.treeSize - 1);
      if (!cause || headReason(cause) !== head.reason) {
        findings.push(`${name}: signed for "${head.reason}" but event #${head.treeSize} is not that`);
      }
    }
    if (previous) checkSuccession(previous, logged, options.treeHeads, findings);
    previous = logged;
  }
  for (const event of events) {
    if (headReason(event) !== null && !heads.some((h) => h.head.treeSize === event.index + 1)) {
      findings.push(`event ${event.id} (${headReason(event)}): no signed tree head`);
    }
  }
  if (options.treeHeads) comparePublished(heads, options.treeHeads, tree.size, findings);
}

function checkSuccession(
  previous: LoggedHead,
  current: LoggedHead,
  published: TreeHeadsDocument | null | undefined,
  findings: string[],
): void {
  const name = `tree heads ${previous.number} → ${current.number}`;
  const [oldSize, newSize] = [previous.head.treeSize, current.head.treeSize];
  if (newSize <= oldSize) {
    findings.push(`${name}: the log shrank or stood still (${oldSize} → ${newSize} events)`);
    return;
  }
  if (!published) return;
  const entry = published.consistency.find((c) => c.fromSize === oldSize && c.toSize === newSize);
  if (!entry) {
    findings.push(`${name}: no consistency proof published`);
    return;
  }
  const proof = entry.proof.map((hash) => fromHex(hash));
  if (!verifyConsistency(oldSize, newSize, fromHex(previous.head.rootHash), fromHex(current.head.rootHash), proof)) {
    findings.push(`${name}: inconsistent (the consistency proof fails)`);
  }
}

/** The published tree-heads document must list exactly the heads the log records. */
function comparePublished(heads: LoggedHead[], published: TreeHeadsDocument, size: number, findings: string[]): void {
  const inLog = new Map(heads.map((h) => [h.head.treeSize, h]));
  for (const head of published.treeHeads) {
    // Its TreeHeadSigned event comes after all it covers: past the end of an export taken before it.
    if (head.treeSize >= size && !inLog.has(head.treeSize)) continue;
    const logged = inLog.get(head.treeSize);
    if (!logged) findings.push(`published tree head of size ${head.treeSize}: not in the log`);
    else if (canonicalJson(logged.head) !== canonicalJson(head)) {
      findings.push(`tree head ${logged.number}: differs from the published one`);
    }
  }
  const publishedSizes = new Set(published.treeHeads.map((h) => h.treeSize));
  for (const logged of heads) {
    if (!publishedSizes.has(logged.head.treeSize)) findings.push(`tree head ${logged.number}: not published`);
  }
}

// Beyond this many events between two heads, searching for an added one costs too much to try.
const ADDED_EVENT_SEARCH_LIMIT = 2_000;

/**
 * When a genuine head fails only because one event was slipped in after `fromSize` (the last
 * size that held), dropping that event makes the root match again: try each candidate,
 * resuming from the frontier at `fromSize` so each try costs only the events after it.
 */
function addedEvent(
  { nodes, leaves }: Pick<RecomputedTree, 'nodes' | 'leaves'>,
  fromSize: number,
  head: TreeHead,
): number | null {
  const lastCandidate = head.treeSize;
  if (lastCandidate >= leaves.length || lastCandidate - fromSize > ADDED_EVENT_SEARCH_LIMIT) return null;
  for (let candidate = fromSize; candidate <= lastCandidate; candidate++) {
    const resumed = new InMemoryNodeStore();
    for (const { level, index } of frontierOf(fromSize)) resumed.set(level, index, nodes.get(level, index)!);
    const tree = new MerkleTree(resumed, fromSize);
    for (let i = fromSize; i <= lastCandidate; i++) if (i !== candidate) tree.append(leaves[i]!);
    if (toHex(tree.root()) === head.rootHash) return candidate;
  }
  return null;
}

/** Why an event must be followed by a signed tree head (the same rule the backend signs by). */
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

import { receiptFor } from '../audit/event-leaf';

/**
 * An event as the public export publishes it, one JSON Lines row, and as the Merkle tree
 * hashes it (RFC 8785 canonical JSON of exactly these fields). The store's global
 * position is left out on purpose: it differs between stores, and moving the log to
 * another store must not change a single receipt.
 */
export type PublicEvent = {
  id: string;
  type: string;
  schemaVersion: number;
  stream: string;
  revision: number;
  recordedAt: string;
  data: Record<string, unknown>;
};

export function publicEvent(event: {
  id: string;
  type: string;
  streamId: string;
  revision: number;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}): PublicEvent {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: Number(event.metadata['schemaVersion'] ?? 1),
    stream: event.streamId,
    revision: event.revision,
    recordedAt: event.recordedAt,
    data: event.data,
  };
}

/** A ballot receipt: the ballot event's id and its leaf hash, joined by a dot so it fits in a URL. */
export function receiptOf(event: PublicEvent): { receipt: string; ballotId: string; leafHash: string } {
  const { leafHash } = receiptFor(event);
  return { receipt: `${event.id}.${leafHash}`, ballotId: event.id, leafHash };
}

export function parseReceipt(receipt: string): { ballotId: string; leafHash: string } | null {
  const match = /^([0-9a-f-]{36})\.([0-9a-f]{64})$/.exec(receipt);
  return match ? { ballotId: match[1]!, leafHash: match[2]! } : null;
}

import { receiptFor } from '../audit/event-leaf';

/**
 * An event as the public export publishes it, one JSON Lines row, and as the Merkle tree
 * hashes it (RFC 8785 canonical JSON of exactly these fields). The store's global
 * position is left out on purpose: it differs between stores, and moving the log to
 * another store must not change a single receipt. A ballot is published without its
 * sealed selections (its commitment stays; the openings route publishes them after
 * voting closes) and with its time cut to the hour, which is all an audit needs and
 * does not pick one person out of a queue at a booth; so is a support recorded at a booth.
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
  const ballot = event.type === 'BallotCast';
  const atBooth = ballot || (event.type === 'SupportGiven' && event.data['channel'] === 'assisted');
  return {
    id: event.id,
    type: event.type,
    schemaVersion: Number(event.metadata['schemaVersion'] ?? 1),
    stream: event.streamId,
    revision: event.revision,
    recordedAt: atBooth ? hourOf(event.recordedAt) : event.recordedAt,
    data: ballot ? withoutSealed(event.data) : event.data,
  };
}

function withoutSealed(data: Record<string, unknown>): Record<string, unknown> {
  const { sealed: _sealed, ...rest } = data;
  return rest;
}

/** A timestamp as the stores record it (`Date#toISOString`), whose hour is its first 13 characters. */
const RECORDED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** `YYYY-MM-DDTHH:00:00.000Z` of an ISO timestamp. */
export function hourOf(recordedAt: string): string {
  // Cut as text when it can be: a rebuild does this for a million ballots, twice each.
  if (RECORDED_AT.test(recordedAt)) return `${recordedAt.slice(0, 13)}:00:00.000Z`;
  const time = new Date(recordedAt);
  time.setUTCMinutes(0, 0, 0);
  return time.toISOString();
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

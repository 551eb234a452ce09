import { createHash } from 'node:crypto';
import {
  ANY,
  type AppendStreamState,
  type EventData as ClientEventData,
  jsonEvent,
  NO_STREAM,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
  START,
  type WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  type EventData,
  type ExpectedRevision,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '../event-store.port';

/**
 * Translations between the port and KurrentDB.
 *
 * Positions: KurrentDB addresses $all by a {commit, prepare} pair of byte offsets in its
 * transaction log. For every event appended through gRPC (no explicit transaction) the two
 * are equal, so the port's position is the commit offset as a Number, and a port position
 * P is read back as {commit: P, prepare: P}. Numbers are exact below 2^53, i.e. for a log
 * under 8 PiB; past that the mapping refuses rather than rounds. Events written in legacy
 * explicit transactions (TCP API only, never by this adapter) would not round-trip.
 *
 * Revisions are 0-based on both sides.
 */

/** An event in $all or a stream as the client returns it. */
export type ClientRecordedEvent = NonNullable<ResolvedEvent['event']>;

/** Metadata key that keeps a port event id which is not a UUID (KurrentDB only takes UUIDs). */
export const PORT_EVENT_ID_KEY = '$eventId';

/** Raised for an event this adapter cannot hand to the port; retrying will not help. */
export class UnreadableEventError extends Error {
  constructor(event: ClientRecordedEvent, reason: string) {
    super(`event ${event.id} in stream ${event.streamId}: ${reason}`);
    this.name = 'UnreadableEventError';
  }
}

export function toPortPosition(position: Position): number {
  if (position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`$all commit position ${position.commit} is beyond 2^53 and cannot be a port position`);
  }
  return Number(position.commit);
}

/** Where a read or subscription "after `after`" starts; 0 is the start of the log. */
export function toReadPosition(after: number): ReadPosition {
  if (!Number.isSafeInteger(after) || after < 0) throw new RangeError(`position ${after} is not a log position`);
  if (after === 0) return START;
  return { commit: BigInt(after), prepare: BigInt(after) };
}

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

export function toWrongExpectedRevision(
  error: WrongExpectedVersionError,
  streamId: string,
  expected: ExpectedRevision,
): WrongExpectedRevisionError {
  const actual = error.actualState;
  // Older servers report a missing stream as revision -1 instead of "no_stream".
  const revision = typeof actual === 'bigint' && actual >= 0n ? Number(actual) : 'no_stream';
  return new WrongExpectedRevisionError(streamId, expected, revision);
}

/** System events ($-prefixed types or streams) are KurrentDB's own and never reach the port. */
export function isSystemEvent(event: ClientRecordedEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Namespace of the name-based UUIDs derived from port event ids that are not UUIDs. */
const EVENT_ID_NAMESPACE = Buffer.from('5b0e7a4c9d3f4e21a6c8f1d2e3b4a596', 'hex');

/**
 * The id KurrentDB stores for a port event id: the id itself when it is a lowercase UUID,
 * otherwise a name-based (version 5) UUID of it, so the same port id always maps to the
 * same KurrentDB id and the server still recognises retries.
 */
export function toKurrentEventId(id: string): string {
  if (UUID.test(id)) return id;
  const hash = createHash('sha1').update(EVENT_ID_NAMESPACE).update(id, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function toClientEvent(event: EventData): ClientEventData {
  const id = toKurrentEventId(event.id);
  const metadata = id === event.id ? (event.metadata ?? {}) : { ...event.metadata, [PORT_EVENT_ID_KEY]: event.id };
  return jsonEvent({ id, type: event.type, data: event.data, metadata });
}

/** The port position of an event read from $all or from a stream. */
export function positionOf(event: ClientRecordedEvent): number {
  if (!event.position) {
    throw new UnreadableEventError(
      event,
      'the server reported no $all position (KurrentDB/EventStoreDB 22.6 or later is needed)',
    );
  }
  return toPortPosition(event.position);
}

export function toRecordedEvent(event: ClientRecordedEvent): RecordedEvent {
  const position = positionOf(event);
  const data = jsonObject(event, event.isJson ? event.data : undefined, 'data');
  const { [PORT_EVENT_ID_KEY]: portId, ...metadata } = jsonObject(event, event.metadata ?? {}, 'metadata');
  return {
    id: typeof portId === 'string' ? portId : event.id,
    type: event.type,
    streamId: event.streamId,
    revision: Number(event.revision),
    position,
    data,
    metadata,
    recordedAt: event.created.toISOString(),
  };
}

function jsonObject(event: ClientRecordedEvent, value: unknown, part: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)) {
    return value as Record<string, unknown>;
  }
  throw new UnreadableEventError(event, `its ${part} is not a JSON object`);
}

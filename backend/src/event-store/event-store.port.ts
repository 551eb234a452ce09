/**
 * The event store port. Every adapter (embedded SQLite, EventStoreDB/KurrentDB) passes
 * the same contract suite (event-store.contract.ts).
 *
 * Revisions are 0-based per stream (the first event of a stream has revision 0), global
 * positions are 1-based and strictly increasing in commit order, so position 0 means
 * "before everything".
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface EventData {
  /** Unique event id; appending an event whose id is already in the stream is a retry and writes nothing. */
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

export interface RecordedEvent {
  id: string;
  type: string;
  streamId: string;
  revision: number;
  position: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: number;
  /** Global position of the last event appended (or of the retried one). */
  position: number;
  /** When the store recorded that event, as readStream reports it, so a writer need not read it back. */
  recordedAt: string;
}

export interface ReadStreamOptions {
  /** Only events with a revision strictly greater than this, for a reader that holds the earlier ones. */
  after?: number;
}

export interface ReadAllOptions {
  /** Return events with position strictly greater than this. Default 0. */
  after?: number;
  limit?: number;
  /** Only streams whose id starts with one of these prefixes. */
  streamPrefixes?: string[];
}

export interface SubscribeOptions {
  /** Deliver events with position strictly greater than this, then keep delivering new ones. */
  after: number;
  /** Called for each event in order; the next is not delivered until this resolves. */
  onEvent: (event: RecordedEvent) => Promise<void>;
  /**
   * When given, called instead of onEvent with the events an adapter read together (one
   * or more, in order), so a consumer can commit their effects at once; the next group is
   * not delivered until this resolves.
   */
  onEvents?: (events: RecordedEvent[]) => Promise<void>;
  /** Called once if the subscription stops because of an error (after onEvent threw, or the store failed). */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  stop(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export interface EventStore {
  append(streamId: string, events: EventData[], expected: ExpectedRevision): Promise<AppendResult>;
  /** All events of a stream in revision order (or those after a revision); [] when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** The events at these log positions, in the order asked for; a position holding no event is left out. */
  readPositions(positions: number[]): Promise<RecordedEvent[]>;
  /** Position of the last event in the log, 0 when empty. */
  headPosition(): Promise<number>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');

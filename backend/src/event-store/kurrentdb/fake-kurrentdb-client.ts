import { randomUUID } from 'node:crypto';
import {
  type AllStreamRecordedEvent,
  type AllStreamResolvedEvent,
  type AppendResult,
  type AppendStreamState,
  BACKWARDS,
  type Direction,
  END,
  type EventData,
  type Filter,
  FORWARDS,
  NO_STREAM,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
  START,
  STREAM_NAME,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { ClientSubscription, KurrentClient } from './kurrentdb-client';

/**
 * TEST ONLY. An in-memory imitation of a KurrentDB log behind the methods the adapter
 * calls, so the adapter's own logic (idempotent retries, paging, filtering, resubscribing)
 * can be checked where no server can run. It follows the server as its source reads
 * (revision checks and idempotency in the index writer, inclusive forward reads of $all,
 * exclusive subscription starts), but it is not the server: a pass here says nothing
 * about the real one.
 */
export interface FakeLogOptions {
  /** Whether the "server" recognises retries itself; off, the adapter's own check must. Default true. */
  serverIdempotency?: boolean;
  /** Writes a system event after every n-th append, as a server's statistics would. Default 3. */
  systemEventEvery?: number;
}

interface StoredRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  json: string;
  metadata: string;
  created: Date;
  position: Position;
}

/** The log several fake clients share, as backend processes share a cluster. */
export class FakeKurrentLog {
  readonly records: StoredRecord[] = [];
  private end = 1_024n;
  private appends = 0;
  private waiting: (() => void)[] = [];

  constructor(readonly options: FakeLogOptions = {}) {}

  client(): FakeKurrentClient {
    return new FakeKurrentClient(this);
  }

  stream(streamId: string): StoredRecord[] {
    return this.records.filter((record) => record.streamId === streamId);
  }

  write(streamId: string, events: EventData[], firstRevision: bigint): bigint {
    let revision = firstRevision;
    for (const event of events) {
      const json = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata ?? {});
      // Commit and prepare are the record's byte offset; records are not evenly sized.
      const position = { commit: this.end, prepare: this.end };
      this.end += BigInt(64 + json.length + metadata.length);
      this.records.push({
        streamId,
        id: event.id,
        revision,
        type: event.type,
        json,
        metadata,
        created: new Date(),
        position,
      });
      revision += 1n;
    }
    this.appends += 1;
    if (this.appends % (this.options.systemEventEvery ?? 3) === 0) this.writeSystemEvent();
    for (const wake of this.waiting.splice(0)) wake();
    return revision - 1n;
  }

  get endPosition(): Position {
    return { commit: this.end, prepare: this.end };
  }

  appended(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private writeSystemEvent(): void {
    const stats = '$stats-127.0.0.1:2113';
    const revision = BigInt(this.stream(stats).length);
    const position = { commit: this.end, prepare: this.end };
    this.end += 256n;
    this.records.push({
      streamId: stats,
      id: randomUUID(),
      revision,
      type: '$statsCollected',
      json: '{}',
      metadata: '{}',
      created: new Date(),
      position,
    });
  }
}

export class FakeKurrentClient implements KurrentClient {
  readonly subscriptions: FakeSubscription[] = [];
  disposed = false;

  constructor(readonly log: FakeKurrentLog) {}

  async appendToStream(
    streamName: string,
    events: EventData[],
    { streamState }: { streamState: AppendStreamState },
  ): Promise<AppendResult> {
    const stream = this.log.stream(streamName);
    const current = BigInt(stream.length) - 1n;
    const retried =
      this.log.options.serverIdempotency === false ? undefined : retriedRevision(stream, events, streamState, current);
    if (retried !== undefined) return { success: true, nextExpectedRevision: retried, position: this.log.endPosition };
    const expected = streamState === NO_STREAM ? -1n : streamState;
    if (typeof expected === 'bigint' && expected !== current) {
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected: streamState,
        current: current < 0n ? NO_STREAM : current,
      });
    }
    const nextExpectedRevision = this.log.write(streamName, events, current + 1n);
    // Deliberately not the last event's position: the adapter must not rely on it.
    return { success: true, nextExpectedRevision, position: this.log.endPosition };
  }

  async *readStream(
    streamName: string,
    { fromRevision = START, maxCount = Number.MAX_SAFE_INTEGER }: { fromRevision?: ReadRevision; maxCount?: number },
  ): AsyncIterable<ResolvedEvent> {
    const stream = this.log.stream(streamName);
    if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
    const from = typeof fromRevision === 'bigint' ? fromRevision : 0n;
    for (const record of stream.filter((r) => r.revision >= from).slice(0, maxCount))
      yield { event: toClientEvent(record) };
  }

  async *readAll({
    fromPosition,
    maxCount,
    direction,
    filter,
  }: {
    fromPosition: ReadPosition;
    maxCount: number;
    direction: Direction;
    filter: Filter;
  }): AsyncIterable<AllStreamResolvedEvent> {
    const ordered = direction === BACKWARDS ? [...this.log.records].reverse() : this.log.records;
    const inRange = ordered.filter((record) => startsFrom(record.position, fromPosition, direction));
    const matching = inRange.filter((record) => passes(record, filter)).slice(0, maxCount);
    for (const record of matching) yield { event: toClientEvent(record) };
  }

  subscribeToAll({ fromPosition, filter }: { fromPosition: ReadPosition; filter: Filter }): FakeSubscription {
    const subscription = new FakeSubscription(this.log, fromPosition, filter);
    this.subscriptions.push(subscription);
    return subscription;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all(this.subscriptions.map((subscription) => subscription.unsubscribe()));
  }
}

/** A live subscription; `fail` makes it error as a dropped connection would. */
export class FakeSubscription implements ClientSubscription {
  readonly from: ReadPosition;
  unsubscribed = false;
  private failure: unknown;
  private wake: (() => void) | undefined;

  constructor(
    private readonly log: FakeKurrentLog,
    from: ReadPosition,
    private readonly filter: Filter,
  ) {
    this.from = from;
  }

  fail(error: unknown): void {
    this.failure = error;
    this.wake?.();
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<AllStreamResolvedEvent> {
    const from = this.from;
    let next =
      from === START
        ? 0
        : from === END
          ? -1
          : this.log.records.findIndex((record) => compare(record.position, from) > 0);
    if (next < 0) next = this.log.records.length;
    for (;;) {
      if (this.failure) throw this.failure;
      if (this.unsubscribed) return;
      const record = this.log.records[next];
      if (!record) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          void this.log.appended().then(resolve);
        });
        continue;
      }
      next += 1;
      if (passes(record, this.filter)) yield { event: toClientEvent(record) };
    }
  }
}

/** The server's idempotency check: the revision of the last event of a matching earlier append. */
function retriedRevision(
  stream: StoredRecord[],
  events: EventData[],
  streamState: AppendStreamState,
  current: bigint,
): bigint | undefined {
  const expected = streamState === NO_STREAM ? -1n : streamState;
  const start =
    typeof expected === 'bigint' ? Number(expected) + 1 : stream.findIndex((record) => record.id === events[0]?.id);
  if (typeof expected === 'bigint' && expected >= current) return undefined;
  if (start < 0 || start + events.length > stream.length) return undefined;
  const matches = events.every((event, index) => stream[start + index]!.id === event.id);
  return matches ? BigInt(start + events.length - 1) : undefined;
}

function startsFrom(position: Position, from: ReadPosition, direction: Direction): boolean {
  if (from === START || from === END) return true;
  return direction === FORWARDS ? compare(position, from) >= 0 : compare(position, from) < 0;
}

function passes(record: StoredRecord, filter: Filter): boolean {
  const subject = filter.filterOn === STREAM_NAME ? record.streamId : record.type;
  if ('prefixes' in filter) return filter.prefixes.some((prefix) => subject.startsWith(prefix));
  return new RegExp(filter.regex).test(subject);
}

function compare(a: Position, b: Position): number {
  if (a.commit === b.commit) return 0;
  return a.commit < b.commit ? -1 : 1;
}

function toClientEvent(record: StoredRecord): AllStreamRecordedEvent {
  return {
    streamId: record.streamId,
    id: record.id,
    revision: record.revision,
    type: record.type,
    created: record.created,
    data: JSON.parse(record.json) as Record<string, unknown>,
    metadata: JSON.parse(record.metadata) as Record<string, unknown>,
    isJson: true,
    position: record.position,
  };
}

import { Logger } from '@nestjs/common';
import {
  BACKWARDS,
  type Direction,
  END,
  excludeSystemEvents,
  type Filter,
  FORWARDS,
  type Position,
  type ReadPosition,
  type ReadRevision,
  START,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type {
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { clientFor, EventStoreUrlError, messageOf, redact } from './connection-string';
import type { KurrentClient } from './kurrentdb-client';
import {
  type ClientRecordedEvent,
  isSystemEvent,
  positionOf,
  toClientEvent,
  toKurrentEventId,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
  toWrongExpectedRevision,
} from './kurrentdb-mapping';
import {
  DEFAULT_RESUBSCRIBE_POLICY,
  type ResubscribePolicy,
  ResubscribingSubscription,
  type Warnings,
} from './resubscribing-subscription';

export interface KurrentDbEventStoreOptions {
  /** How long the start-up read may take before EVENTSTORE_URL counts as unreachable. Default 3 s. */
  connectTimeoutMs?: number;
  resubscribe?: ResubscribePolicy;
  warnings?: Warnings;
}

/** Events read from $all per request. */
const PAGE_SIZE = 500;

/**
 * Opens the event log kept in a KurrentDB/EventStoreDB server or cluster. Fails fast, with
 * an error naming EVENTSTORE_URL, when the connection string is malformed or the server
 * cannot be read from. Reading $all needs a user allowed to (by default one in $admins).
 */
export async function openKurrentDbEventStore(
  connectionString: string,
  options: KurrentDbEventStoreOptions = {},
): Promise<EventStore> {
  const client = clientFor(connectionString);
  const store = createKurrentDbEventStore(client, options);
  const timeoutMs = options.connectTimeoutMs ?? 3_000;
  try {
    await withinDeadline(store.headPosition(), timeoutMs);
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    const server = redact(connectionString.trim());
    const reason =
      error instanceof DeadlineError ? `no answer within ${timeoutMs} ms` : redact(messageOf(error), server);
    throw new EventStoreUrlError(`cannot read the event log from ${server} (${reason})`, { cause: error });
  }
}

/** The adapter over any client with KurrentDBClient's methods; tests hand it a fake. */
export function createKurrentDbEventStore(client: KurrentClient, options: KurrentDbEventStoreOptions = {}): EventStore {
  return new KurrentDbEventStore(
    client,
    options.resubscribe ?? DEFAULT_RESUBSCRIBE_POLICY,
    options.warnings ?? new Logger('EventStore'),
  );
}

class KurrentDbEventStore implements EventStore {
  private readonly subscriptions = new Set<ResubscribingSubscription>();
  private closed = false;

  constructor(
    private readonly client: KurrentClient,
    private readonly resubscribePolicy: ResubscribePolicy,
    private readonly warnings: Warnings,
  ) {}

  /**
   * The server itself recognises a retry that expects the revision the original expected.
   * The port promises more: a retry whose first event id is already in the stream writes
   * nothing and returns the original result whatever it expects, so when the server
   * reports a conflict (or for "any", where its own check is best-effort) the stream is
   * searched for that id.
   */
  async append(streamId: string, events: EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    const first = events[0];
    if (!first) throw new RangeError(`append to ${streamId} needs at least one event`);
    if (expected === 'any') {
      const original = await this.originalAppend(streamId, first.id, events.length);
      if (original) return original;
    }
    try {
      const result = await this.client.appendToStream(streamId, events.map(toClientEvent), {
        streamState: toStreamState(expected),
      });
      if (!result.success) {
        throw new Error(
          `KurrentDB refused an append to ${streamId} without an error: drop throwOnAppendFailure=false from EVENTSTORE_URL`,
        );
      }
      return await this.resultAt(streamId, result.nextExpectedRevision);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const original = await this.originalAppend(streamId, first.id, events.length);
      if (original) return original;
      throw toWrongExpectedRevision(error, streamId, expected);
    }
  }

  async readStream(streamId: string, { after }: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return (await this.streamEvents(streamId, after === undefined ? START : BigInt(after + 1))).map(toRecordedEvent);
  }

  async readAll({ after = 0, limit, streamPrefixes }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    if (streamPrefixes?.length === 0 || limit === 0) return [];
    const filter = streamPrefixes ? streamNameFilter({ prefixes: streamPrefixes }) : excludeSystemEvents();
    const events = await this.readPages(FORWARDS, toReadPosition(after), limit ?? Infinity, filter);
    return events.map(toRecordedEvent);
  }

  /** One read per position: $all has no lookup by position, only reads from one. */
  async readPositions(positions: number[]): Promise<RecordedEvent[]> {
    const found = await Promise.all(
      positions.map(async (position) => {
        const [event] = await this.readAll({ after: position - 1, limit: 1 });
        return event?.position === position ? [event] : [];
      }),
    );
    return found.flat();
  }

  async headPosition(): Promise<number> {
    const [last] = await this.readPages(BACKWARDS, END, 1, excludeSystemEvents());
    return last ? positionOf(last) : 0;
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const subscription = new ResubscribingSubscription(
      (fromPosition) => this.client.subscribeToAll({ fromPosition, filter: excludeSystemEvents() }),
      options,
      this.resubscribePolicy,
      this.warnings,
    );
    this.subscriptions.add(subscription);
    void subscription.run().finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  /**
   * The result an append of `count` events starting with `firstEventId` reported, if that
   * event is in the stream: the revision and position of the last of them.
   */
  private async originalAppend(
    streamId: string,
    firstEventId: string,
    count: number,
  ): Promise<AppendResult | undefined> {
    const id = toKurrentEventId(firstEventId);
    const stream = await this.streamEvents(streamId);
    const start = stream.findIndex((event) => event.id === id);
    if (start < 0) return undefined;
    const last = stream[Math.min(start + count, stream.length) - 1]!;
    return {
      nextExpectedRevision: Number(last.revision),
      position: positionOf(last),
      recordedAt: last.created.toISOString(),
    };
  }

  /**
   * The port reports the $all position of the last event appended, as readAll shows it.
   * The append response carries the position of the write's commit, which the server
   * does not promise to be that, so the event is read back at its revision.
   */
  private async resultAt(streamId: string, revision: bigint): Promise<AppendResult> {
    for await (const { event } of this.client.readStream(streamId, { fromRevision: revision, maxCount: 1 })) {
      if (event) {
        return {
          nextExpectedRevision: Number(revision),
          position: positionOf(event),
          recordedAt: event.created.toISOString(),
        };
      }
    }
    throw new Error(`stream ${streamId} has no event at revision ${revision} right after appending it`);
  }

  private async streamEvents(streamId: string, fromRevision: ReadRevision = START): Promise<ClientRecordedEvent[]> {
    const events: ClientRecordedEvent[] = [];
    try {
      for await (const { event } of this.client.readStream(streamId, { fromRevision })) {
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /**
   * Reads $all a page at a time until `limit` events are found or the log ends. Reads
   * include the event at their starting position, which is already known (it is the
   * caller's `after`, or the end of the previous page), so it is skipped; so are system
   * events that slip past the server-side filter.
   */
  private async readPages(
    direction: Direction,
    from: ReadPosition,
    limit: number,
    filter: Filter,
  ): Promise<ClientRecordedEvent[]> {
    const found: ClientRecordedEvent[] = [];
    let cursor = from;
    for (;;) {
      const maxCount = Math.min(limit - found.length + 1, PAGE_SIZE);
      let read = 0;
      for await (const { event } of this.client.readAll({ fromPosition: cursor, maxCount, direction, filter })) {
        read += 1;
        if (!event || !isBeyond(event.position, cursor, direction)) continue;
        cursor = event.position;
        if (isSystemEvent(event)) continue;
        found.push(event);
        if (found.length === limit) return found;
      }
      if (read < maxCount) return found;
    }
  }
}

function isBeyond(position: Position, cursor: ReadPosition, direction: Direction): boolean {
  if (cursor === START || cursor === END) return true;
  const order = compare(position, cursor);
  return direction === FORWARDS ? order > 0 : order < 0;
}

function compare(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

class DeadlineError extends Error {}

/** The client's reads ignore per-call deadlines, so the start-up check keeps its own. */
async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError()), ms).unref();
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

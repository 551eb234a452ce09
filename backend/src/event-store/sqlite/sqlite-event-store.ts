import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  type AppendResult,
  type EventData,
  type EventStore,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { CatchUpSubscription } from './catch-up-subscription';
import { LogGrowthSignal } from './log-growth-signal';
import { type LogAppend, LogWriter } from './log-writer';
import { RecentEvents } from './recent-events';
import { WRITE_LOCK_WAIT_MS, inWriteTransaction, isBusy, openSharedDatabase } from './sqlite-database';

/** How many times further apart the looks for other processes' events get while the log does not grow. */
const IDLE_SLOWDOWN = 16;

/** Events kept for the subscriptions that follow the log's tail: a few commits' worth under load. */
const RECENT_EVENTS = 2_000;

export interface SqliteEventStoreOptions {
  /**
   * How often waiting subscriptions look for events appended by other processes while the
   * log grows. Default 5 ms: a command on another backend instance waits for the projector
   * here to notice its event, and a look is one indexed read. After a second in which the
   * log has not grown, the looks slow down to one every 16 intervals (80 ms by default;
   * LogGrowthSignal) until it grows again.
   */
  pollIntervalMs?: number;
  /** How long, from when it was asked for, an append may wait for another process's write lock. Default WRITE_LOCK_WAIT_MS. */
  lockWaitMs?: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream_id, revision),
    UNIQUE (stream_id, event_id)
  )`;

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, recorded_at';

/**
 * A row of COLUMNS, in that order: statements that read events return arrays (rowsStatement),
 * which cost a third less than an object per row on a rebuild's million events.
 */
type EventRow = [
  position: number,
  streamId: string,
  revision: number,
  eventId: string,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
];

/** `sql`, prepared to return each row as an array of its columns. */
function rowsStatement(db: DatabaseSync, sql: string): StatementSync {
  const statement = db.prepare(sql);
  statement.setReturnArrays(true);
  return statement;
}

interface PendingAppend {
  append: LogAppend;
  /** When it was asked for (performance.now()): its wait for the lock counts from then. */
  since: number;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** Opens the event log kept in one SQLite file, creating it if needed. */
export async function openSqliteEventStore(file: string, options: SqliteEventStoreOptions = {}): Promise<EventStore> {
  const db = openSharedDatabase(file, { durable: true }, (opened) =>
    inWriteTransaction(opened, () => opened.exec(SCHEMA)),
  );
  return new SqliteEventStore(
    db,
    new LogWriter(file),
    options.pollIntervalMs ?? 5,
    options.lockWaitMs ?? WRITE_LOCK_WAIT_MS,
  );
}

function prepareStatements(db: DatabaseSync) {
  return {
    stream: rowsStatement(db, `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision > ? ORDER BY revision`),
    head: db.prepare('SELECT MAX(position) AS position FROM events'),
  };
}

class SqliteEventStore implements EventStore {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly readAllStatements = new Map<string, StatementSync>();
  private readPositionsStatement: StatementSync | undefined;
  private readonly growth: LogGrowthSignal;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly recent = new RecentEvents(RECENT_EVENTS);
  private pending: PendingAppend[] = [];
  /** The appends' commit, from when it is scheduled until the appends in it are settled. */
  private committing: Promise<void> | null = null;

  constructor(
    private readonly db: DatabaseSync,
    private readonly writer: LogWriter,
    pollIntervalMs: number,
    private readonly lockWaitMs: number,
  ) {
    this.statements = prepareStatements(db);
    this.growth = new LogGrowthSignal(() => this.readHead(), pollIntervalMs, pollIntervalMs * IDLE_SLOWDOWN);
  }

  /**
   * Appends that arrive in the same turn of the event loop, or while the previous commit
   * is syncing, are committed together: one transaction and one sync to disk for the lot
   * (group commit), each append inside its own savepoint, so one that fails its revision
   * check leaves the others untouched. The commit runs on the log's writer thread.
   */
  append(streamId: string, events: EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new RangeError(`append to ${streamId} needs at least one event`));
    // Written as JSON here, so an event that cannot be fails its own append, not the commit it would share.
    let append: LogAppend;
    try {
      append = toLogAppend(streamId, events, expected);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ append, since: performance.now(), resolve, reject });
      this.scheduleCommit();
    });
  }

  private scheduleCommit(): void {
    this.committing ??= this.commitPending().finally(() => {
      this.committing = null;
      // Appended while that commit was syncing.
      if (this.pending.length > 0) this.scheduleCommit();
    });
  }

  private async commitPending(): Promise<void> {
    await yieldToEventLoop();
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    // Each append may wait for another process's write lock until WRITE_LOCK_WAIT_MS after it
    // was asked for, also while queued behind earlier commits; the commit waits as long as
    // the oldest may (the queue is in arrival order), and one still locked out after that
    // gives up only the appends whose wait has run out: the others go first in the next.
    const lockWaitMs = batch[0]!.since + this.lockWaitMs - performance.now();
    let outcomes: Awaited<ReturnType<LogWriter['commit']>>;
    try {
      outcomes = await this.writer.commit(
        batch.map(({ append }) => append),
        lockWaitMs,
      );
    } catch (error) {
      const now = performance.now();
      const waiting = isBusy(error) ? batch.filter(({ since }) => now - since < this.lockWaitMs) : [];
      const left = new Set(waiting);
      for (const append of batch) if (!left.has(append)) append.reject(error);
      this.pending = waiting.concat(this.pending);
      return;
    }
    // Kept before the subscriptions wake, so that they find this process's own events in
    // memory; parsed only where a subscription runs to take them (an instance that only
    // serves requests has none).
    if (this.subscriptions.size > 0)
      this.recent.add(
        batch.flatMap(({ append }, i) => {
          const outcome = outcomes[i]!;
          return 'written' in outcome && outcome.written ? recordedAppend(append, outcome.result) : [];
        }),
      );
    this.growth.notify();
    batch.forEach((append, i) => {
      const outcome = outcomes[i]!;
      if ('result' in outcome) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
  }

  async readStream(streamId: string, { after = -1 }: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return (this.statements.stream.all(streamId, after) as unknown as EventRow[]).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllNow(options);
  }

  async headPosition(): Promise<number> {
    return this.readHead();
  }

  async readPositions(positions: number[]): Promise<RecordedEvent[]> {
    if (positions.length === 0) return [];
    this.readPositionsStatement ??= rowsStatement(
      this.db,
      `SELECT ${COLUMNS} FROM events WHERE position IN (SELECT value FROM json_each(?))`,
    );
    const rows = this.readPositionsStatement.all(JSON.stringify(positions)) as unknown as EventRow[];
    const byPosition = new Map(rows.map((row) => [row[0], row]));
    return positions.flatMap((position) => {
      const row = byPosition.get(position);
      return row ? [toRecordedEvent(row)] : [];
    });
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const subscription = new CatchUpSubscription((after, limit) => this.readTail(after, limit), this.growth, options);
    this.subscriptions.add(subscription);
    void subscription.run().finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async close(): Promise<void> {
    if (!this.db.isOpen) return;
    // Appends already accepted are committed, not dropped.
    while (this.committing) await this.committing;
    await this.writer.close();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.db.close();
  }

  private readHead(): number {
    const row = this.statements.head.get() as { position: number | null };
    return row.position ?? 0;
  }

  /** A subscription's next events: from memory when kept there (RecentEvents), else from the log, kept then for the next one. */
  private readTail(after: number, limit: number): RecordedEvent[] {
    const kept = this.recent.after(after, limit);
    if (kept) return kept;
    const read = this.readAllNow({ after, limit });
    this.recent.add(read);
    return read;
  }

  private readAllNow({ after = 0, limit = -1, streamPrefixes }: ReadAllOptions): RecordedEvent[] {
    const statement = this.readAllStatement(streamPrefixes?.length);
    const rows = statement.all(after, ...(streamPrefixes ?? []), limit) as unknown as EventRow[];
    return rows.map(toRecordedEvent);
  }

  /** One statement per number of prefixes; `undefined` means every stream. */
  private readAllStatement(prefixCount: number | undefined): StatementSync {
    const key = String(prefixCount);
    let statement = this.readAllStatements.get(key);
    if (statement) return statement;
    statement = rowsStatement(
      this.db,
      `SELECT ${COLUMNS} FROM events WHERE position > ?${streamPrefixCondition(prefixCount)} ORDER BY position LIMIT ?`,
    );
    this.readAllStatements.set(key, statement);
    return statement;
  }
}

/**
 * instr(...) = 1 is "starts with" without LIKE's wildcards; it also keeps the planner
 * on the position order instead of a stream-id index followed by a sort.
 */
function streamPrefixCondition(prefixCount: number | undefined): string {
  if (prefixCount === undefined) return '';
  if (prefixCount === 0) return ' AND 0';
  const anyPrefix = Array.from({ length: prefixCount }, () => 'instr(stream_id, ?) = 1').join(' OR ');
  return ` AND (${anyPrefix})`;
}

function toLogAppend(streamId: string, events: EventData[], expected: ExpectedRevision): LogAppend {
  return {
    streamId,
    expected,
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata ?? {}),
    })),
  };
}

/**
 * The events of an append as a read of the log would return them, once the writer reported
 * where they went: the rows it wrote, parsed from the text written rather than the
 * appender's objects (which it goes on using).
 */
function recordedAppend({ streamId, events }: LogAppend, { nextExpectedRevision, position, recordedAt }: AppendResult) {
  // The result gives the last event's revision and position; the ones before it precede it one by one.
  const last = events.length - 1;
  return events.map((event, i) =>
    toRecordedEvent([
      position - last + i,
      streamId,
      nextExpectedRevision - last + i,
      event.id,
      event.type,
      event.data,
      event.metadata,
      recordedAt,
    ]),
  );
}

function toRecordedEvent([
  position,
  streamId,
  revision,
  id,
  type,
  data,
  metadata,
  recordedAt,
]: EventRow): RecordedEvent {
  return {
    id,
    type,
    streamId,
    revision,
    position,
    data: JSON.parse(data) as Record<string, unknown>,
    metadata: JSON.parse(metadata) as Record<string, unknown>,
    recordedAt,
  };
}

import type { DatabaseSync, StatementSync } from 'node:sqlite';
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
  WrongExpectedRevisionError,
} from '../event-store.port';
import { CatchUpSubscription } from './catch-up-subscription';
import { LogGrowthSignal } from './log-growth-signal';
import { inWriteTransaction, openSharedDatabase } from './sqlite-database';

export interface SqliteEventStoreOptions {
  /** How often waiting subscriptions look for events appended by other processes. Default 50 ms. */
  pollIntervalMs?: number;
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

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

interface StreamTip {
  revision: number;
  position: number;
  recorded_at: string;
}

interface PendingAppend {
  streamId: string;
  events: EventData[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** Opens the event log kept in one SQLite file, creating it if needed. */
export async function openSqliteEventStore(file: string, options: SqliteEventStoreOptions = {}): Promise<EventStore> {
  const db = openSharedDatabase(file, { durable: true });
  inWriteTransaction(db, () => db.exec(SCHEMA));
  return new SqliteEventStore(db, options.pollIntervalMs ?? 50);
}

function prepareStatements(db: DatabaseSync) {
  return {
    eventById: db.prepare('SELECT revision FROM events WHERE stream_id = ? AND event_id = ?'),
    tipUpTo: db.prepare(
      'SELECT revision, position, recorded_at FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT 1',
    ),
    lastRevision: db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?'),
    insert: db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    stream: db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision > ? ORDER BY revision`),
    head: db.prepare('SELECT MAX(position) AS position FROM events'),
  };
}

class SqliteEventStore implements EventStore {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly readAllStatements = new Map<string, StatementSync>();
  private readPositionsStatement: StatementSync | undefined;
  private readonly growth: LogGrowthSignal;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private pending: PendingAppend[] = [];

  constructor(
    private readonly db: DatabaseSync,
    pollIntervalMs: number,
  ) {
    this.statements = prepareStatements(db);
    this.growth = new LogGrowthSignal(() => this.readHead(), pollIntervalMs);
  }

  /**
   * Appends that arrive in the same turn of the event loop are committed together: one
   * transaction and one sync to disk for the lot (group commit), each append inside its
   * own savepoint, so one that fails its revision check leaves the others untouched.
   */
  append(streamId: string, events: EventData[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new RangeError(`append to ${streamId} needs at least one event`));
    return new Promise((resolve, reject) => {
      if (this.pending.push({ streamId, events, expected, resolve, reject }) === 1) setImmediate(() => this.commit());
    });
  }

  private commit(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let outcomes: ({ result: AppendResult } | { error: unknown })[];
    try {
      outcomes = inWriteTransaction(this.db, () => batch.map((append) => this.appendInSavepoint(append)));
    } catch (error) {
      for (const append of batch) append.reject(error);
      return;
    }
    this.growth.notify();
    batch.forEach((append, i) => {
      const outcome = outcomes[i]!;
      if ('result' in outcome) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
  }

  private appendInSavepoint({ streamId, events, expected }: PendingAppend) {
    this.db.exec('SAVEPOINT append');
    try {
      const result =
        this.originalAppend(streamId, events[0]!.id, events.length) ?? this.appendChecked(streamId, events, expected);
      this.db.exec('RELEASE append');
      return { result };
    } catch (error) {
      this.db.exec('ROLLBACK TO append');
      this.db.exec('RELEASE append');
      return { error };
    }
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
    this.readPositionsStatement ??= this.db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE position IN (SELECT value FROM json_each(?))`,
    );
    const rows = this.readPositionsStatement.all(JSON.stringify(positions)) as unknown as EventRow[];
    const byPosition = new Map(rows.map((row) => [Number(row.position), row]));
    return positions.flatMap((position) => {
      const row = byPosition.get(position);
      return row ? [toRecordedEvent(row)] : [];
    });
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const subscription = new CatchUpSubscription(
      (after, limit) => this.readAllNow({ after, limit }),
      this.growth,
      options,
    );
    this.subscriptions.add(subscription);
    void subscription.run().finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  async close(): Promise<void> {
    if (!this.db.isOpen) return;
    // Appends already accepted are committed, not dropped.
    this.commit();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.db.close();
  }

  /**
   * When the first event's id is already in the stream the call is a retry of an append
   * that went through: its result is reported again and nothing is written, whatever
   * the stream's revision is now (as EventStoreDB does).
   */
  private originalAppend(streamId: string, firstEventId: string, count: number): AppendResult | undefined {
    const original = this.statements.eventById.get(streamId, firstEventId) as { revision: number } | undefined;
    if (!original) return undefined;
    const tip = this.statements.tipUpTo.get(streamId, original.revision + count - 1) as unknown as StreamTip;
    return { nextExpectedRevision: tip.revision, position: tip.position, recordedAt: tip.recorded_at };
  }

  private appendChecked(streamId: string, events: EventData[], expected: ExpectedRevision): AppendResult {
    const current = this.lastRevision(streamId);
    if (!meetsExpectation(expected, current)) {
      throw new WrongExpectedRevisionError(streamId, expected, current ?? 'no_stream');
    }
    const recordedAt = new Date().toISOString();
    let revision = current ?? -1;
    let position = 0;
    for (const event of events) {
      revision += 1;
      const { lastInsertRowid } = this.statements.insert.run(
        streamId,
        revision,
        event.id,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata ?? {}),
        recordedAt,
      );
      position = Number(lastInsertRowid);
    }
    return { nextExpectedRevision: revision, position, recordedAt };
  }

  private lastRevision(streamId: string): number | undefined {
    const row = this.statements.lastRevision.get(streamId) as { revision: number | null };
    return row.revision ?? undefined;
  }

  private readHead(): number {
    const row = this.statements.head.get() as { position: number | null };
    return row.position ?? 0;
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
    statement = this.db.prepare(
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

function meetsExpectation(expected: ExpectedRevision, current: number | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === undefined;
  return current === expected;
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    data: JSON.parse(row.data) as Record<string, unknown>,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    recordedAt: row.recorded_at,
  };
}

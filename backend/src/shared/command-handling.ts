import type { DomainEvent } from '@decidimos/contracts';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventData,
  type EventStore,
} from '../event-store/event-store.port';
import { fold, type Decider, type EventMeta } from './decider';
import { DomainError } from './domain-error';
import { decodeOwnEvent, toEventData, type StoredEvent } from './event-envelope';

/** An event as this command appended it: what the store adds on commit (position, recordedAt) is not read back. */
export type AppendedEvent = DomainEvent & Pick<StoredEvent, 'id' | 'streamId' | 'revision' | 'metadata'>;

export interface CommandResult {
  /** Events this command recorded (empty when the command changed nothing). */
  events: AppendedEvent[];
  /** Global position of the last event recorded, or 0 when nothing was recorded. */
  position: number;
  /** When the store recorded the last event, as reading it would show; null when nothing was recorded. */
  recordedAt: string | null;
}

export interface HandleOptions {
  /** Deterministic event ids (from an Idempotency-Key) so a repeated request appends nothing. */
  eventId?: (index: number) => string;
  /** How often to re-read and re-decide after losing a race on the stream. */
  retries?: number;
}

/**
 * Something failed after the command's events were appended: the caller must hear that
 * the action was recorded, so it does not repeat it, whatever the cause.
 */
export class RecordedButUnconfirmedError extends Error {
  constructor(
    readonly position: number,
    cause: unknown,
  ) {
    super(`recorded at log position ${position}, then: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'RecordedButUnconfirmedError';
  }
}

/** Folds a stream as read (onto `from`, a state folded earlier), handing evolve each event's place in the log beside it. */
export function foldStored<E extends DomainEvent, S>(
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
  history: StoredEvent[],
  from?: S,
): S {
  const events = history.map(({ type, data }) => ({ type, data }) as E);
  return fold(
    decider,
    events,
    history.map(({ position, recordedAt }): EventMeta => ({ position, recordedAt })),
    from,
  );
}

/**
 * Load a stream, fold it, decide, append with the revision read. Losing a race means
 * another command changed the stream in between: re-read and decide again, which is
 * safe because deciders are pure. The answer is built from what was appended, without
 * reading the stream back, unless deterministic event ids (an Idempotency-Key) mean the
 * store may have recognised the append as a copy of an earlier one.
 */
export async function handleCommand<C, E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C | ((state: S) => C),
  options: HandleOptions = {},
): Promise<CommandResult> {
  const retries = options.retries ?? 10;
  for (let attempt = 0; ; attempt++) {
    const history = (await store.readStream(streamId)).map(decodeOwnEvent);
    const state = foldStored(decider, history);
    const decided = decider.decide(typeof command === 'function' ? (command as (s: S) => C)(state) : command, state);
    if (decided.length === 0) return { events: [], position: 0, recordedAt: null };
    const data = decided.map((event, i) => toEventData(event, options.eventId?.(i)));
    // A repeat with the same deterministic ids: the first copy's events answer, nothing is appended.
    if (history.some((e) => e.id === data[0]!.id)) return alreadyRecorded(history, data);
    const expected = history.length === 0 ? 'no_stream' : history[history.length - 1]!.revision;
    let appended: AppendResult;
    try {
      appended = await store.append(streamId, data, expected);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt >= retries) throw new DomainError('CONCURRENT_UPDATE');
      continue;
    }
    if (options.eventId) {
      // With deterministic ids the store may have taken this append for a concurrent copy's,
      // committed first and perhaps decided differently: only the stream can say which.
      try {
        return alreadyRecorded((await store.readStream(streamId)).map(decodeOwnEvent), data);
      } catch (error) {
        throw new RecordedButUnconfirmedError(appended.position, error);
      }
    }
    const first = appended.nextExpectedRevision - data.length + 1;
    const events = data.map((d, i): AppendedEvent => ({
      ...({ type: d.type, data: d.data } as DomainEvent),
      id: d.id,
      streamId,
      revision: first + i,
      metadata: d.metadata ?? {},
    }));
    return { events, position: appended.position, recordedAt: appended.recordedAt };
  }
}

/** The events of `history` carrying the ids of `data`: what a repeated append answers with. */
function alreadyRecorded(history: StoredEvent[], data: EventData[]): CommandResult {
  const ids = new Set(data.map((d) => d.id));
  const events = history.filter((e) => ids.has(e.id));
  const last = events[events.length - 1];
  return { events, position: last?.position ?? 0, recordedAt: last?.recordedAt ?? null };
}

/** A stream's state folded up to one of its revisions (-1 before its first event). */
export interface FoldedStream<S> {
  state: S;
  revision: number;
}

/**
 * Brings a stream's folded state up to date by folding only the events recorded after it,
 * for a reader that keeps the state between commands; evolve returns new states rather
 * than changing the one it is given, so the state passed in stays valid for whoever holds it.
 */
export async function catchUpState<E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
  from: FoldedStream<S> = { state: decider.initialState(), revision: -1 },
): Promise<FoldedStream<S>> {
  const newer = (await store.readStream(streamId, { after: from.revision })).map(decodeOwnEvent);
  if (newer.length === 0) return from;
  return { state: foldStored(decider, newer, from.state), revision: newer[newer.length - 1]!.revision };
}

export async function loadState<E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
): Promise<S> {
  return (await catchUpState(store, streamId, decider)).state;
}

import type { DomainEvent } from '@decidimos/contracts';
import { WrongExpectedRevisionError, type EventStore } from '../event-store/event-store.port';
import { fold, type Decider } from './decider';
import { DomainError } from './domain-error';
import { decodeEvent, toEventData, type StoredEvent } from './event-envelope';

export interface CommandResult {
  /** Events this command recorded (empty when the command changed nothing). */
  events: StoredEvent[];
  /** Global position of the last event recorded, or 0 when nothing was recorded. */
  position: number;
  /** False when the append was a retry the store recognised by event id. */
  fresh: boolean;
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

/**
 * Load a stream, fold it, decide, append with the revision read. Losing a race means
 * another command changed the stream in between: re-read and decide again, which is
 * safe because deciders are pure.
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
    const history = (await store.readStream(streamId)).map(decodeEvent);
    const state = fold(decider, history as unknown as E[]);
    const decided = decider.decide(typeof command === 'function' ? (command as (s: S) => C)(state) : command, state);
    if (decided.length === 0) return { events: [], position: 0, fresh: false };
    const data = decided.map((event, i) => toEventData(event, options.eventId?.(i)));
    const expected = history.length === 0 ? 'no_stream' : history[history.length - 1]!.revision;
    let position: number;
    try {
      position = (await store.append(streamId, data, expected)).position;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (attempt >= retries) throw new DomainError('CONCURRENT_UPDATE');
      continue;
    }
    try {
      const recorded = await store.readStream(streamId);
      const ids = new Set(data.map((d) => d.id));
      const events = recorded.filter((e) => ids.has(e.id)).map(decodeEvent);
      const fresh = events.length > 0 && events[0]!.revision > (typeof expected === 'number' ? expected : -1);
      return { events, position, fresh };
    } catch (error) {
      throw new RecordedButUnconfirmedError(position, error);
    }
  }
}

export async function loadState<E extends DomainEvent, S>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
): Promise<S> {
  const history = (await store.readStream(streamId)).map(decodeEvent);
  return fold(decider, history as unknown as E[]);
}

import { hash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvent } from '@decidimos/contracts';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../projections/projection-runner';
import {
  catchUpState,
  handleCommand,
  loadState,
  RecordedButUnconfirmedError,
  type CommandResult,
  type FoldedStream,
} from './command-handling';
import type { Decider } from './decider';

/** Deterministic event ids from an Idempotency-Key, so a repeated request appends nothing new. */
export function eventIdsFrom(seed: string | undefined): ((index: number) => string) | undefined {
  if (!seed) return undefined;
  return (index) => {
    const hex = hash('sha256', `${seed}#${index}`, 'hex');
    // Shaped as a UUID (version 8, "custom") so every adapter accepts it as an event id.
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

/**
 * What every command handler does: run the decider against its stream, then wait until
 * the projections have seen the new events, so the caller reads its own writes. A command
 * whose readers wait on their own side (`awaitProjections: false`) answers once its events
 * are durable in the log.
 */
@Injectable()
export class EventSourcing {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
  ) {}

  async execute<C, E extends DomainEvent, S>(
    streamId: string,
    decider: Decider<C, E, S>,
    command: C | ((state: S) => C),
    options: { idempotencyKey?: string; retries?: number; awaitProjections?: boolean } = {},
  ): Promise<CommandResult> {
    const eventId = eventIdsFrom(options.idempotencyKey && `${streamId}:${options.idempotencyKey}`);
    const result = await handleCommand(this.store, streamId, decider, command, {
      ...(eventId ? { eventId } : {}),
      ...(options.retries !== undefined ? { retries: options.retries } : {}),
    });
    if (result.position > 0 && options.awaitProjections !== false) {
      try {
        await this.projections.waitFor(result.position);
      } catch (error) {
        throw new RecordedButUnconfirmedError(result.position, error);
      }
    }
    return result;
  }

  load<E extends DomainEvent, S>(
    streamId: string,
    decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
  ): Promise<S> {
    return loadState(this.store, streamId, decider);
  }

  /** `from`, a state this caller folded earlier, brought up to date with the events recorded since. */
  catchUp<E extends DomainEvent, S>(
    streamId: string,
    decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
    from?: FoldedStream<S>,
  ): Promise<FoldedStream<S>> {
    return catchUpState(this.store, streamId, decider, from);
  }
}

import {
  AccessDeniedError,
  type AllStreamResolvedEvent,
  InvalidArgumentError,
  type ReadPosition,
  UnsupportedError,
} from '@kurrent/kurrentdb-client';
import type { SubscribeOptions, Subscription } from '../event-store.port';
import { messageOf } from './connection-string';
import type { ClientSubscription } from './kurrentdb-client';
import { isSystemEvent, toReadPosition, toRecordedEvent } from './kurrentdb-mapping';

/** How long to wait before resubscribing: doubling from `initialDelayMs`, never above `maxDelayMs`. */
export interface ResubscribePolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESUBSCRIBE_POLICY: ResubscribePolicy = { initialDelayMs: 100, maxDelayMs: 5_000 };

export interface Warnings {
  warn(message: string): void;
}

/** Delay before the attempt that follows `failures` consecutive drops (1 = the first drop). */
export function resubscribeDelay(failures: number, policy: ResubscribePolicy): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, failures - 1));
}

/**
 * Errors a new subscription would meet again. Anything else (server unavailable, leader
 * change, deadline, a dropped connection, the server ending the stream) is worth retrying:
 * a projection stopped for good is worse than one that waits for the cluster.
 */
export function isTransient(error: unknown): boolean {
  return !(
    error instanceof AccessDeniedError ||
    error instanceof InvalidArgumentError ||
    error instanceof UnsupportedError
  );
}

const STOPPED = Symbol('stopped');

/**
 * A catch-up subscription to $all that survives dropped connections. The client does not
 * resubscribe by itself, so after a transient error this subscribes again from the last
 * position it delivered, skipping anything at or before it, so each event is delivered
 * once and in order. A failing handler (or an event the port cannot represent) stops it
 * and goes to onError; so does an error a new subscription would meet again.
 */
export class ResubscribingSubscription implements Subscription {
  private stopped = false;
  private signalStop!: () => void;
  private readonly stopping = new Promise<typeof STOPPED>((resolve) => {
    this.signalStop = () => resolve(STOPPED);
  });
  private current: ClientSubscription | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private cursor: number;
  private failures = 0;

  constructor(
    private readonly subscribe: (from: ReadPosition) => ClientSubscription,
    private readonly options: SubscribeOptions,
    private readonly policy: ResubscribePolicy,
    private readonly warnings: Warnings,
  ) {
    this.cursor = options.after;
  }

  /** No event is handed over after this is called; a handler already running finishes on its own. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.signalStop();
    await this.release();
  }

  async run(): Promise<void> {
    // Lets subscribeToAll return the subscription before the first delivery.
    await Promise.resolve();
    while (!this.stopped) {
      const dropped = await this.deliverUntilDropped();
      if (this.stopped) return;
      if (!isTransient(dropped)) return this.fail(dropped);
      await this.release();
      this.failures += 1;
      const delay = resubscribeDelay(this.failures, this.policy);
      this.warnings.warn(
        `subscription to $all dropped (${messageOf(dropped)}); resubscribing after position ${this.cursor} in ${delay} ms`,
      );
      await this.pause(delay);
    }
  }

  /** Delivers events until the subscription drops, and returns why it did. */
  private async deliverUntilDropped(): Promise<unknown> {
    let events: AsyncIterator<AllStreamResolvedEvent>;
    try {
      this.current = this.subscribe(toReadPosition(this.cursor));
      events = this.current[Symbol.asyncIterator]();
    } catch (error) {
      return error;
    }
    for (;;) {
      let next: IteratorResult<AllStreamResolvedEvent> | typeof STOPPED;
      try {
        next = await Promise.race([this.stopping, events.next()]);
      } catch (error) {
        return error;
      }
      if (next === STOPPED || this.stopped) return undefined;
      if (next.done) return new Error('the server ended the subscription');
      await this.deliver(next.value);
    }
  }

  private async deliver({ event }: AllStreamResolvedEvent): Promise<void> {
    if (!event || isSystemEvent(event)) return;
    try {
      const recorded = toRecordedEvent(event);
      // A new subscription may start with events delivered before the drop.
      if (recorded.position <= this.cursor) return;
      await (this.options.onEvents ? this.options.onEvents([recorded]) : this.options.onEvent(recorded));
      this.cursor = recorded.position;
      this.failures = 0;
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    void this.stop();
    this.options.onError?.(error);
  }

  /** Lets go of the client's subscription; one that already failed may refuse, which is fine. */
  private async release(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    await current?.unsubscribe().catch(() => undefined);
  }

  private async pause(ms: number): Promise<void> {
    const elapsed = new Promise<void>((resolve) => {
      // Unref'd: a process shutting down does not wait for a retry.
      this.retryTimer = setTimeout(resolve, ms).unref();
    });
    await Promise.race([elapsed, this.stopping]);
  }
}

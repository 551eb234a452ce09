import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import type { LogGrowthSignal, Wait } from './log-growth-signal';

/** Events read per query while catching up. */
const BATCH_SIZE = 500;

/**
 * Reads the log in batches from a position, hands each event to the handler and waits
 * for it, then waits for the log to grow and goes on. The cursor only moves past an
 * event once its handler has resolved, so each event is delivered once and in order.
 */
export class CatchUpSubscription implements Subscription {
  private stopped = false;
  private wait: Wait | undefined;

  constructor(
    private readonly readAfter: (position: number, limit: number) => RecordedEvent[],
    private readonly growth: LogGrowthSignal,
    private readonly options: SubscribeOptions,
  ) {}

  /** No event is handed over after this is called; a handler already running finishes on its own. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wait?.cancel();
  }

  async run(): Promise<void> {
    // Lets subscribeToAll return the subscription before the first delivery.
    await Promise.resolve();
    try {
      await this.deliverFrom(this.options.after);
    } catch (error) {
      if (this.stopped) return;
      this.stopped = true;
      this.options.onError?.(error);
    }
  }

  private async deliverFrom(after: number): Promise<void> {
    let cursor = after;
    while (!this.stopped) {
      const batch = this.readAfter(cursor, BATCH_SIZE);
      if (this.options.onEvents && batch.length > 0) {
        if (this.stopped) return;
        await this.options.onEvents(batch);
        cursor = batch.at(-1)!.position;
      } else {
        for (const event of batch) {
          if (this.stopped) return;
          await this.options.onEvent(event);
          cursor = event.position;
        }
      }
      if (batch.length < BATCH_SIZE) await this.waitForGrowthPast(cursor);
      // A long catch-up must not starve timers and I/O when handlers resolve at once.
      else await yieldToEventLoop();
    }
  }

  private async waitForGrowthPast(position: number): Promise<void> {
    if (this.stopped) return;
    this.wait = this.growth.waitPast(position);
    await this.wait.done;
    this.wait = undefined;
  }
}

import { Logger } from '@nestjs/common';
import type { EventStore, Subscription } from '../event-store/event-store.port';
import type { ReadModelStore } from '../read-models/read-model.port';
import { decodeEvent } from '../shared/event-envelope';
import type { Projection } from './projection';

/**
 * Feeds every projection from one catch-up subscription to the log. Each projection has
 * its own checkpoint, so one that was rebuilt or added later catches up on its own;
 * checkpoints advance after the event is applied, so a crash replays at most a few
 * events, which the position guard on writes makes harmless.
 */
export class ProjectionRunner {
  private readonly logger = new Logger('Projections');
  private subscription: Subscription | null = null;
  private checkpoints = new Map<string, number>();
  private processed = 0;
  private waiters: { position: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private failure: unknown = null;
  private pendingCheckpoint: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly events: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly projections: Projection[],
  ) {}

  async start(): Promise<void> {
    for (const p of this.projections) this.checkpoints.set(p.name, await this.readModels.getCheckpoint(p.name));
    const from = Math.min(...this.checkpoints.values(), Number.MAX_SAFE_INTEGER);
    this.processed = from === Number.MAX_SAFE_INTEGER ? 0 : from;
    this.subscription = this.events.subscribeToAll({
      after: this.processed,
      onEvent: async (recorded) => {
        const event = decodeEvent(recorded);
        for (const projection of this.projections) {
          if ((this.checkpoints.get(projection.name) ?? 0) >= event.position) continue;
          await projection.apply(event, this.readModels);
          this.checkpoints.set(projection.name, event.position);
        }
        this.processed = event.position;
        this.scheduleCheckpointSave();
        this.releaseWaiters();
      },
      onError: (error) => {
        this.failure = error;
        this.logger.error(`projections stopped: ${String(error)}`);
        // Nobody waiting for a read model may hang on one that will not come.
        for (const waiter of this.waiters.splice(0)) waiter.reject(error);
      },
    });
  }

  /**
   * Resolves once every projection has applied the event at `position` (read-your-writes
   * for commands); rejects if the projections have stopped on an error.
   */
  waitFor(position: number): Promise<void> {
    if (position <= this.processed) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiters.push({ position, resolve, reject });
    });
  }

  get position(): number {
    return this.processed;
  }

  get error(): unknown {
    return this.failure;
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
    if (this.pendingCheckpoint) clearTimeout(this.pendingCheckpoint);
    await this.saveCheckpoints();
  }

  /** Clears every projection's collections and checkpoint; the next start replays from position 0. */
  async reset(): Promise<void> {
    for (const projection of this.projections) {
      for (const name of projection.collections) await this.readModels.collection(name).clear();
      await this.readModels.setCheckpoint(projection.name, 0);
      this.checkpoints.set(projection.name, 0);
    }
  }

  private releaseWaiters(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.position <= this.processed);
    this.waiters = this.waiters.filter((w) => w.position > this.processed);
    for (const waiter of ready) waiter.resolve();
  }

  // Saving a checkpoint per event would double the writes under load; batching is safe
  // because replayed events are ignored by position.
  private scheduleCheckpointSave(): void {
    if (this.pendingCheckpoint) return;
    this.pendingCheckpoint = setTimeout(() => {
      this.pendingCheckpoint = null;
      void this.saveCheckpoints();
    }, 200);
    this.pendingCheckpoint.unref();
  }

  private async saveCheckpoints(): Promise<void> {
    for (const [name, position] of this.checkpoints) await this.readModels.setCheckpoint(name, position);
  }
}

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
  private waiters: { position: number; resolve: () => void }[] = [];
  private failure: unknown = null;
  private pendingCheckpoint: ReturnType<typeof setTimeout> | null = null;
  /** Event position → position of the event a reactor appended in answer to it, until both are processed. */
  private followUps = new Map<number, number>();

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
        let appended = 0;
        for (const projection of this.projections) {
          if ((this.checkpoints.get(projection.name) ?? 0) >= event.position) continue;
          const outcome = await projection.apply(event, this.readModels);
          if (outcome) appended = Math.max(appended, outcome.appended);
          this.checkpoints.set(projection.name, event.position);
        }
        if (appended > event.position) this.followUps.set(event.position, appended);
        this.processed = event.position;
        this.scheduleCheckpointSave();
        this.releaseWaiters();
      },
      onError: (error) => {
        this.failure = error;
        this.logger.error(`projections stopped: ${String(error)}`);
      },
    });
  }

  /**
   * Resolves once every projection has applied the event at `position`, and any event a
   * reactor appended in answer to it (read-your-writes for commands).
   */
  waitFor(position: number): Promise<void> {
    if (this.settled(position)) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push({ position, resolve });
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

  private settled(position: number): boolean {
    let target = position;
    while (target <= this.processed && this.followUps.has(target)) target = this.followUps.get(target)!;
    return target <= this.processed;
  }

  private releaseWaiters(): void {
    if (this.waiters.length > 0) {
      const ready = this.waiters.filter((w) => this.settled(w.position));
      this.waiters = this.waiters.filter((w) => !this.settled(w.position));
      for (const waiter of ready) waiter.resolve();
    }
    for (const [position, followUp] of this.followUps) if (followUp <= this.processed) this.followUps.delete(position);
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

import { Logger } from '@nestjs/common';
import type { EventStore, Subscription } from '../event-store/event-store.port';
import type { ReadModelStore } from '../read-models/read-model.port';
import { decodeEvent } from '../shared/event-envelope';
import { GenerationalReadModelStore, sameGenerations } from './generations';
import type { Projection } from './projection';

/** How often a running instance looks for a rebuild's switch to new collections. */
const GENERATION_CHECK_MS = 2_000;

/**
 * Feeds every projection from one catch-up subscription to the log. Each projection has
 * its own checkpoint, so one that was rebuilt or added later catches up on its own;
 * checkpoints advance after the event is applied, so a crash replays at most a few
 * events, which the position guard on writes makes harmless.
 *
 * Every backend instance runs its own runner on the shared stores; that is safe because
 * each write is guarded by its event's position. On a store with generations (see
 * generations.ts) the runner writes through a view fixed at the generation in use, and
 * when a rebuild has switched to a new one it stops, moves readers and itself over, and
 * resumes from the new generation's checkpoints; a write still in flight from before
 * lands in the old generation, never half in the new one.
 */
export class ProjectionRunner {
  private readonly logger = new Logger('Projections');
  private subscription: Subscription | null = null;
  private checkpoints = new Map<string, number>();
  private processed = 0;
  private waiters: { position: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private failure: unknown = null;
  private pendingCheckpoint: ReturnType<typeof setTimeout> | null = null;
  /** Where projections write and checkpoints live: the store itself, or a view fixed at one generation. */
  private view: ReadModelStore;
  private generationCheck: ReturnType<typeof setInterval> | null = null;
  private switching: Promise<boolean> | null = null;
  private savingCheckpoints: Promise<void> | null = null;
  /** Event position → position of the event a reactor appended in answer to it, until both are processed. */
  private followUps = new Map<number, number>();

  constructor(
    private readonly events: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly projections: Projection[],
  ) {
    this.view = readModels;
  }

  async start(): Promise<void> {
    if (this.readModels instanceof GenerationalReadModelStore) {
      const generations = await this.readModels.recorded();
      this.readModels.switchTo(generations);
      this.view = this.readModels.at(generations);
      this.generationCheck = setInterval(() => {
        this.followRebuild().catch((error: unknown) => this.logger.error(`checking for a rebuild: ${String(error)}`));
      }, GENERATION_CHECK_MS);
      this.generationCheck.unref();
    }
    await this.subscribe();
  }

  /**
   * Moves to the generations a rebuild recorded, if they differ from the ones in use.
   * Resolves true when it moved. Called on a timer; tests call it directly.
   */
  followRebuild(): Promise<boolean> {
    this.switching ??= this.switchIfRebuilt().finally(() => {
      this.switching = null;
    });
    return this.switching;
  }

  private async switchIfRebuilt(): Promise<boolean> {
    const store = this.readModels;
    if (!(store instanceof GenerationalReadModelStore) || !this.subscription) return false;
    const recorded = await store.recorded();
    if (sameGenerations(recorded, store.generations)) return false;
    await this.subscription.stop();
    this.cancelCheckpointSave();
    await this.savingCheckpoints;
    await this.saveCheckpoints();
    store.switchTo(recorded);
    this.view = store.at(recorded);
    this.logger.warn(`projections moved to rebuilt generations ${JSON.stringify(Object.fromEntries(recorded))}`);
    await this.subscribe();
    return true;
  }

  private async subscribe(): Promise<void> {
    const view = this.view;
    const checkpoints = new Map<string, number>();
    for (const p of this.projections) checkpoints.set(p.name, await view.getCheckpoint(p.name));
    this.checkpoints = checkpoints;
    const from = Math.min(...checkpoints.values(), Number.MAX_SAFE_INTEGER);
    this.processed = from === Number.MAX_SAFE_INTEGER ? 0 : from;
    this.subscription = this.events.subscribeToAll({
      after: this.processed,
      onEvent: async (recorded) => {
        // A subscription stopped by a switch may still finish its event: into its own generation only.
        if (view !== this.view) return;
        const event = decodeEvent(recorded);
        let appended = 0;
        for (const projection of this.projections) {
          if ((checkpoints.get(projection.name) ?? 0) >= event.position) continue;
          const outcome = await projection.apply(event, view);
          if (outcome) appended = Math.max(appended, outcome.appended);
          checkpoints.set(projection.name, event.position);
        }
        if (view !== this.view) return;
        if (appended > event.position) this.followUps.set(event.position, appended);
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
   * Resolves once every projection has applied the event at `position`, and any event a
   * reactor appended in answer to it (read-your-writes for commands); rejects if the
   * projections have stopped on an error.
   */
  waitFor(position: number): Promise<void> {
    if (this.settled(position)) return Promise.resolve();
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
    if (this.generationCheck) clearInterval(this.generationCheck);
    this.generationCheck = null;
    await this.switching;
    await this.subscription?.stop();
    this.subscription = null;
    this.cancelCheckpointSave();
    await this.savingCheckpoints;
    await this.saveCheckpoints();
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
      // Kept, so stop() waits for it instead of closing the store under it; a failed save only means more replay.
      this.savingCheckpoints = this.saveCheckpoints()
        .catch((error: unknown) => this.logger.error(`saving checkpoints: ${String(error)}`))
        .finally(() => {
          this.savingCheckpoints = null;
        });
    }, 200);
    this.pendingCheckpoint.unref();
  }

  private cancelCheckpointSave(): void {
    if (this.pendingCheckpoint) clearTimeout(this.pendingCheckpoint);
    this.pendingCheckpoint = null;
  }

  private async saveCheckpoints(): Promise<void> {
    const view = this.view;
    for (const [name, position] of this.checkpoints) await view.setCheckpoint(name, position);
  }
}

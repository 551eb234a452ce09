import { Logger } from '@nestjs/common';
import type { EventStore, RecordedEvent, Subscription } from '../event-store/event-store.port';
import type { ReadModelStore } from '../read-models/read-model.port';
import { decodeEvent, type StoredEvent } from '../shared/event-envelope';
import { GenerationalReadModelStore, sameGenerations } from './generations';
import type { Projection } from './projection';

/** A projection stopped on an event: what /health/ready reports and an operator needs to fix it. */
export interface ProjectionFailure {
  projection: string;
  /** Log position of the event it failed on; its checkpoint stays just before it. */
  position: number;
  eventId: string;
  eventType: string;
  error: string;
  at: string;
}

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
 *
 * A projection that throws on an event stops alone: its checkpoint stays before that
 * event, it is reported (`failures`), and the others go on, as do the commands waiting
 * for them. It retries from its checkpoint when the runner starts again (a restart, or a
 * rebuild switching generations), so once the cause is fixed nobody edits the log.
 */
export class ProjectionRunner {
  private readonly logger = new Logger('Projections');
  private subscription: Subscription | null = null;
  private checkpoints = new Map<string, number>();
  private processed = 0;
  private waiters: { position: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  /** The subscription itself stopped (the store failed): nothing moves any more. */
  private failure: unknown = null;
  private failed = new Map<string, ProjectionFailure>();
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
    this.logger.log(`projections moved to rebuilt generations ${JSON.stringify(Object.fromEntries(recorded))}`);
    await this.subscribe();
    return true;
  }

  private async subscribe(): Promise<void> {
    const view = this.view;
    const checkpoints = new Map<string, number>();
    for (const p of this.projections) checkpoints.set(p.name, await view.getCheckpoint(p.name));
    this.checkpoints = checkpoints;
    // Every projection gets another try from its checkpoint.
    const failed = new Map<string, ProjectionFailure>();
    this.failed = failed;
    const from = Math.min(...checkpoints.values(), Number.MAX_SAFE_INTEGER);
    this.processed = from === Number.MAX_SAFE_INTEGER ? 0 : from;
    const onEvents = async (events: RecordedEvent[]) => {
      // A subscription stopped by a switch may still finish its events: into its own generation only.
      if (view !== this.view) return;
      // One commit for every projection's writes of the events read together, instead of
      // one per event; waiters are released only after it, when every instance can read
      // what they wait for.
      const apply = async () => {
        for (const recorded of events) {
          const appended = await this.apply(recorded, view, checkpoints, failed);
          if (appended > recorded.position) this.followUps.set(recorded.position, appended);
        }
      };
      await (view.batch ? view.batch(apply) : apply());
      if (view !== this.view) return;
      this.processed = events.at(-1)!.position;
      this.scheduleCheckpointSave();
      this.releaseWaiters();
    };
    this.subscription = this.events.subscribeToAll({
      after: this.processed,
      onEvent: (recorded) => onEvents([recorded]),
      onEvents,
      onError: (error) => {
        this.failure = error;
        this.logger.error(`projections stopped: ${String(error)}`);
        // Nobody waiting for a read model may hang on one that will not come.
        for (const waiter of this.waiters.splice(0)) waiter.reject(error);
      },
    });
  }

  /**
   * Feeds one event to every projection that is due for it and has not stopped, and
   * returns the position of anything a reactor appended in answer. A projection that
   * throws stops there; the others carry on.
   */
  private async apply(
    recorded: RecordedEvent,
    view: ReadModelStore,
    checkpoints: Map<string, number>,
    failed: Map<string, ProjectionFailure>,
  ): Promise<number> {
    const due = this.projections.filter(
      (p) => !failed.has(p.name) && (checkpoints.get(p.name) ?? 0) < recorded.position,
    );
    let event: StoredEvent;
    try {
      event = decodeEvent(recorded);
    } catch (error) {
      // A log written by other code: no projection can read this event.
      for (const projection of due) this.fail(failed, projection, recorded, error);
      return 0;
    }
    return this.applyDue(due, event, view, checkpoints, failed, recorded);
  }

  private async applyDue(
    due: Projection[],
    event: StoredEvent,
    view: ReadModelStore,
    checkpoints: Map<string, number>,
    failed: Map<string, ProjectionFailure>,
    recorded: RecordedEvent,
  ): Promise<number> {
    let appended = 0;
    for (const projection of due) {
      try {
        const outcome = await projection.apply(event, view);
        if (outcome) appended = Math.max(appended, outcome.appended);
        checkpoints.set(projection.name, event.position);
      } catch (error) {
        this.fail(failed, projection, recorded, error);
      }
    }
    return appended;
  }

  private fail(
    failed: Map<string, ProjectionFailure>,
    projection: Projection,
    event: RecordedEvent,
    error: unknown,
  ): void {
    const failure: ProjectionFailure = {
      projection: projection.name,
      position: event.position,
      eventId: event.id,
      eventType: event.type,
      error: error instanceof Error ? error.message : String(error),
      at: new Date().toISOString(),
    };
    failed.set(projection.name, failure);
    this.logger.error(
      `projection ${failure.projection} stopped at event ${failure.eventId} (${failure.eventType}, log position ${failure.position}): ${failure.error}`,
    );
  }

  /**
   * Resolves once every projection has applied the event at `position`, and any event a
   * reactor appended in answer to it (read-your-writes for commands); rejects if the
   * subscription itself has stopped. A projection stopped on an event is not waited for.
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

  /** The subscription's own failure (the store), which stops every projection. */
  get error(): unknown {
    return this.failure;
  }

  /** Projections stopped on an event, each alone; the others keep going. */
  get failures(): ProjectionFailure[] {
    return [...this.failed.values()];
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

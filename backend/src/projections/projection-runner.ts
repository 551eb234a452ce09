import { Logger } from '@nestjs/common';
import type { EventStore, RecordedEvent, Subscription } from '../event-store/event-store.port';
import type { LeaseDoc, ReadModelStore } from '../read-models/read-model.port';
import { decodeEvent, decodeOwnEvent, type StoredEvent } from '../shared/event-envelope';
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

/** The lease that makes one instance the projector, and the progress it publishes for the others. */
const LEASES = 'projector_leases';
const PROJECTOR = 'projector';
const PROGRESS = 'projector_progress';
/** The most events whose projections' writes are committed together. */
const COMMIT_EVENTS = 100;
/** How often a follower looks at the projector's progress while a command waits for it. */
const FOLLOW_POLL_MS = 2;

/** Taking turns with other instances: only the holder of the projector lease projects. */
export interface ProjectorLease {
  /** Who this instance is; stable across a restart of the same replica when it can be (host and port). */
  holder: string;
  /** How long a claim lasts; the holder renews it three times as often. */
  ttlMs: number;
}

export interface RunnerOptions {
  /**
   * Takes events of their type's current version as the catalog passed them on append
   * (decodeOwnEvent) instead of validating each again, as the service and a rebuild do.
   * Older versions are still upcast through the catalog; without it, every event is
   * validated again (a runner over a log that other code may have written).
   */
  trustCurrentVersions?: boolean;
  /**
   * How long `waitFor` waits before it gives up with ProjectionsBehindError, so a request
   * never hangs on a projector that has stopped; without it, as long as it takes (a rebuild).
   */
  waitLimitMs?: number;
}

/** The projections have not taken in an event within the wait limit: the request may succeed in a moment. */
export class ProjectionsBehindError extends Error {
  constructor(
    readonly position: number,
    readonly processed: number,
    waitedMs: number,
  ) {
    super(`the projections had not reached log position ${position} after ${waitedMs} ms (they are at ${processed})`);
    this.name = 'ProjectionsBehindError';
  }
}

/** What the projector publishes after each commit, so instances that only serve requests know what they can read. */
interface ProgressDoc {
  id: string;
  position: number;
  /** Objects, not pairs: FerretDB stores no nested arrays. */
  followUps: { position: number; appended: number }[];
  failures: ProjectionFailure[];
}

/**
 * Feeds every projection from one catch-up subscription to the log. Each projection has
 * its own checkpoint, so one that was rebuilt or added later catches up on its own;
 * checkpoints advance after the event is applied, so a crash replays at most a few
 * events, which the position guard on writes makes harmless. A projection may keep a
 * document in memory over the events of one commit and write it at the end (`flush`), so
 * checkpoints are saved only as they stood after a whole commit.
 *
 * With a lease, instances take turns: the one holding the projector lease (renewed in the
 * read-model store) projects and publishes its progress with each commit; the others only
 * serve requests, and a command there waits until the published progress covers its event.
 * If the projector stops renewing, another instance takes over from the checkpoints. Two
 * projecting at once for a moment (a paused holder waking up) is harmless, because each
 * write is guarded by its event's position; so is a runner without a lease (a rebuild). On a store with generations (see
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
  private leaseTimer: ReturnType<typeof setInterval> | null = null;
  /** Taking or giving up the projector's role, one change at a time. */
  private turn: Promise<void> = Promise.resolve();
  private polling = false;
  private stopped = false;
  /** Whether this instance holds the projector's role (the lease; always, without one). */
  private projector = false;
  private readonly roleListeners = new Set<(projector: boolean) => void>();
  private readonly decode: (recorded: RecordedEvent) => StoredEvent;
  private readonly waitLimitMs: number | null;

  constructor(
    private readonly events: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly projections: Projection[],
    private readonly lease: ProjectorLease | null = null,
    options: RunnerOptions = {},
  ) {
    this.view = readModels;
    this.decode = options.trustCurrentVersions ? decodeOwnEvent : decodeEvent;
    this.waitLimitMs = options.waitLimitMs ?? null;
  }

  /** Whether this instance is the one projecting now. */
  get projecting(): boolean {
    return this.subscription !== null;
  }

  /**
   * Whether this instance is the projector: it holds the lease (or there is none), whether
   * or not its subscription is running this moment (a rebuild's switch stops it briefly).
   * What must run on one instance only, for all of them, runs where this is true.
   */
  get isProjector(): boolean {
    return this.projector;
  }

  /** Calls `listener` whenever this instance takes or gives up the projector's role; returns its removal. */
  onRoleChange(listener: (projector: boolean) => void): () => void {
    this.roleListeners.add(listener);
    return () => this.roleListeners.delete(listener);
  }

  private setRole(projector: boolean): void {
    if (this.projector === projector) return;
    this.projector = projector;
    for (const listener of this.roleListeners) listener(projector);
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
    if (!this.lease) {
      await this.subscribe();
      return this.setRole(true);
    }
    await this.campaign();
    this.leaseTimer = setInterval(
      () => {
        this.campaign().catch((error: unknown) => this.logger.error(`renewing the projector lease: ${String(error)}`));
      },
      Math.max(1, Math.floor(this.lease.ttlMs / 3)),
    );
    this.leaseTimer.unref();
  }

  /** Claims or renews the projector lease; starts projecting on winning it, stops on losing it. */
  campaign(): Promise<void> {
    const attempt = this.turn.then(async () => {
      if (!this.lease || this.stopped) return;
      const held = await this.claimLease(this.lease.ttlMs);
      if (held && !this.subscription) {
        this.logger.log(`projecting (${this.lease.holder} holds the projector lease)`);
        await this.subscribe();
      } else if (!held && this.subscription) {
        this.logger.log(`another instance projects now; ${this.lease.holder} only serves requests`);
        await this.unsubscribe();
      }
      this.setRole(held);
      if (!this.subscription) await this.readProgress();
    });
    // A claim that failed (the store out of reach) fails this call only: the next renewal tries again.
    this.turn = attempt.catch(() => {});
    return attempt;
  }

  /** Claims or renews the projector lease for `forMs` from now; 0 gives it up. Says whether this instance holds it. */
  private claimLease(forMs: number): Promise<boolean> {
    const now = Date.now();
    return this.readModels
      .collection<LeaseDoc>(LEASES)
      .claim(PROJECTOR, this.lease!.holder, { now, expiresAt: now + forMs });
  }

  private resign(): Promise<void> {
    this.turn = this.turn
      .then(async () => {
        if (!this.lease || this.subscription) return;
        this.setRole(false);
        await this.claimLease(0);
      })
      .catch((error: unknown) => this.logger.error(`giving up the projector lease: ${String(error)}`));
    return this.turn;
  }

  private async unsubscribe(): Promise<void> {
    if (!this.subscription) return;
    await this.subscription.stop();
    this.subscription = null;
    this.cancelCheckpointSave();
    await this.savingCheckpoints;
    await this.saveCheckpoints();
  }

  /** A follower's view of the projector's progress, read from the store. */
  private async readProgress(): Promise<void> {
    const doc = await this.view.collection<ProgressDoc>(PROGRESS).get(PROJECTOR);
    if (!doc || this.subscription) return;
    this.processed = doc.position;
    this.followUps = new Map(doc.followUps.map(({ position, appended }) => [position, appended]));
    this.failed = new Map(doc.failures.map((failure) => [failure.projection, failure]));
  }

  /** While commands wait on a follower, it watches the projector's progress until they can read their writes. */
  private follow(): void {
    if (this.polling) return;
    this.polling = true;
    const poll = async () => {
      try {
        if (!this.subscription) await this.readProgress();
        this.releaseWaiters();
      } catch (error) {
        this.logger.error(`reading the projector's progress: ${String(error)}`);
      }
      if (this.waiters.length > 0 && !this.stopped) setTimeout(() => void poll(), FOLLOW_POLL_MS);
      else this.polling = false;
    };
    void poll();
  }

  /** Brings a follower's view of the projector's progress up to date (health checks). */
  async refresh(): Promise<void> {
    if (this.lease && !this.subscription) await this.readProgress();
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
    if (!(store instanceof GenerationalReadModelStore)) return false;
    const recorded = await store.recorded();
    if (sameGenerations(recorded, store.generations)) return false;
    const projecting = this.subscription !== null;
    if (projecting) await this.unsubscribe();
    store.switchTo(recorded);
    this.view = store.at(recorded);
    this.logger.log(`projections moved to rebuilt generations ${JSON.stringify(Object.fromEntries(recorded))}`);
    if (projecting) await this.subscribe();
    return true;
  }

  private async subscribe(): Promise<void> {
    const view = this.view;
    const checkpoints = new Map<string, number>();
    for (const p of this.projections) checkpoints.set(p.name, await view.getCheckpoint(p.name));
    this.checkpoints = new Map(checkpoints);
    // Every projection gets another try from its checkpoint.
    const failed = new Map<string, ProjectionFailure>();
    this.failed = failed;
    const from = Math.min(...checkpoints.values(), Number.MAX_SAFE_INTEGER);
    this.processed = from === Number.MAX_SAFE_INTEGER ? 0 : from;
    /**
     * One commit for every projection's writes of up to COMMIT_EVENTS events read together,
     * instead of one per event; waiters are released only after it, when every instance can
     * read what they wait for. The bound keeps the read-model file's write lock, which other
     * instances' session and rate-limit writes wait for, held briefly.
     */
    const applyCommitted = async (events: RecordedEvent[]) => {
      const before = new Map(checkpoints);
      const applyAndPublish = async () => {
        try {
          for (const recorded of events) {
            const appended = await this.apply(recorded, view, checkpoints, failed);
            if (appended > recorded.position) this.followUps.set(recorded.position, appended);
          }
        } finally {
          await this.flush(events, view, before, checkpoints, failed);
        }
        // Committed with the writes it describes, so a follower never reads ahead of them.
        if (this.lease) await this.publishProgress(view, events.at(-1)!.position, failed);
      };
      await (view.batch ? view.batch(applyAndPublish) : applyAndPublish());
      if (view !== this.view) return;
      // Only checkpoints of whole commits are saved: a projection's flush may be what makes them true.
      this.checkpoints = new Map(checkpoints);
      this.processed = events.at(-1)!.position;
      this.scheduleCheckpointSave();
      this.releaseWaiters();
    };
    const onEvents = async (events: RecordedEvent[]) => {
      for (let first = 0; first < events.length; first += COMMIT_EVENTS) {
        // A subscription stopped by a switch may still finish its events: into its own generation only.
        if (view !== this.view) return;
        await applyCommitted(events.slice(first, first + COMMIT_EVENTS));
      }
    };
    let mine: Subscription | null = null;
    mine = this.subscription = this.events.subscribeToAll({
      after: this.processed,
      onEvent: (recorded) => onEvents([recorded]),
      onEvents,
      onError: (error) => {
        // With the lease, another instance can go on: give the role up, and let the commands
        // waiting here wait on whoever projects next (this instance too, from its
        // checkpoints, if it wins the lease again).
        if (this.lease) {
          this.logger.error(`projections stopped on this instance: ${String(error)}; giving up the projector lease`);
          if (this.subscription === mine) this.subscription = null;
          void this.resign();
          if (this.waiters.length > 0) this.follow();
          return;
        }
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
      event = this.decode(recorded);
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
      if (projection.eventTypes && !projection.eventTypes.has(event.type)) {
        checkpoints.set(projection.name, event.position);
        continue;
      }
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

  /**
   * Lets each projection that keeps writes in memory across a commit's events write them. One
   * that fails goes back to its checkpoint from before the commit and stops at the first of
   * these events it had taken, which it retries from there, as after any failure.
   */
  private async flush(
    events: RecordedEvent[],
    view: ReadModelStore,
    before: Map<string, number>,
    checkpoints: Map<string, number>,
    failed: Map<string, ProjectionFailure>,
  ): Promise<void> {
    for (const projection of this.projections) {
      if (!projection.flush) continue;
      try {
        await projection.flush(view);
      } catch (error) {
        const from = before.get(projection.name) ?? 0;
        checkpoints.set(projection.name, from);
        this.fail(failed, projection, events.find((event) => event.position > from) ?? events[0]!, error);
      }
    }
  }

  private async publishProgress(
    view: ReadModelStore,
    position: number,
    failed: Map<string, ProjectionFailure>,
  ): Promise<void> {
    const followUps = [...this.followUps]
      .filter(([, appended]) => appended > position)
      .map(([event, appended]) => ({ position: event, appended }));
    await view
      .collection<ProgressDoc>(PROGRESS)
      .upsert(PROJECTOR, { id: PROJECTOR, position, followUps, failures: [...failed.values()] });
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
   * subscription itself has stopped, or with ProjectionsBehindError once the wait limit
   * has passed. A projection stopped on an event is not waited for.
   */
  waitFor(position: number): Promise<void> {
    if (this.settled(position)) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    const limit = this.waitLimitMs;
    const waiting = new Promise<void>((resolve, reject) => {
      const waiter = { position, resolve, reject };
      if (limit !== null) {
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new ProjectionsBehindError(position, this.processed, limit));
        }, limit);
        // The request waiting holds the process open, not this timer.
        timer.unref();
        waiter.resolve = () => {
          clearTimeout(timer);
          resolve();
        };
        waiter.reject = (error) => {
          clearTimeout(timer);
          reject(error);
        };
      }
      this.waiters.push(waiter);
    });
    if (this.lease && !this.subscription) this.follow();
    return waiting;
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
    this.stopped = true;
    if (this.generationCheck) clearInterval(this.generationCheck);
    this.generationCheck = null;
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    this.leaseTimer = null;
    await this.switching;
    await this.turn;
    const projected = this.subscription !== null;
    await this.unsubscribe();
    this.setRole(false);
    // Another instance (or this replica restarted) takes over at once instead of when the claim runs out.
    if (this.lease && projected) await this.claimLease(0);
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

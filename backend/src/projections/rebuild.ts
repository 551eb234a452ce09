import type { EventStore } from '../event-store/event-store.port';
import type { ReadModelStore } from '../read-models/read-model.port';
import { GenerationalReadModelStore, type Generations, physicalName } from './generations';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { WriteBehindStore } from './write-behind';

/**
 * A rebuild goes on with the events appended while it ran until fewer than this many are
 * left for the live instances to project after the switch (a few milliseconds' work).
 */
const SWITCH_GAP = 500;
/** At most this many rounds of catching up: with appends faster than a rebuild, it switches anyway. */
const CATCH_UP_ROUNDS = 10;

export interface RebuildResult {
  generations: Generations;
  /** Log position every rebuilt projection had applied when they were switched to. */
  position: number;
}

/**
 * Some of the projections, rebuilt somewhere else at the same time (another thread, with
 * stores of its own): projections read only their own collections, so they need not be
 * fed together.
 */
export interface RebuildElsewhere {
  /** The projections it rebuilds, by name; the rest are rebuilt here. */
  names: ReadonlySet<string>;
  /**
   * Rebuilds them into `generations` (prepared, empty) up to at least `head`; resolves with
   * the position reached. Gives up when `signal` aborts (the other part failed).
   */
  rebuild(generations: Generations, head: number, signal: AbortSignal): Promise<number>;
}

/**
 * Rebuilds every projection from the whole log into fresh collections (the next
 * generation) while the live ones keep serving, then switches to them in one write once
 * they have caught up with the log. Running instances follow within seconds and resume
 * from the new generation's checkpoints (see ProjectionRunner). Safe while the backends
 * run; run it again after a crash half-way and it starts over. With `elsewhere`, its
 * projections are rebuilt there meanwhile, and the switch waits for both; a failure in
 * either stops the other and leaves the live generation in use.
 */
export async function rebuildProjections(
  events: EventStore,
  store: GenerationalReadModelStore,
  projections: Projection[],
  elsewhere?: RebuildElsewhere,
): Promise<RebuildResult> {
  const live = await store.recorded();
  const next = new Map(projections.map((projection) => [projection.name, (live.get(projection.name) ?? 0) + 1]));
  const target = store.at(next);
  for (const projection of projections) {
    const previous = (live.get(projection.name) ?? 0) - 1;
    for (const name of projection.collections) {
      // What a rebuild that stopped half-way left behind.
      await target.collection(name).clear();
      // The generation before the live one: every instance left it at the last switch.
      if (previous >= 0) {
        await store
          .at(new Map([[projection.name, previous]]))
          .collection(name)
          .clear();
        // Its indexes, and any an older generation kept (rebuilds once left them behind).
        const older = Array.from({ length: previous + 1 }, (_, generation) => physicalName(name, generation));
        await store.inner.dropIndexes?.(older);
      }
    }
    await target.setCheckpoint(projection.name, 0);
  }
  // Built here, on empty collections, rather than on a live instance's event loop at its first query after the switch.
  await copyLiveIndexes(store, projections, live);
  const head = await events.headPosition();
  const here = projections.filter((projection) => !elsewhere?.names.has(projection.name));
  // The first part to fail stops the other, which then fails with the same error.
  const stop = new AbortController();
  const part = (rebuild: () => Promise<number>) =>
    Promise.resolve()
      .then(rebuild)
      .catch((error: unknown) => {
        stop.abort(error);
        throw error;
      });
  const parts = await Promise.allSettled([
    part(() => rebuildInto(events, target, here, head, stop.signal)),
    ...(elsewhere ? [part(() => elsewhere.rebuild(next, head, stop.signal))] : []),
  ]);
  const failures = [...new Set(parts.flatMap((p) => (p.status === 'rejected' ? [p.reason as unknown] : [])))];
  if (failures.length > 0)
    throw failures.length === 1 ? failures[0] : new AggregateError(failures, failures.join('; '));
  const position = Math.min(...parts.map((p) => (p as PromiseFulfilledResult<number>).value));
  if (position < head) throw new Error(`a part of the rebuild stopped at log position ${position}, before ${head}`);
  // And those of query shapes first asked for while it ran, here too rather than after the switch.
  await copyLiveIndexes(store, projections, live);
  await store.record(next);
  return { generations: next, position };
}

/** Gives each collection of the next generation the query indexes its live one has (copyIndexes), those it lacks only. */
async function copyLiveIndexes(
  store: GenerationalReadModelStore,
  projections: Projection[],
  live: Generations,
): Promise<void> {
  for (const projection of projections) {
    const current = live.get(projection.name) ?? 0;
    for (const name of projection.collections)
      await store.inner.copyIndexes?.(physicalName(name, current), physicalName(name, current + 1));
  }
}

/**
 * Feeds the whole log, up to at least `head` and then the events appended meanwhile, to
 * projections whose collections in `target` are empty and whose checkpoints are 0, and
 * writes everything before it resolves with the position reached. A projection that fails
 * fails the lot, naming the event; `signal` aborting stops it there, failing with its reason.
 */
export async function rebuildInto(
  events: EventStore,
  target: ReadModelStore,
  projections: Projection[],
  head: number,
  signal?: AbortSignal,
): Promise<number> {
  if (projections.length === 0) return head;
  // Nobody reads the new generation before the switch: its writes wait in memory and go
  // out in large transactions, and the log, checked on append, is not validated again.
  const buffered = new WriteBehindStore(
    target,
    new Set(projections.flatMap((projection) => projection.collections)),
    new Set(projections.flatMap((projection) => projection.writtenOnce ?? [])),
  );
  const runner = new ProjectionRunner(events, buffered, projections, null, { trustCurrentVersions: true });
  await runner.start();
  try {
    // The events appended meanwhile are caught up here, in bulk, rather than by the live
    // instances after the switch, while every read that waits for its own write waits for them.
    let reached = head;
    for (let round = 0; round < CATCH_UP_ROUNDS; round++) {
      await untilAborted(runner.waitFor(reached), signal);
      const now = await events.headPosition();
      if (now - reached <= SWITCH_GAP) break;
      reached = now;
    }
  } finally {
    await runner.stop();
  }
  if (runner.error) throw runner.error;
  // The live generation stays in use: switching would serve a read model that skipped events.
  const failures = runner.failures;
  if (failures.length > 0) {
    throw new Error(
      failures
        .map(
          (f) =>
            `${f.projection} failed at event ${f.eventId} (${f.eventType}, log position ${f.position}): ${f.error}`,
        )
        .join('; '),
    );
  }
  await buffered.flush();
  return runner.position;
}

/** `work`, or the signal's reason as soon as it aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

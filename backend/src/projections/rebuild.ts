import type { EventStore } from '../event-store/event-store.port';
import { GenerationalReadModelStore, type Generations } from './generations';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { WriteBehindStore } from './write-behind';

export interface RebuildResult {
  generations: Generations;
  /** Log position the new generation had applied when it was switched to. */
  position: number;
}

/**
 * Rebuilds every projection from the whole log into fresh collections (the next
 * generation) while the live ones keep serving, then switches to them in one write once
 * they have caught up with the log. Running instances follow within seconds and resume
 * from the new generation's checkpoints (see ProjectionRunner). Safe while the backends
 * run; run it again after a crash half-way and it starts over.
 */
export async function rebuildProjections(
  events: EventStore,
  store: GenerationalReadModelStore,
  projections: Projection[],
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
      if (previous >= 0)
        await store
          .at(new Map([[projection.name, previous]]))
          .collection(name)
          .clear();
    }
    await target.setCheckpoint(projection.name, 0);
  }
  // Nobody reads the new generation before the switch: its writes wait in memory and go
  // out in large transactions, and the log, checked on append, is not validated again.
  const buffered = new WriteBehindStore(target, new Set(projections.flatMap((projection) => projection.collections)));
  const runner = new ProjectionRunner(events, buffered, projections, null, { trustCurrentVersions: true });
  await runner.start();
  const head = await events.headPosition();
  await runner.waitFor(head);
  await runner.stop();
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
  await store.record(next);
  return { generations: next, position: runner.position };
}

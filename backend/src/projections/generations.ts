import type { Collection, CollectionOptions, ReadModelStore } from '../read-models/read-model.port';
import type { Projection } from './projection';

/**
 * Which generation of each projection's collections is in use. Generation 0 is the plain
 * collection names; a rebuild projects generation n+1 into fresh collections beside the
 * live ones and switches this record only when it has caught up, so readers move from
 * one complete view to another and never see a half-built one.
 */
export const GENERATIONS = 'projection-generations';

/** One document for every projection, so a switch is a single write: readers see all old or all new. */
const IN_USE = 'in-use';

interface GenerationsDoc {
  id: string;
  generations: Record<string, number>;
}

export type Generations = ReadonlyMap<string, number>;

export function sameGenerations(a: Generations, b: Generations): boolean {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].every((name) => (a.get(name) ?? 0) === (b.get(name) ?? 0));
}

export function physicalName(name: string, generation: number): string {
  return generation === 0 ? name : `${name}.g${generation}`;
}

/** Each generation keeps its own checkpoint, so a rebuild starts from 0 without touching the live one. */
export function checkpointName(projection: string, generation: number): string {
  return generation === 0 ? projection : `${projection}.g${generation}`;
}

/**
 * A read-model store in which the collections a projection owns resolve to that
 * projection's generation in use; every other collection (sessions, idempotency) is
 * passed through. The projection runner switches generations; readers follow on their
 * next call.
 */
export class GenerationalReadModelStore implements ReadModelStore {
  private current: Generations = new Map();
  private readonly owners = new Map<string, string>();

  constructor(
    readonly inner: ReadModelStore,
    projections: Projection[],
  ) {
    for (const projection of projections) {
      for (const name of projection.collections) this.owners.set(name, projection.name);
    }
  }

  /** The generations recorded in the store (what a rebuild last switched to). */
  async recorded(): Promise<Generations> {
    const doc = await this.inner.collection<GenerationsDoc>(GENERATIONS).get(IN_USE);
    return new Map(Object.entries(doc?.generations ?? {}));
  }

  /** Records the generations every instance is to use from now on. */
  async record(generations: Generations): Promise<void> {
    await this.inner
      .collection<GenerationsDoc>(GENERATIONS)
      .upsert(IN_USE, { id: IN_USE, generations: Object.fromEntries(generations) });
  }

  get generations(): Generations {
    return this.current;
  }

  switchTo(generations: Generations): void {
    this.current = new Map(generations);
  }

  /** A view fixed at the given generations, whatever later switches do: what a projection writes through. */
  at(generations: Generations): ReadModelStore {
    return new FixedGenerationView(this.inner, this.owners, new Map(generations));
  }

  collection<T extends object>(name: string, options?: CollectionOptions): Collection<T> {
    return this.at(this.current).collection<T>(name, options);
  }

  getCheckpoint(projection: string): Promise<number> {
    return this.at(this.current).getCheckpoint(projection);
  }

  setCheckpoint(projection: string, position: number): Promise<void> {
    return this.at(this.current).setCheckpoint(projection, position);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

class FixedGenerationView implements ReadModelStore {
  constructor(
    private readonly inner: ReadModelStore,
    private readonly owners: ReadonlyMap<string, string>,
    private readonly generations: Generations,
  ) {}

  /**
   * The inner store's, over the physical names; undefined where it has none. A getter: the
   * live store makes a view for every collection it is asked for, and only rebuilds load.
   */
  get bulkLoad(): ReadModelStore['bulkLoad'] {
    const inner = this.inner;
    if (!inner.bulkLoad) return undefined;
    return (loads, checkpoints) =>
      inner.bulkLoad!(
        loads.map(({ collection, documents }) => ({ collection: this.physical(collection), documents })),
        new Map([...checkpoints].map(([projection, position]) => [this.checkpoint(projection), position])),
      );
  }

  collection<T extends object>(name: string, options?: CollectionOptions): Collection<T> {
    return this.inner.collection<T>(this.physical(name), options);
  }

  private physical(name: string): string {
    const owner = this.owners.get(name);
    return physicalName(name, owner === undefined ? 0 : (this.generations.get(owner) ?? 0));
  }

  private checkpoint(projection: string): string {
    return checkpointName(projection, this.generations.get(projection) ?? 0);
  }

  batch<T>(work: () => Promise<T>): Promise<T> {
    return this.inner.batch ? this.inner.batch(work) : work();
  }

  getCheckpoint(projection: string): Promise<number> {
    return this.inner.getCheckpoint(this.checkpoint(projection));
  }

  setCheckpoint(projection: string, position: number): Promise<void> {
    return this.inner.setCheckpoint(this.checkpoint(projection), position);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

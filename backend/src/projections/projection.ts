import type { ReadModelStore } from '../read-models/read-model.port';
import type { StoredEvent } from '../shared/event-envelope';

/**
 * A projection turns events into read-model documents. `apply` must be safe to replay:
 * every write passes the event's position so the store ignores what it has already seen.
 */
export interface Projection {
  readonly name: string;
  /** Collections it owns; a rebuild clears them. */
  readonly collections: string[];
  /**
   * Those of its collections whose documents it writes once each (a document per event or
   * per tile) and never reads while projecting: a rebuild keeps them in a plain list and
   * loads them as they are, so an id written twice would reach the store twice in one load.
   */
  readonly writtenOnce?: string[];
  /**
   * The event types it reads, when not every one (see `projectionOf`): the runner calls it
   * for those only and moves its checkpoint past the others. On a voting night most
   * projections read none of the events, and calling each for every ballot was a tenth of
   * a rebuild's main thread.
   */
  readonly eventTypes?: ReadonlySet<string>;
  /**
   * A reactor that appends events of its own in answer (the tree-head signer) returns the
   * position of the last one, so commands wait for those too before they answer.
   */
  apply(event: StoredEvent, store: ReadModelStore): Promise<void | { appended: number }>;
  /**
   * For a projection that keeps a document in memory across the events of one commit
   * instead of writing it at each (the audit tree): writes it, after the commit's last event
   * and before the commit. The runner calls it after every commit, with the store `apply`
   * was given; if it throws, the projection stops at the commit's first event it took.
   */
  flush?(store: ReadModelStore): Promise<void>;
}

/** What a projection of some event types only is made of: `apply` receives those alone. */
type ProjectionOf<T extends StoredEvent['type']> = Omit<Projection, 'eventTypes' | 'apply'> & {
  eventTypes: readonly T[];
  apply(event: Extract<StoredEvent, { type: T }>, store: ReadModelStore): Promise<void | { appended: number }>;
};

/**
 * A projection that reads the event types it lists and no others. Its `apply` sees only
 * those, so TypeScript refuses a case for any type left off the list: the list cannot miss
 * an event the projection handles.
 */
export function projectionOf<T extends StoredEvent['type']>({
  eventTypes,
  ...projection
}: ProjectionOf<T>): Projection {
  return { ...projection, eventTypes: new Set(eventTypes), apply: projection.apply as Projection['apply'] };
}

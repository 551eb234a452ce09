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
  apply(event: StoredEvent, store: ReadModelStore): Promise<void>;
}

export const PROJECTIONS = Symbol('Projections');

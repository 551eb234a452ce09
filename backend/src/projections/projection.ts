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
   * A reactor that appends events of its own in answer (the tree-head signer) returns the
   * position of the last one, so commands wait for those too before they answer.
   */
  apply(event: StoredEvent, store: ReadModelStore): Promise<void | { appended: number }>;
}

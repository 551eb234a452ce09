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
  /**
   * For a projection that keeps a document in memory across the events of one commit
   * instead of writing it at each (the audit tree): writes it, after the commit's last event
   * and before the commit. The runner calls it after every commit, with the store `apply`
   * was given; if it throws, the projection stops at the commit's first event it took.
   */
  flush?(store: ReadModelStore): Promise<void>;
}

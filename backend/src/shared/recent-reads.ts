import { LRUCache } from 'lru-cache';

/**
 * What a process read from a store, remembered per key for a short while, so a lookup made
 * on every request does not read the store every time. A change made through this process
 * forgets the key at once; a read that was still under way when it did is not remembered,
 * so it cannot bring back what the change removed. Changes made through another replica
 * are seen once the remembered read expires.
 */
export class RecentReads<V extends object> {
  private readonly recent: LRUCache<string, V>;
  /** Counts forgets, so a read that overlapped one is not remembered. */
  private forgets = 0;

  constructor(trustedMs: number, max = 10_000) {
    this.recent = new LRUCache<string, V>({ max, ttl: trustedMs });
  }

  /** The remembered value, or what `load` reads now (remembered unless it is null). */
  async read<R extends V | null>(key: string, load: () => Promise<R>): Promise<V | R> {
    const known = this.recent.get(key);
    if (known !== undefined) return known;
    const forgets = this.forgets;
    const value = await load();
    if (value !== null && forgets === this.forgets) this.recent.set(key, value);
    return value;
  }

  /** Reads from now on go to the store, and those still under way are not remembered. */
  forget(key: string): void {
    this.forgets += 1;
    this.recent.delete(key);
  }
}

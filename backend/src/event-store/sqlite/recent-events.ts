import type { RecordedEvent } from '../event-store.port';

/**
 * The latest events this process appended or its subscriptions read, as one run of
 * consecutive log positions, so that the next subscription to want them (the projector
 * and the notification reactor follow the same tail) takes them from memory rather than
 * reading and parsing them again. The log never changes what is at a position, so events
 * handed out from here are exactly what a read would return; a reader whose next
 * position is not in the run reads the log, which also brings in other processes' events.
 * The events are shared by every subscription: handlers read them and never change them.
 */
export class RecentEvents {
  private run: RecordedEvent[] = [];

  /** @param capacity how many events are kept at least, once that many have been added */
  constructor(private readonly capacity: number) {}

  /**
   * Adds consecutive events in log order. They extend the run where they go past its end;
   * events further on than that start a new run (the old one is of no use to a reader
   * that is further on); older ones change nothing, as do events with a gap between them.
   */
  add(events: RecordedEvent[]): void {
    if (events.length === 0) return;
    const first = events[0]!.position;
    const end = events.at(-1)!.position;
    if (end - first !== events.length - 1) return;
    const last = this.run.at(-1)?.position;
    if (last === undefined || first > last + 1) this.run = [...events];
    else if (end > last && first >= this.run[0]!.position) this.run.push(...events.slice(last + 1 - first));
    // Trimmed in steps, not on every add: copying the kept part costs as much as the adds since.
    if (this.run.length > 2 * this.capacity) this.run = this.run.slice(-this.capacity);
  }

  /**
   * Up to `limit` (all with -1) of the events kept right after `position`, or null when the
   * event at `position + 1` is not kept: the caller reads the log instead. A non-empty answer
   * may stop short of the log's head; the caller asks again from its last event.
   */
  after(position: number, limit: number): RecordedEvent[] | null {
    const start = this.run[0]?.position;
    if (start === undefined) return null;
    const from = position + 1 - start;
    if (from < 0 || from >= this.run.length) return null;
    return this.run.slice(from, limit < 0 ? undefined : from + limit);
  }
}

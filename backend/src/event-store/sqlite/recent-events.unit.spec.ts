import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '../event-store.port';
import { RecentEvents } from './recent-events';

const at = (position: number): RecordedEvent => ({
  id: `e${position}`,
  type: 'Noted',
  streamId: 's',
  revision: position,
  position,
  data: {},
  metadata: {},
  recordedAt: '2026-12-03T00:00:00.000Z',
});
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => at(from + i));
const positions = (events: RecordedEvent[] | null) => events && events.map((event) => event.position);

describe('RecentEvents', () => {
  it('hands out the events kept right after a position, up to a limit', () => {
    const recent = new RecentEvents(100);
    recent.add(range(5, 9));
    expect(positions(recent.after(4, -1))).toEqual([5, 6, 7, 8, 9]);
    expect(positions(recent.after(6, 2))).toEqual([7, 8]);
  });

  it('answers null when the next event is not kept, so the caller reads the log', () => {
    const recent = new RecentEvents(100);
    expect(recent.after(0, -1)).toBeNull();
    recent.add(range(5, 9));
    expect(recent.after(3, -1)).toBeNull();
    expect(recent.after(9, -1)).toBeNull();
  });

  it('extends the run with the events that go past its end', () => {
    const recent = new RecentEvents(100);
    recent.add(range(5, 9));
    recent.add(range(8, 12));
    recent.add(range(13, 14));
    expect(positions(recent.after(4, -1))).toEqual(range(5, 14).map((event) => event.position));
  });

  it('starts again at events further on, and keeps its run against older ones', () => {
    const recent = new RecentEvents(100);
    recent.add(range(5, 9));
    // Another process appended 10 and 11: this process's next events do not follow on.
    recent.add(range(12, 13));
    expect(recent.after(4, -1)).toBeNull();
    expect(positions(recent.after(11, -1))).toEqual([12, 13]);
    recent.add(range(1, 4));
    expect(positions(recent.after(11, -1))).toEqual([12, 13]);
    expect(recent.after(0, -1)).toBeNull();
  });

  it('keeps nothing of events with a gap between them', () => {
    const recent = new RecentEvents(100);
    recent.add([at(5), at(7)]);
    expect(recent.after(4, -1)).toBeNull();
    expect(recent.after(6, -1)).toBeNull();
  });

  it('keeps at most twice its capacity, and the latest events', () => {
    const recent = new RecentEvents(10);
    for (let first = 1; first <= 100; first += 5) recent.add(range(first, first + 4));
    expect(recent.after(100 - 10, -1)).toHaveLength(10);
    expect(recent.after(100 - 21, -1)).toBeNull();
  });
});

import { LogGrowthSignal } from './log-growth-signal';

// A poll interval no test would wait for: whatever resolves here did so without polling.
const NEVER = 3_600_000;

describe('log growth signal', () => {
  it('does not wait when the log has already grown past the position (a handler appended meanwhile)', async () => {
    const signal = new LogGrowthSignal(() => 5, NEVER);
    await expect(signal.waitPast(3).done).resolves.toBeUndefined();
  });

  it('wakes a waiter at the head when this process appends', async () => {
    let head = 3;
    const signal = new LogGrowthSignal(() => head, NEVER);
    const wait = signal.waitPast(3);
    head = 4;
    signal.notify();
    await expect(wait.done).resolves.toBeUndefined();
  });

  it('lets the subscription meet a failing read instead of waiting on it', async () => {
    const signal = new LogGrowthSignal(() => {
      throw new Error('database is closed');
    }, NEVER);
    await expect(signal.waitPast(3).done).resolves.toBeUndefined();
  });

  describe('looking for another process’s appends', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('looks less and less often while the log does not grow, and at once again after it grows', async () => {
      let head = 3;
      let looks = 0;
      const signal = new LogGrowthSignal(
        () => {
          looks += 1;
          return head;
        },
        5,
        80,
      );
      const wait = signal.waitPast(3);

      await jest.advanceTimersByTimeAsync(1_000);
      // Every 5 ms would be 200 looks; 5, 10, 20, 40, then every 80 ms is 16 (and the first check).
      expect(looks).toBeLessThanOrEqual(17);
      expect(looks).toBeGreaterThanOrEqual(14);

      // Another process appends: noticed at the next look, within the idle interval.
      head = 4;
      await jest.advanceTimersByTimeAsync(80);
      await expect(wait.done).resolves.toBeUndefined();

      // The log grew, so the next waiter is served at the fast pace.
      const next = signal.waitPast(4);
      head = 5;
      await jest.advanceTimersByTimeAsync(5);
      await expect(next.done).resolves.toBeUndefined();
    });

    it('stops looking once nobody waits', async () => {
      let looks = 0;
      const signal = new LogGrowthSignal(
        () => {
          looks += 1;
          return 3;
        },
        5,
        80,
      );
      const wait = signal.waitPast(3);
      await jest.advanceTimersByTimeAsync(20);
      wait.cancel();
      const before = looks;
      await jest.advanceTimersByTimeAsync(1_000);
      expect(looks).toBe(before);
    });
  });
});

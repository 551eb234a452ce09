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

    /** A signal over a head another process moves, counting the looks; every 5 ms, 80 ms when quiet for a second. */
    function watched() {
      const log = { head: 3, looks: 0 };
      const signal = new LogGrowthSignal(
        () => {
          log.looks += 1;
          return log.head;
        },
        5,
        80,
        1_000,
      );
      const waitPast = (position: number) => {
        const wait = { released: false };
        void signal.waitPast(position).done.then(() => (wait.released = true));
        return wait;
      };
      return { log, signal, waitPast };
    }

    /** Lets the log stay quiet past the second, until the looks are 80 ms apart. */
    async function quietSpell(log: { looks: number }) {
      await jest.advanceTimersByTimeAsync(1_000);
      // Every 5 ms for the second (and the first check at the wait).
      expect(log.looks).toBeGreaterThanOrEqual(195);
      const before = log.looks;
      await jest.advanceTimersByTimeAsync(2_000);
      // 10, 20, 40, 80 ms apart, then every 80 ms: about 27 looks, not 400.
      expect(log.looks - before).toBeLessThanOrEqual(30);
      expect(log.looks - before).toBeGreaterThanOrEqual(20);
    }

    it('keeps the fast pace for a second after the log last grew, then looks less and less often', async () => {
      const { log, waitPast } = watched();
      const wait = waitPast(3);
      await quietSpell(log);
      expect(wait.released).toBe(false);
      log.head = 4;
      await jest.advanceTimersByTimeAsync(80);
      expect(wait.released).toBe(true);
    });

    it('looks at the fast pace again as soon as it sees the log grow', async () => {
      const { log, waitPast } = watched();
      const first = waitPast(3);
      await quietSpell(log);
      log.head = 4;
      await jest.advanceTimersByTimeAsync(80);
      expect(first.released).toBe(true);

      const next = waitPast(4);
      log.head = 5;
      await jest.advanceTimersByTimeAsync(5);
      expect(next.released).toBe(true);
    });

    it('looks at the fast pace again as soon as this process appends', async () => {
      const { log, signal, waitPast } = watched();
      const first = waitPast(3);
      await quietSpell(log);
      log.head = 4;
      signal.notify();
      await jest.advanceTimersByTimeAsync(0);
      expect(first.released).toBe(true);

      const next = waitPast(4);
      log.head = 5;
      await jest.advanceTimersByTimeAsync(5);
      expect(next.released).toBe(true);
    });

    it('stops looking once nobody waits', async () => {
      const { log, signal } = watched();
      const wait = signal.waitPast(3);
      await jest.advanceTimersByTimeAsync(20);
      wait.cancel();
      const before = log.looks;
      await jest.advanceTimersByTimeAsync(1_000);
      expect(log.looks).toBe(before);
    });
  });
});

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
});

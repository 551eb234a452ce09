interface Waiter {
  position: number;
  wake: () => void;
}

export interface Wait {
  /** Resolves when the log grows past the awaited position, or on cancel. */
  done: Promise<void>;
  cancel: () => void;
}

/**
 * Wakes subscriptions that have caught up with the log. Appends made through this
 * store call `notify` and wake them at once; appends made by another process sharing
 * the file are noticed by polling the head position, only while someone is waiting.
 * The looks come every `pollIntervalMs`; once the log has not grown for `quietMs` (nor
 * this process appended), each look that finds it as it was doubles the interval, up to
 * `idlePollIntervalMs`, until it grows again. A wake-up costs about 0.1 ms of CPU on these
 * machines, so looking 200 times a second kept an idle instance 2 to 3 % busy, while an
 * instance serving a few commands a second keeps the fast pace.
 */
export class LogGrowthSignal {
  private readonly waiters = new Set<Waiter>();
  private timer: NodeJS.Timeout | undefined;
  private intervalMs: number;
  private lastHead = -1;
  /** Looks in a row that found the log as it was. */
  private quietLooks = 0;

  constructor(
    private readonly readHead: () => number,
    private readonly pollIntervalMs: number,
    private readonly idlePollIntervalMs = pollIntervalMs,
    private readonly quietMs = 1_000,
  ) {
    this.intervalMs = pollIntervalMs;
  }

  waitPast(position: number): Wait {
    // The log may have grown while the caller was busy (a handler that appends, as the
    // tree-head signer does): then there is nothing to wait for.
    if (this.grownPast(position)) return { done: Promise.resolve(), cancel: () => {} };
    let waiter!: Waiter;
    const done = new Promise<void>((resolve) => {
      waiter = { position, wake: resolve };
    });
    this.waiters.add(waiter);
    this.startPolling();
    return { done, cancel: () => this.release(waiter) };
  }

  notify(): void {
    this.grew();
    for (const waiter of this.waiters) this.release(waiter);
  }

  private release(waiter: Waiter): void {
    this.waiters.delete(waiter);
    waiter.wake();
    if (this.waiters.size === 0) this.stopPolling();
  }

  private startPolling(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.poll();
      if (this.waiters.size > 0) this.startPolling();
    }, this.intervalMs);
    // Polling must never keep the process alive on its own.
    this.timer.unref();
  }

  private stopPolling(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private grew(): void {
    this.intervalMs = this.pollIntervalMs;
    this.quietLooks = 0;
  }

  private grownPast(position: number): boolean {
    try {
      return this.readHead() > position;
    } catch {
      // Let the subscription read again and meet the error itself.
      return true;
    }
  }

  private poll(): void {
    let head: number;
    try {
      head = this.readHead();
    } catch {
      // Let the waiting subscriptions read again and meet the error themselves.
      this.notify();
      return;
    }
    if (head !== this.lastHead) this.grew();
    else if (++this.quietLooks * this.pollIntervalMs >= this.quietMs)
      this.intervalMs = Math.min(this.intervalMs * 2, this.idlePollIntervalMs);
    this.lastHead = head;
    for (const waiter of this.waiters) {
      if (waiter.position < head) this.release(waiter);
    }
  }
}

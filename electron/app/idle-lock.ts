/** The timer the idle lock schedules with; tests pass a fake one together with a fake clock. */
export interface IdleTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock and timers; the timer does not keep the process alive. */
export const systemTimers: IdleTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Locks after a stretch without activity: every handler call touches it, and when the limit passes without a
 * touch it runs the lock action once. A limit of null never locks.
 */
export class IdleLock {
  private limitMs: number | null = null;
  private lastActivityAt: number;
  private timer: unknown = null;

  constructor(
    private readonly lock: () => Promise<void>,
    private readonly timers: IdleTimers = systemTimers,
  ) {
    this.lastActivityAt = timers.now();
  }

  /** Sets the idle limit (null: off), counting from now. */
  setLimit(ms: number | null): void {
    this.limitMs = ms;
    this.stop();
    this.touch();
  }

  /** Records activity now. */
  touch(): void {
    this.lastActivityAt = this.timers.now();
    if (this.limitMs === null) this.stop();
    else if (this.timer === null) this.schedule(this.limitMs);
  }

  /** Stops the timer (on quit). */
  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      if (this.limitMs === null) return;
      const left = this.lastActivityAt + this.limitMs - this.timers.now();
      if (left > 0) this.schedule(left);
      else void this.lock();
    }, ms);
  }
}

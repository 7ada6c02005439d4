import type { Clock } from '../platform/clock';

/**
 * A concurrency limit that backs off when the service throttles: the limit halves and new work pauses for a
 * jittered moment; each success then grows the limit by a quarter (additive increase, multiplicative decrease).
 */
export class AdaptiveLimiter {
  private active = 0;
  private limit: number;
  private pausedUntil = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly maxConcurrency: number,
    private readonly clock: Clock,
    private readonly random: () => number = Math.random,
    private readonly pauseMs = 250,
  ) {
    this.limit = maxConcurrency;
  }

  /** The current limit (for progress reports and tests). */
  get currentLimit(): number {
    return Math.floor(this.limit);
  }

  /** Called when a call was throttled: one decrease per pause window, however many calls were refused in it. */
  throttled(): void {
    const now = this.clock.now();
    if (now < this.pausedUntil) return;
    this.limit = Math.max(1, this.limit / 2);
    this.pausedUntil = now + this.pauseMs * (0.5 + this.random());
  }

  /** Runs `task` when a slot is free. */
  async run<Value>(task: () => Promise<Value>): Promise<Value> {
    while (this.active >= Math.floor(this.limit)) {
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    this.active += 1;
    try {
      const pause = this.pausedUntil - this.clock.now();
      if (pause > 0) await this.clock.sleep(pause);
      const value = await task();
      this.limit = Math.min(this.maxConcurrency, this.limit + 0.25);
      return value;
    } finally {
      this.active -= 1;
      this.queue.shift()?.();
    }
  }
}

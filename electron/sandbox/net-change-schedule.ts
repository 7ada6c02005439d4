import type { SandboxInstance } from './model';

/**
 * Runs the asynchronous network changes (a public endpoint allocated or released): the instance shows the busy
 * status (NET_CREATING / NET_DELETING, from the instance state table) for `delayMs`, then the change lands and
 * the instance is Running again. The length of the wait is a guess (the real one takes about a minute).
 */
export class NetChangeSchedule {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly delayMs: number) {}

  /** Puts the instance into `busyStatus` (null: leaves it Running) now and applies `change` after the delay. */
  run(instance: SandboxInstance, busyStatus: string | null, change: () => void): void {
    if (busyStatus) instance.status = busyStatus;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      change();
      if (busyStatus) instance.status = 'Running';
    }, this.delayMs);
    this.timers.add(timer);
  }

  /** Cancels every pending change. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

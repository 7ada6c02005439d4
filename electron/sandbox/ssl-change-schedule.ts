import type { SandboxInstance, SandboxSsl } from './model';

/** How an accepted SSL change unfolds in time on the sandbox. */
export interface SslChangeTiming {
  /**
   * How long the instance keeps `Running` with its old settings after ModifyDBInstanceSSL returned. The real call
   * only starts an asynchronous task (the Terraform provider waits for it), so the old state shows first; 0 is
   * the sandbox-only convenience of showing SSL_MODIFYING inside the call. Default 2000 ms: a guess in seconds.
   */
  startDelayMs: number;
  /** How long SSL_MODIFYING lasts before `Running` with the new settings (at least as long as `apply`). */
  modifyDelayMs: number;
  /** The status shown meanwhile: SSL_MODIFYING, the one the Terraform provider waits through. */
  modifyingStatus: string;
  /**
   * Whether LastModifyStatus is filled in (setting, then success or failed). DescribeDBInstanceSSL's reference
   * says it is returned only for PostgreSQL on cloud disks and may be empty; false leaves it empty, and a failure
   * then shows only in ModifyStatusReason.
   */
  reportLastModifyStatus: boolean;
}

/** The defaults: the real order (old state, then SSL_MODIFYING, then new state) over a few seconds. */
export const defaultSslChangeTiming: SslChangeTiming = {
  startDelayMs: 2000,
  modifyDelayMs: 3000,
  modifyingStatus: 'SSL_MODIFYING',
  reportLastModifyStatus: true,
};

/** The reason the sandbox writes into ModifyStatusReason when applying the settings failed. */
export const failedChangeReason = (detail: string) => `Modify SSL config failed: ${detail}`;

/** Runs accepted SSL changes in the real order, on timers that `cancelAll` stops. */
export class SslChangeSchedule {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pending = new Set<string>();
  private closed = false;

  constructor(
    private readonly timing: SslChangeTiming,
    private readonly apply?: (instance: SandboxInstance, next: SandboxSsl) => Promise<void>,
  ) {}

  /** True from the accepted call until the instance is back to Running. */
  isPending(instance: SandboxInstance): boolean {
    return this.pending.has(instance.instanceId);
  }

  /** Starts one change of `instance` towards `next`. */
  schedule(instance: SandboxInstance, next: SandboxSsl): void {
    this.pending.add(instance.instanceId);
    if (this.timing.startDelayMs <= 0) this.begin(instance, next);
    else this.later(this.timing.startDelayMs, () => this.begin(instance, next));
  }

  /** Stops every pending change where it is, for good. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
  }

  private later(delayMs: number, run: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, delayMs);
    this.timers.add(timer);
  }

  private begin(instance: SandboxInstance, next: SandboxSsl): void {
    const report = this.timing.reportLastModifyStatus;
    instance.status = this.timing.modifyingStatus;
    instance.ssl = { ...instance.ssl, lastModifyStatus: report ? 'setting' : '', modifyStatusReason: '' };
    const started = Date.now();
    const finish = (failure: string | null) => {
      this.later(Math.max(0, this.timing.modifyDelayMs - (Date.now() - started)), () => {
        const lastModifyStatus = report ? (failure ? 'failed' : 'success') : '';
        instance.ssl = failure
          ? { ...instance.ssl, lastModifyStatus, modifyStatusReason: failedChangeReason(failure) }
          : { ...next, lastModifyStatus, modifyStatusReason: '' };
        instance.status = 'Running';
        this.pending.delete(instance.instanceId);
      });
    };
    if (!this.apply) {
      finish(null);
      return;
    }
    this.apply(instance, next).then(
      () => finish(null),
      (error: unknown) => finish(String((error as Error).message ?? error)),
    );
  }
}

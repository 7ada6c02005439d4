import type { ServiceErrorCode } from './service-errors';

/** Fault injection, set at start and changeable while the sandbox runs. */
export interface SandboxFaults {
  /** Added before every API answer, in milliseconds. */
  latencyMs?: number;
  /** A token bucket per AccessKey: calls beyond it get Throttling.User. */
  rateLimit?: { perSecond: number; burst: number };
  /** Every Nth API call gets Throttling.User. */
  throttleEveryNth?: number;
  /** Every Nth API call gets a 5xx (ServiceUnavailable unless serverErrorCode says InternalError). */
  serverErrorEveryNth?: number;
  serverErrorCode?: 'ServiceUnavailable' | 'InternalError';
  /** One-shot faults: the next `times` calls of `action` (or of any action when omitted) answer with `code`. */
  script?: { action?: string; code: ServiceErrorCode; times: number }[];
}

/** Decides, call by call, which injected fault (if any) answers instead of the action. */
export class FaultInjector {
  private calls = 0;
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    public faults: SandboxFaults,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** The injected error code for this call, or undefined to let the action run. */
  pick(action: string, accessKeyId: string): ServiceErrorCode | undefined {
    this.calls += 1;
    const scripted = this.faults.script?.find((item) => item.times > 0 && (!item.action || item.action === action));
    if (scripted) {
      scripted.times -= 1;
      return scripted.code;
    }
    const { throttleEveryNth, serverErrorEveryNth } = this.faults;
    if (throttleEveryNth && this.calls % throttleEveryNth === 0) return 'Throttling.User';
    if (serverErrorEveryNth && this.calls % serverErrorEveryNth === 0) {
      return this.faults.serverErrorCode ?? 'ServiceUnavailable';
    }
    if (this.faults.rateLimit && !this.take(accessKeyId, this.faults.rateLimit)) return 'Throttling.User';
    return undefined;
  }

  private take(key: string, limit: { perSecond: number; burst: number }): boolean {
    const now = this.nowMs();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, updatedAt: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * limit.perSecond);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

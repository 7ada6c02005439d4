import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, ok, type Result } from '../../shared/result';
import type { Clock } from '../platform/clock';
import type { CallFailure } from './error-mapping';

/** Bounded retries with exponential backoff and full jitter. */
export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Defaults: 5 attempts, 200 ms doubling up to 5 s (jittered). */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5000 };

/** Counts of what the retry loop did, shared by every call of a client. */
export interface CallStats {
  calls: number;
  retries: number;
  throttled: number;
  /** Throttled calls that ran out of attempts and failed (the benchmark expects zero). */
  throttledGivenUp: number;
}

/** A fresh set of counters. */
export function emptyCallStats(): CallStats {
  return { calls: 0, retries: 0, throttled: 0, throttledGivenUp: 0 };
}

/** The jittered delay before attempt `attempt + 1` (attempt counts from 1). */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Runs `call` until it succeeds, fails for good, or the attempts run out; only retryable failures are retried. */
export async function withRetries<Value>(
  call: () => Promise<Result<Value, RdsErrorCode> | { ok: false; error: CallFailure }>,
  options: {
    policy: RetryPolicy;
    clock: Clock;
    random: () => number;
    stats: CallStats;
    signal?: AbortSignal;
    onThrottled?: () => void;
  },
): Promise<Result<Value, RdsErrorCode>> {
  for (let attempt = 1; ; attempt++) {
    options.stats.calls += 1;
    const outcome = await call();
    if (outcome.ok) return ok(outcome.value);
    const failure = outcome.error as CallFailure;
    if (failure.code === 'throttled') {
      options.stats.throttled += 1;
      options.onThrottled?.();
    }
    const last = attempt >= options.policy.maxAttempts || !failure.retryable;
    if (last) {
      if (failure.code === 'throttled') options.stats.throttledGivenUp += 1;
      const suffix = failure.retryable && attempt > 1 ? ` (gave up after ${attempt} attempts)` : '';
      return fail(failure.code, `${failure.message}${suffix}`);
    }
    options.stats.retries += 1;
    try {
      await options.clock.sleep(backoffDelay(options.policy, attempt, options.random), options.signal);
    } catch {
      return fail('cancelled', `Cancelled while waiting to retry: ${failure.message}`);
    }
  }
}

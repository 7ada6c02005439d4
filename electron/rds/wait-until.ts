import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, type Result } from '../../shared/result';
import { type Clock, systemClock } from '../platform/clock';

/** How long an asynchronous change is waited for, and how often it is looked at. */
export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  clock?: Clock;
}

/**
 * Polls `look` until it answers a value (not null), a failure, or the time is up (wait_timeout, with `what` in
 * the message so the user knows what to check).
 */
export async function waitUntil<Value>(
  look: () => Promise<Result<Value | null, RdsErrorCode>>,
  what: string,
  options: WaitOptions = {},
): Promise<Result<Value, RdsErrorCode>> {
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 20 * 60_000;
  const started = clock.now();
  for (;;) {
    const seen = await look();
    if (!seen.ok) return seen;
    if (seen.value !== null) return { ok: true, value: seen.value };
    if (clock.now() - started >= timeoutMs) {
      return fail(
        'wait_timeout',
        `Waited ${Math.round(timeoutMs / 1000)} s for ${what}; the change may still finish — look again with "rdspg rds show ID".`,
      );
    }
    await clock.sleep(options.intervalMs ?? 1000);
  }
}

import type { RdsErrorCode } from '../../shared/rds-errors';
import { type Failure, fail, type Result } from '../../shared/result';
import { type Clock, systemClock } from '../platform/clock';
import { transientCodes } from './transient-codes';

/** How long an asynchronous change is waited for, how often it is looked at, and how the wait is cancelled. */
export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** The pause before the first look (the service shows the old state right after accepting a change). */
  initialDelayMs?: number;
  clock?: Clock;
  signal?: AbortSignal;
}

/**
 * Polls `look` until it answers a value (not null), a lasting failure, or the time is up (wait_timeout, with
 * `what` in the message so the user knows what to check). Transient failures (throttled, busy, the network…) do
 * not end the wait; the last one is named if the time runs out. The signal ends the wait as `cancelled`. A look
 * must answer null for state from before the change (RDS answers the old state, even an old `failed`, for a while
 * after accepting one): see `staleGuard`.
 */
export async function waitUntil<Value>(
  look: () => Promise<Result<Value | null, RdsErrorCode>>,
  what: string,
  options: WaitOptions = {},
): Promise<Result<Value, RdsErrorCode>> {
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 20 * 60_000;
  const started = clock.now();
  let lastTransient: Failure<RdsErrorCode> | null = null;
  let pause = options.initialDelayMs ?? 0;
  for (;;) {
    if (pause > 0 || options.signal?.aborted) {
      try {
        await clock.sleep(pause, options.signal);
      } catch {
        return fail('cancelled', `Stopped waiting for ${what}; the change may still finish on the instance.`);
      }
    }
    pause = options.intervalMs ?? 1000;
    const seen = await look();
    if (!seen.ok && !transientCodes.has(seen.error.code)) return seen;
    if (seen.ok && seen.value !== null) return { ok: true, value: seen.value };
    lastTransient = seen.ok ? lastTransient : seen.error;
    if (clock.now() - started >= timeoutMs) {
      const last = lastTransient ? ` (last answer: ${lastTransient.message})` : '';
      return fail(
        'wait_timeout',
        `Waited ${Math.round(timeoutMs / 1000)} s for ${what}${last}; the change may still finish — look again with "rdspg rds show ID".`,
      );
    }
  }
}

/**
 * Tells a fresh outcome from a stale one: RDS keeps answering the state from before an accepted change (its old
 * LastModifyStatus, even `failed`) until the change's task starts. An outcome counts once its marker (e.g. the
 * modify time) differs from the one seen before the change, or once the task was seen running.
 */
export function staleGuard(markerBefore: string): { see(marker: string, running: boolean): void; fresh(): boolean } {
  let changed = false;
  return {
    see(marker, running) {
      if (running || marker !== markerBefore) changed = true;
    },
    fresh: () => changed,
  };
}

import type { RdsErrorCode } from '../../shared/rds-errors';
import type { SslFlowStep } from '../../shared/rds-ssl-flow';
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
  /** Told just before the change's request goes out: from then on, stopping cannot take it back. */
  onSending?: () => void;
  /** Once the change was sent, this one ends the wait (default: `signal`): a change on its way is followed to its end. */
  followSignal?: AbortSignal;
  /** Told when the change was accepted and after each look (what it saw, the looks so far, the time waited). */
  onStep?: (step: WaitStep) => void;
}

/** The options of a change's wait once its request was sent: from then on only `followSignal` (if given) stops it. */
export function afterSending<Options extends { signal?: AbortSignal; followSignal?: AbortSignal }>(
  options: Options,
): Options {
  return { ...options, signal: options.followSignal ?? options.signal };
}

/** The steps a change reports while it is sent and waited for (the SSL flow's words). */
export type WaitStep = Extract<SslFlowStep, { step: 'sent' | 'waiting' }>;

/** What a look tells about what it saw: DBInstanceStatus, and the change's LastModifyStatus when it has one. */
export type NoteStatus = (status: string, lastModifyStatus?: string | null) => void;

/**
 * Polls `look` until it answers a value (not null), a lasting failure, or the time is up (wait_timeout, with
 * `what` in the message so the user knows what to check). Transient failures (throttled, busy, the network…) do
 * not end the wait; the last one is named if the time runs out. The signal ends the wait as `cancelled`. A look
 * must answer null for state from before the change (RDS answers the old state, even an old `failed`, for a while
 * after accepting one): see `staleGuard`.
 */
export async function waitUntil<Value>(
  look: (note: NoteStatus) => Promise<Result<Value | null, RdsErrorCode>>,
  what: string,
  options: WaitOptions = {},
): Promise<Result<Value, RdsErrorCode>> {
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 20 * 60_000;
  const started = clock.now();
  let lastTransient: Failure<RdsErrorCode> | null = null;
  let pause = options.initialDelayMs ?? 0;
  for (let polls = 1; ; polls++) {
    if (pause > 0 || options.signal?.aborted) {
      try {
        await clock.sleep(pause, options.signal);
      } catch {
        return fail('cancelled', `Stopped waiting for ${what}; the change may still finish on the instance.`);
      }
    }
    pause = options.intervalMs ?? 1000;
    const seenStatus = { status: 'unknown', lastModifyStatus: null as string | null };
    const seen = await look((status, lastModifyStatus = null) =>
      Object.assign(seenStatus, { status, lastModifyStatus }),
    );
    if (!seen.ok && !transientCodes.has(seen.error.code)) return seen;
    if (seen.ok && seen.value !== null) return { ok: true, value: seen.value };
    options.onStep?.({ step: 'waiting', ...seenStatus, polls, elapsedMs: clock.now() - started });
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

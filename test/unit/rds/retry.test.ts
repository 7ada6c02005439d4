import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from '../../../electron/rds/adaptive-limiter';
import type { CallFailure } from '../../../electron/rds/error-mapping';
import { backoffDelay, emptyCallStats, withRetries } from '../../../electron/rds/retry';
import { ok } from '../../../shared/result';
import { fakeClock } from '../../support/fake-clock';

const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

function failure(code: CallFailure['code'], retryable: boolean): { ok: false; error: CallFailure } {
  return { ok: false, error: { code, message: code, serviceCode: null, requestId: null, retryable } };
}

describe('backoffDelay', () => {
  it('stays within half and all of the doubling ceiling, capped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempt, random) => {
          const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
          const delay = backoffDelay(policy, attempt, () => random);
          return delay >= Math.floor(ceiling / 2) && delay <= ceiling;
        },
      ),
    );
  });
});

describe('withRetries', () => {
  it('retries retryable failures with growing jittered delays, then succeeds', async () => {
    const clock = fakeClock();
    const stats = emptyCallStats();
    const answers = [failure('throttled', true), failure('service_unavailable', true), failure('internal_error', true)];
    const result = await withRetries(async () => answers.shift() ?? ok('done'), {
      policy,
      clock,
      random: () => 0.5,
      stats,
    });
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(clock.sleeps).toEqual([75, 150, 300]);
    expect(stats).toEqual({ calls: 4, retries: 3, throttled: 1, throttledGivenUp: 0 });
  });

  it('stops at once on a failure that retrying cannot fix', async () => {
    const clock = fakeClock();
    const stats = emptyCallStats();
    const result = await withRetries(async () => failure('instance_not_found', false), {
      policy,
      clock,
      random: Math.random,
      stats,
    });
    expect(!result.ok && result.error.code).toBe('instance_not_found');
    expect(clock.sleeps).toEqual([]);
  });

  it('gives up after maxAttempts and counts a throttled call that was given up', async () => {
    const stats = emptyCallStats();
    const result = await withRetries(async () => failure('throttled', true), {
      policy,
      clock: fakeClock(),
      random: Math.random,
      stats,
    });
    expect(!result.ok && result.error.message).toContain('gave up after 5 attempts');
    expect(stats.throttledGivenUp).toBe(1);
  });

  it('ends with cancelled when the signal fires during the backoff', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await withRetries(async () => failure('throttled', true), {
      policy,
      clock: fakeClock(),
      random: Math.random,
      stats: emptyCallStats(),
      signal: controller.signal,
    });
    expect(!result.ok && result.error.code).toBe('cancelled');
  });
});

describe('AdaptiveLimiter', () => {
  it('never runs more tasks than the limit, and halves the limit once per pause when throttled', async () => {
    const clock = fakeClock();
    const limiter = new AdaptiveLimiter(8, clock, () => 0.5, 10);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 2));
      active -= 1;
    };
    await Promise.all(Array.from({ length: 40 }, () => limiter.run(task)));
    expect(peak).toBe(8);
    limiter.throttled();
    limiter.throttled();
    expect(limiter.currentLimit).toBe(4);
    await clock.sleep(20);
    limiter.throttled();
    expect(limiter.currentLimit).toBe(2);
    peak = 0;
    await Promise.all(Array.from({ length: 6 }, () => limiter.run(task)));
    expect(peak).toBeLessThanOrEqual(3);
  });
});

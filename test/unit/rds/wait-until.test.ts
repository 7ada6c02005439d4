import { describe, expect, it } from 'vitest';
import { staleGuard, waitUntil } from '../../../electron/rds/wait-until';
import type { RdsErrorCode } from '../../../shared/rds-errors';
import { fail, ok, type Result } from '../../../shared/result';
import { fakeClock } from '../../support/fake-clock';

type Answer = Result<string | null, RdsErrorCode>;

/** A look that gives the answers in turn (the last one again once they run out) and counts its calls. */
function looks(...answers: Answer[]) {
  let calls = 0;
  const look = async () => answers[Math.min(calls++, answers.length - 1)] as Answer;
  return { look, calls: () => calls };
}

describe('waitUntil', () => {
  it('pauses for the initial delay first, then polls at the interval until a value comes', async () => {
    const clock = fakeClock();
    const { look, calls } = looks(ok(null), ok(null), ok('done'));
    const result = await waitUntil(look, 'the change', { clock, initialDelayMs: 2000, intervalMs: 500 });
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(clock.sleeps).toEqual([2000, 500, 500]);
    expect(calls()).toBe(3);
  });

  it('keeps polling through transient failures and stops at the first lasting one', async () => {
    const clock = fakeClock();
    const { look, calls } = looks(
      fail('throttled', 'Throttling.User'),
      fail('instance_busy', 'OperationDenied.DBInstanceStatus'),
      fail('network_timeout', 'timed out'),
      fail('permission_denied', 'no RAM action'),
    );
    const result = await waitUntil(look, 'the change', { clock, intervalMs: 100 });
    expect(result).toEqual(fail('permission_denied', 'no RAM action'));
    expect(calls()).toBe(4);
  });

  it('times out naming what it waited for and the last transient answer', async () => {
    const clock = fakeClock();
    const { look } = looks(ok(null), fail('service_unavailable', 'ServiceUnavailable'));
    const result = await waitUntil(look, 'the public endpoint to appear', { clock, timeoutMs: 5000, intervalMs: 1000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('wait_timeout');
    expect(result.error.message).toContain('Waited 5 s for the public endpoint to appear');
    expect(result.error.message).toContain('last answer: ServiceUnavailable');
  });

  it('ends as cancelled when the signal fires, before the first look or between looks', async () => {
    const before = new AbortController();
    before.abort();
    const first = looks(ok('never'));
    const cancelled = await waitUntil(first.look, 'the change', { clock: fakeClock(), signal: before.signal });
    expect(cancelled.ok ? null : cancelled.error.code).toBe('cancelled');
    expect(first.calls()).toBe(0);

    const during = new AbortController();
    let calls = 0;
    const result = await waitUntil(
      async () => {
        calls += 1;
        if (calls === 2) during.abort();
        return ok(null);
      },
      'the change',
      { clock: fakeClock(), signal: during.signal, intervalMs: 10 },
    );
    expect(result.ok ? null : result.error.code).toBe('cancelled');
    expect(calls).toBe(2);
  });
});

describe('staleGuard', () => {
  it('holds an outcome stale until the marker changes or the task is seen running', () => {
    const unchanged = staleGuard('2026-11-30T08:00:00Z');
    unchanged.see('2026-11-30T08:00:00Z', false);
    expect(unchanged.fresh()).toBe(false);
    unchanged.see('2026-11-30T08:05:00Z', false);
    expect(unchanged.fresh()).toBe(true);

    const running = staleGuard('');
    running.see('', true);
    running.see('', false);
    expect(running.fresh()).toBe(true);
  });

  it('lets a wait ride out an old "failed" answered right after a change was accepted', async () => {
    const answers = [
      { status: 'failed', time: 't0' },
      { status: 'failed', time: 't0' },
      { status: 'setting', time: 't0' },
      { status: 'success', time: 't1' },
    ];
    const guard = staleGuard('t0');
    let index = 0;
    const result = await waitUntil(
      async () => {
        const seen = answers[Math.min(index++, answers.length - 1)] ?? { status: '', time: '' };
        guard.see(seen.time, seen.status === 'setting');
        if (!guard.fresh()) return ok(null);
        if (seen.status === 'failed') return fail('ssl_change_failed', 'failed');
        return ok(seen.status === 'success' ? 'applied' : null);
      },
      'the change',
      { clock: fakeClock(), intervalMs: 10 },
    );
    expect(result).toEqual({ ok: true, value: 'applied' });
  });
});

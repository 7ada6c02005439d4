import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHandlers, createHandlers } from '../../../electron/app/create-handlers';
import { dispatch } from '../../../electron/app/handler-table';
import type { IdleTimers } from '../../../electron/app/idle-lock';
import { testPorts } from './app-ports';

// The idle auto-lock with a fake clock and timer: the real vault, settings file and handler table.

/** A clock and timer that move only when the test says so. */
function fakeTimers() {
  let now = 0;
  const pending = new Map<number, { at: number; callback: () => void }>();
  let next = 1;
  const timers: IdleTimers = {
    now: () => now,
    setTimeout: (callback, ms) => {
      pending.set(next, { at: now + ms, callback });
      return next++;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
  };
  async function advance(ms: number) {
    const until = now + ms;
    for (;;) {
      const due = [...pending].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].callback();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    now = until;
  }
  return { timers, advance };
}

const minute = 60_000;
let home: string;
let app: AppHandlers;
const clock = fakeTimers();
const unlocked = async () => {
  const status = await app.table['vault:status']({});
  return status.ok && status.value.unlocked;
};

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdspg-idle-'));
  app = createHandlers(testPorts(home), clock.timers);
  await app.table['vault:setup']({ password: 'master password 1', remember: false });
});

afterAll(async () => {
  app?.idle.stop();
  await rm(home, { recursive: true, force: true });
});

describe('idle auto-lock', () => {
  it('starts at 15 minutes and offers only off, 5, 15 and 60', async () => {
    expect(await app.table['settings:get']({})).toEqual({ ok: true, value: { idleLockMinutes: 15 } });
    expect(await dispatch(app.table, 'settings:set', { idleLockMinutes: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it('locks after the chosen minutes without a call; any call but the status poll counts as activity', async () => {
    expect(await app.table['settings:set']({ idleLockMinutes: 5 })).toEqual({
      ok: true,
      value: { idleLockMinutes: 5 },
    });
    await clock.advance(4 * minute);
    await app.table['servers:list']({});
    await clock.advance(4 * minute);
    expect(await unlocked()).toBe(true);
    await clock.advance(2 * minute);
    expect(await unlocked()).toBe(false);
  });

  it('changing the setting needs the unlocked vault; the choice is kept for the next start', async () => {
    expect(await app.table['settings:set']({ idleLockMinutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'vault_locked' },
    });
    await app.table['vault:unlock']({ password: 'master password 1', remember: false });
    const again = createHandlers(testPorts(home), clock.timers);
    expect(await again.table['settings:get']({})).toEqual({ ok: true, value: { idleLockMinutes: 5 } });
    again.idle.stop();
  });

  it('off never locks', async () => {
    expect((await app.table['settings:set']({ idleLockMinutes: 0 })).ok).toBe(true);
    await clock.advance(24 * 60 * minute);
    expect(await unlocked()).toBe(true);
  });
});

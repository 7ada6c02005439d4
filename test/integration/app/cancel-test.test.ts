import { mkdtemp, rm } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHandlers, createHandlers } from '../../../electron/app/create-handlers';
import { blankServerForm } from '../../../shared/contract/server-form';
import { type SilentHost, startSilentHost } from '../../support/silent-host';
import { testPorts } from './app-ports';

// A host that accepts TCP and then never says a word: Test connection waits until the user cancels it.
let silent: SilentHost;
let home: string;
let app: AppHandlers;

beforeAll(async () => {
  silent = await startSilentHost();
  home = await mkdtemp(join(tmpdir(), 'rdspg-cancel-test-'));
  app = createHandlers(testPorts(home));
});

afterAll(async () => {
  await silent?.close();
  await rm(home, { recursive: true, force: true });
});

/** 'closed' once the client has closed the connection the silent host accepted, 'open' if not within 5 s. */
const closedWithin = (socket: Socket) =>
  Promise.race([
    socket.destroyed
      ? Promise.resolve('closed')
      : new Promise((resolve) => socket.once('close', () => resolve('closed'))),
    new Promise((resolve) => setTimeout(() => resolve('open'), 5_000)),
  ]);

function silentForm(parameters: { keyword: string; value: string }[]) {
  return {
    ...blankServerForm(),
    name: 'silent',
    host: '127.0.0.1',
    port: silent.port,
    username: 'postgres',
    password: 'secret',
    parameters,
  };
}

async function waitFor<Value>(probe: () => Value | undefined, boundMs: number): Promise<Value> {
  const until = performance.now() + boundMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (performance.now() > until) throw new Error(`nothing after ${boundMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Test connection Cancel against a host that never answers', () => {
  it.each(['disable', 'prefer', 'require'])('sslmode=%s: cancelled at once, and the socket is closed', async (mode) => {
    const before = silent.accepted.length;
    const form = silentForm([{ keyword: 'sslmode', value: mode }]);
    const testId = `test-${mode}`;
    const answer = app.table['connection:test']({ form, testId });
    const socket = await waitFor(() => silent.accepted[before], 10_000);
    // The attempt is waiting on the silent host now; nothing would end it for a long time but Cancel.
    expect(await app.table['connection:cancel-test']({ testId })).toEqual({ ok: true, value: { cancelled: true } });
    const outcome = await Promise.race([
      answer,
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
    ]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await closedWithin(socket)).toBe('closed');
    expect(silent.accepted.length - before, 'no second attempt after Cancel').toBe(1);
  });

  it('connect_timeout=1 without Cancel: timeout, and the socket is closed as well', async () => {
    const before = silent.accepted.length;
    const form = silentForm([
      { keyword: 'sslmode', value: 'require' },
      { keyword: 'connect_timeout', value: '1' },
    ]);
    expect(await app.table['connection:test']({ form })).toMatchObject({ ok: false, error: { code: 'timeout' } });
    const socket = silent.accepted[before];
    if (!socket) throw new Error('the silent host saw no connection');
    expect(await closedWithin(socket)).toBe('closed');
  });

  it('cancelling a test that is not running answers cancelled: false', async () => {
    expect(await app.table['connection:cancel-test']({ testId: 'nothing' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHandlers, createHandlers } from '../../../electron/app/create-handlers';
import { blankServerForm, type ServerForm } from '../../../shared/contract/server-form';
import { type PasswordTrap, startPasswordTrap } from '../../support/password-trap';
import { testPorts } from './app-ports';

// Two fake PostgreSQL servers that ask for a cleartext password and record it: the saved server points at `home`,
// a request that names another host, hostaddr, port or user must not carry the saved password anywhere.

let saved: PasswordTrap;
let other: PasswordTrap;
let folder: string;
let app: AppHandlers;
let serverId: string;
const secret = 'saved secret 42';

function form(change: Partial<ServerForm> = {}): ServerForm {
  return {
    ...blankServerForm(),
    name: 'trap',
    host: '127.0.0.1',
    port: saved.port,
    username: 'alice',
    password: '',
    parameters: [
      { keyword: 'sslmode', value: 'disable' },
      { keyword: 'connect_timeout', value: '10' },
    ],
    ...change,
  };
}

beforeAll(async () => {
  saved = await startPasswordTrap();
  other = await startPasswordTrap();
  folder = await mkdtemp(join(tmpdir(), 'rdspg-saved-secrets-'));
  app = createHandlers(testPorts(folder));
  await app.table['vault:setup']({ password: 'master password 1', remember: false });
  const created = await app.table['servers:create']({ form: form({ password: secret, savePassword: true }) });
  if (!created.ok) throw new Error(created.error.message);
  serverId = created.value.id;
});

afterAll(async () => {
  await app?.sessions.closeAll();
  await saved?.close();
  await other?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('saved secrets go only where they were saved for', () => {
  it('Test connection of the saved endpoint sends the saved password', async () => {
    await app.table['connection:test']({ form: form(), serverId });
    expect(saved.captured).toEqual([secret]);
  });

  it('Test connection with another port, host, hostaddr or user does not send it', async () => {
    saved.captured.length = 0;
    const moved = [
      form({ port: other.port }),
      form({ host: 'localhost' }),
      form({ parameters: [...form().parameters, { keyword: 'hostaddr', value: '127.0.0.1' }] }),
      form({ username: 'mallory' }),
    ];
    for (const request of moved) {
      const answer = await app.table['connection:test']({ form: request, serverId });
      expect(answer.ok).toBe(false);
    }
    expect([...saved.captured, ...other.captured]).not.toContain(secret);
  });

  it('a typed password still goes to the new endpoint', async () => {
    other.captured.length = 0;
    await app.table['connection:test']({ form: form({ port: other.port, password: 'typed' }), serverId });
    expect(other.captured).toEqual(['typed']);
  });

  it('with the vault locked, moving the server is refused and nothing changes', async () => {
    await app.table['vault:lock']({});
    const moved = await app.table['servers:update']({
      id: serverId,
      form: form({ port: other.port, savePassword: true }),
    });
    expect(moved).toMatchObject({ ok: false, error: { code: 'vault_locked' } });
    expect(await app.table['servers:get']({ id: serverId })).toMatchObject({
      ok: true,
      value: { summary: { port: saved.port, passwordSaved: true } },
    });
    await app.table['vault:unlock']({ password: 'master password 1', remember: false });
  });

  it('with the vault locked, turning Save password off is refused rather than leaving the password saved', async () => {
    await app.table['vault:lock']({});
    const unticked = await app.table['servers:update']({ id: serverId, form: form({ savePassword: false }) });
    expect(unticked).toMatchObject({ ok: false, error: { code: 'vault_locked' } });
    await app.table['vault:unlock']({ password: 'master password 1', remember: false });
    expect(await app.table['servers:get']({ id: serverId })).toMatchObject({
      ok: true,
      value: { summary: { passwordSaved: true } },
    });
  });

  it('moving the saved server to another port forgets its saved password', async () => {
    other.captured.length = 0;
    const moved = form({ port: other.port, savePassword: true });
    const updated = await app.table['servers:update']({ id: serverId, form: moved });
    expect(updated).toMatchObject({ ok: true, value: { passwordSaved: false } });
    const connected = await app.table['connection:connect']({ id: serverId });
    expect(connected.ok).toBe(false);
    expect(other.captured).not.toContain(secret);
  });

  it('editing a server down to a weaker sslmode or another root certificate forgets its saved password', async () => {
    const strict = (sslmode: string, sslrootcert = '/etc/rdspg-test/root.crt') =>
      form({
        name: 'strict',
        savePassword: true,
        parameters: [
          { keyword: 'sslmode', value: sslmode },
          { keyword: 'sslrootcert', value: sslrootcert },
        ],
      });
    const created = await app.table['servers:create']({ form: { ...strict('verify-ca'), password: secret } });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const passwordSaved = async () => {
      const shown = await app.table['servers:get']({ id });
      return shown.ok ? shown.value.summary.passwordSaved : null;
    };
    await app.table['servers:update']({ id, form: strict('verify-full') });
    expect(await passwordSaved()).toBe(true);
    await app.table['servers:update']({ id, form: strict('verify-full', '/etc/rdspg-test/other-root.crt') });
    expect(await passwordSaved()).toBe(false);
    await app.table['servers:update']({ id, form: { ...strict('verify-full'), password: secret } });
    expect(await passwordSaved()).toBe(true);
    await app.table['servers:update']({ id, form: strict('require') });
    expect(await passwordSaved()).toBe(false);
  });
});

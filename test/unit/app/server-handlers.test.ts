import { describe, expect, it } from 'vitest';
import { createConnectionHandlers } from '../../../electron/app/handlers/connection-handlers';
import { createServerHandlers } from '../../../electron/app/handlers/server-handlers';
import type { AppPorts, CertsPort } from '../../../electron/app/ports';
import type { RdsAppPort } from '../../../electron/app/rds-ports';
import { SessionRegistry } from '../../../electron/app/sessions';
import { blankServerForm, type ServerForm } from '../../../shared/contract/server-form';
import { FakeRegistry, FakeVault, RecordingEngine } from '../../support/fakes';

/** The server and connection handlers on in-memory ports; certificates and the cloud panel are not reached. */
function inMemoryApp() {
  const calls: string[] = [];
  const vault = new FakeVault(calls);
  const registry = new FakeRegistry(calls);
  const engine = new RecordingEngine();
  const ports: AppPorts = {
    mode: 'server',
    version: 'test',
    home: '/nonexistent',
    env: {},
    vault,
    registry,
    engine,
    certs: {} as CertsPort,
    chooseFile: null,
    rds: {} as RdsAppPort,
  };
  const table = {
    ...createServerHandlers(ports, async () => {}),
    ...createConnectionHandlers(ports, new SessionRegistry()),
  };
  return { calls, vault, registry, engine, table };
}

/** The saved fields: a saved password comes with the record of what it was saved for. */
function savedFields(app: ReturnType<typeof inMemoryApp>): string[] {
  return [...app.vault.secrets.values()].map((entry) => entry.address.field);
}

function form(change: Partial<ServerForm> = {}): ServerForm {
  return {
    ...blankServerForm(),
    name: 'lab',
    host: 'db.example.test',
    port: 5432,
    username: 'app',
    password: 'server password',
    savePassword: true,
    ...change,
  };
}

/** Creates the server `lab` with its password saved and returns its id. */
async function createdServer(app: ReturnType<typeof inMemoryApp>): Promise<string> {
  const created = await app.table['servers:create']({ form: form() });
  if (!created.ok) throw new Error(created.error.message);
  expect(created.value.passwordSaved).toBe(true);
  return created.value.id;
}

describe('server handlers on in-memory ports', () => {
  it('create: a secret that cannot be written removes the new server again', async () => {
    const app = inMemoryApp();
    app.vault.state.failWrites = true;
    const created = await app.table['servers:create']({ form: form() });
    expect(created).toMatchObject({ ok: false, error: { code: 'vault_locked' } });
    expect(app.calls.filter((call) => call.startsWith('registry.'))).toEqual(['registry.create', 'registry.remove']);
    expect(app.registry.servers.size).toBe(0);
  });

  it('delete with a locked vault is refused and keeps the server and its password', async () => {
    const app = inMemoryApp();
    const id = await createdServer(app);
    app.vault.lock();
    const deleted = await app.table['servers:delete']({ id });
    expect(deleted).toMatchObject({
      ok: false,
      error: { code: 'vault_locked', message: expect.stringMatching(/deleting the server/) },
    });
    expect(app.registry.servers.has(id)).toBe(true);
    expect(savedFields(app)).toEqual(['password', 'binding:password']);
  });

  it('update moving the server forgets the old password before the registry changes', async () => {
    const app = inMemoryApp();
    const id = await createdServer(app);
    app.calls.length = 0;
    const updated = await app.table['servers:update']({ id, form: form({ host: 'other.example.test', password: '' }) });
    expect(updated).toMatchObject({ ok: true, value: { passwordSaved: false, host: 'other.example.test' } });
    expect(savedFields(app)).toEqual([]);
    const forgotten = app.calls.indexOf('vault.deleteSecrets:password');
    expect(forgotten).toBeGreaterThan(-1);
    expect(forgotten).toBeLessThan(app.calls.indexOf('registry.update'));
  });

  it('update moving the server while locked is refused and changes nothing', async () => {
    const app = inMemoryApp();
    const id = await createdServer(app);
    app.vault.lock();
    const updated = await app.table['servers:update']({ id, form: form({ host: 'other.example.test', password: '' }) });
    expect(updated).toMatchObject({ ok: false, error: { code: 'vault_locked' } });
    expect(app.registry.servers.get(id)?.host).toBe('db.example.test');
    expect(savedFields(app)).toEqual(['password', 'binding:password']);
  });

  it('update with Save password off while locked is vault_locked: the saved password cannot be forgotten', async () => {
    const app = inMemoryApp();
    const id = await createdServer(app);
    app.vault.lock();
    const updated = await app.table['servers:update']({ id, form: form({ savePassword: false, password: '' }) });
    expect(updated).toMatchObject({ ok: false, error: { code: 'vault_locked' } });
    expect(app.registry.servers.get(id)?.savePassword).toBe(true);
    expect(savedFields(app)).toEqual(['password', 'binding:password']);
  });

  it('list with a damaged vault is vault_corrupt, not a list without saved passwords', async () => {
    const app = inMemoryApp();
    await createdServer(app);
    app.vault.state.corrupt = true;
    expect(await app.table['servers:list']({})).toMatchObject({ ok: false, error: { code: 'vault_corrupt' } });
  });
});

describe('connection handlers on in-memory ports', () => {
  it('Test connection on the saved endpoint uses the saved password', async () => {
    const app = inMemoryApp();
    const id = await createdServer(app);
    const tested = await app.table['connection:test']({ form: form({ password: '' }), serverId: id });
    expect(tested.ok).toBe(true);
    expect(app.engine.requests.at(-1)?.keywords.password).toBe('server password');
  });

  it('Test connection with another port hands the engine no saved password', async () => {
    const app = inMemoryApp();
    const id = await createdServer(app);
    const tested = await app.table['connection:test']({ form: form({ port: 5433, password: '' }), serverId: id });
    expect(tested).toMatchObject({ ok: true, value: { port: 5433 } });
    expect(app.engine.requests).toHaveLength(1);
    expect(app.engine.requests[0]?.keywords).not.toHaveProperty('password');
    expect(JSON.stringify(app.engine.requests[0]?.keywords)).not.toContain('server password');
  });
});

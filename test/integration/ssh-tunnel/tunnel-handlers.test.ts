import { appendFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHandlers, createHandlers } from '../../../electron/app/create-handlers';
import type { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { ServerRegistry } from '../../../electron/registry';
import { blankServerForm, type ServerForm } from '../../../shared/contract/server-form';
import { tunnelSecretField } from '../../../shared/tunnel-fields';
import { startCluster } from '../../support/cluster';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { ownConnectionsTo } from '../../support/own-sockets';
import { settledChildCount, startSshd, type TestSshd } from '../../support/sshd';
import { testPorts } from '../app/app-ports';

// The app's handlers with a saved server behind an SSH tunnel: Test connection, Connect, the query tool (and its
// cancel, a second connection through the tunnel), and the saved tunnel password bound to the jump host.
let sshd: TestSshd;
let cluster: LocalPostgresCluster;
let folder: string;
let app: AppHandlers;

beforeAll(async () => {
  sshd = await startSshd();
  cluster = await startCluster({
    hba: ['host all app 127.0.0.1/32 scram-sha-256'],
    sql: ["create role app login password 'app-secret'", 'create database other owner app'],
  });
  folder = await mkdtemp(join(tmpdir(), 'rdspg-tunnel-app-'));
  await writeFile(join(folder, 'known_hosts'), `[127.0.0.1]:${sshd.port} ${sshd.hostPublicKey}\n`);
  app = createHandlers(testPorts(folder));
  await app.table['vault:setup']({ password: 'master password 1', remember: false });
}, 120_000);

afterAll(async () => {
  await app?.sessions.closeAll();
  await cluster?.destroy();
  await sshd?.stop();
});

const form = (change: Partial<ServerForm> = {}): ServerForm => ({
  ...blankServerForm(),
  name: 'jump',
  host: '127.0.0.1',
  port: cluster.port,
  username: 'app',
  password: 'app-secret',
  savePassword: true,
  parameters: [{ keyword: 'sslmode', value: 'disable' }],
  tunnel: {
    host: '127.0.0.1',
    port: sshd.port,
    username: sshd.user,
    authentication: 'password',
    identityFile: '',
    keepAlive: 10,
    savePassword: true,
  },
  tunnelPassword: sshd.password,
  ...change,
});

describe('saved servers behind an SSH tunnel in the app', () => {
  it('Test connection, Connect and the query tool go through the tunnel with the saved tunnel password', async () => {
    expect(await app.table['connection:test']({ form: form() })).toMatchObject({ ok: true, value: { ssl: false } });
    const created = await app.table['servers:create']({ form: form() });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const connected = await app.table['connection:connect']({ id });
    expect(connected).toMatchObject({ ok: true });
    const sleeping = app.table['query:run']({ serverId: id, sql: 'select pg_sleep(30)', rowLimit: 100 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await app.table['query:cancel']({ serverId: id })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await sleeping).toMatchObject({ ok: true, value: { outcome: 'error' } });
    const ran = await app.table['query:run']({
      serverId: id,
      sql: 'select inet_client_addr() as client',
      rowLimit: 100,
    });
    expect(ran).toMatchObject({ ok: true, value: { outcome: 'rows', rowCount: 1 } });
    // The query tool on another database opens one more connection: through the tunnel too, never around it.
    const elsewhere = await app.table['query:run']({
      serverId: id,
      sql: 'select current_database() as name',
      rowLimit: 100,
      database: 'other',
    });
    expect(elsewhere).toMatchObject({ ok: true, value: { outcome: 'rows', rows: [['other']] } });
    expect(await ownConnectionsTo(cluster.port)).toBe(0);
    expect(await sshd.childCount()).toBeGreaterThan(0);
    await app.table['connection:disconnect']({ id });
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
    expect(await settledChildCount(sshd)).toBe(0);
  }, 60_000);

  it('forgets the saved tunnel password when the tunnel moves to another jump host user', async () => {
    const created = await app.table['servers:create']({ form: form({ name: 'moving' }) });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const vault = testPorts(folder).vault;
    const address = { ownerKind: 'server' as const, ownerId: id, field: tunnelSecretField };
    await vault.unlock('master password 1', false);
    expect(await vault.hasSecret(address)).toEqual({ ok: true, value: true });
    const moved = form({ name: 'moving', password: '', tunnelPassword: '' });
    const updated = await app.table['servers:update']({
      id,
      form: { ...moved, tunnel: { ...moved.tunnel!, username: 'someone-else' } },
    });
    expect(updated.ok).toBe(true);
    expect(await vault.hasSecret(address)).toEqual({ ok: true, value: false });
    const refused = await app.table['connection:connect']({ id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'tunnel_password_required' } });
    expect(await settledChildCount(sshd)).toBe(0);
  });

  it('the database password saved through one jump host is not sent through another, and moving the jump host forgets it', async () => {
    await appendFile(join(folder, 'known_hosts'), `[localhost]:${sshd.port} ${sshd.hostPublicKey}\n`);
    const created = await app.table['servers:create']({ form: form({ name: 'jumping' }) });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const typedNothing = form({ name: 'jumping', password: '' });
    const elsewhere = { ...typedNothing, tunnel: { ...typedNothing.tunnel!, host: 'localhost' } };
    expect(await app.table['connection:test']({ form: typedNothing, serverId: id })).toMatchObject({ ok: true });
    const tested = await app.table['connection:test']({ form: elsewhere, serverId: id });
    expect(tested).toMatchObject({ ok: false, error: { code: 'saved_password_elsewhere' } });
    if (!tested.ok)
      expect(tested.error.message).toContain(`through the SSH jump host ${sshd.user}@localhost:${sshd.port}`);
    expect(await app.table['servers:update']({ id, form: elsewhere })).toMatchObject({
      ok: true,
      value: { passwordSaved: false },
    });
    expect(await app.table['connection:connect']({ id })).toMatchObject({
      ok: false,
      error: { code: 'password_required' },
    });
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
    expect(await settledChildCount(sshd)).toBe(0);
  }, 60_000);

  it('the saved tunnel password goes only to the jump host the vault recorded, not to one written into servers.json', async () => {
    await appendFile(join(folder, 'known_hosts'), `[localhost]:${sshd.port} ${sshd.hostPublicKey}\n`);
    const created = await app.table['servers:create']({ form: form({ name: 'recorded', password: '' }) });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    expect(await app.table['connection:connect']({ id })).toMatchObject({
      ok: false,
      error: { code: 'password_required' },
    });
    // servers.json is a plain file: another jump host written into it (here by the registry alone, as an editor
    // would) is not where the vault's record says the tunnel password was saved for.
    const tampered = await new ServerRegistry({ folder }).update(id, {
      tunnel: { ...form().tunnel!, host: 'localhost' },
    });
    expect(tampered.ok).toBe(true);
    const refused = await app.table['connection:connect']({ id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'tunnel_password_required' } });
    // Typed, it goes; the saved one still belongs to the recorded jump host.
    const typed = await app.table['connection:test']({
      form: form({ name: 'recorded', password: 'app-secret', tunnel: { ...form().tunnel!, host: 'localhost' } }),
      serverId: id,
    });
    expect(typed).toMatchObject({ ok: true });
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
    expect(await settledChildCount(sshd)).toBe(0);
  }, 60_000);
});

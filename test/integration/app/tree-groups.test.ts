import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHandlers, createHandlers } from '../../../electron/app/create-handlers';
import { parseConninfo } from '../../../electron/engine/conninfo';
import { serverKeywords } from '../../../electron/registry/server-keywords';
import { blankServerForm } from '../../../shared/contract/server-form';
import { startTlsServer, type TlsServer } from '../../e2e/support/tls-server';
import { testPorts } from './app-ports';

const run = promisify(execFile);
let server: TlsServer;
let home: string;
let app: AppHandlers;
let serverId = '';
const applicationName = "it's a \\ test";

beforeAll(async () => {
  server = await startTlsServer();
  await server.cluster.sql(`create database "sales db"`);
  await server.cluster.sql('create database closed with allow_connections false');
  await server.cluster.sql('create database tmpl is_template true');
  home = await mkdtemp(join(tmpdir(), 'rdspg-tree-'));
  app = createHandlers(testPorts(home));
  await app.table['vault:setup']({ password: 'master password 1', remember: false });
  const created = await app.table['servers:create']({
    form: {
      ...blankServerForm(),
      name: 'lab',
      host: '127.0.0.1',
      port: server.cluster.port,
      username: 'postgres',
      password: server.password,
      savePassword: true,
      parameters: [
        { keyword: 'sslmode', value: 'verify-full' },
        { keyword: 'sslrootcert', value: server.root.own.certPath },
        { keyword: 'application_name', value: applicationName },
      ],
    },
  });
  if (!created.ok) throw new Error(created.error.message);
  serverId = created.value.id;
}, 120_000);

afterAll(async () => {
  await app?.sessions.closeAll();
  await server?.destroy();
  await rm(home, { recursive: true, force: true });
});

/** The server's backends of the app (by application_name) per database, from a separate superuser session. */
async function backends(): Promise<Record<string, number>> {
  const rows = await server.cluster.sql(
    `select datname, count(*)::int as n from pg_stat_activity where application_name = '${applicationName.replace(/'/g, "''")}' group by datname`,
  );
  return Object.fromEntries(rows.map((row) => [String(row.datname), Number(row.n)]));
}

describe('server groups through the handlers', () => {
  it('creates a group, refuses a duplicate with a code, deletes it and moves its servers to Servers', async () => {
    const t = app.table;
    expect(await t['servers:group-create']({ name: 'Reports' })).toEqual({ ok: true, value: { group: 'Reports' } });
    expect(await t['servers:group-create']({ name: 'reports' })).toMatchObject({
      ok: false,
      error: { code: 'duplicate_group' },
    });
    const details = await t['servers:get']({ id: serverId });
    if (!details.ok) throw new Error(details.error.message);
    await t['servers:update']({ id: serverId, form: { ...details.value.form, group: 'Reports' } });
    expect(await t['servers:group-rename']({ from: 'Reports', to: 'Reporting' })).toMatchObject({ ok: true });
    expect(await t['servers:group-delete']({ name: 'Reporting' })).toEqual({
      ok: true,
      value: { group: 'Reporting', moved: 1 },
    });
    const listed = await t['servers:list']({});
    expect(listed.ok && listed.value.groups).toEqual(['Servers']);
    expect(listed.ok && listed.value.servers[0]?.group).toBe('Servers');
    expect(await t['servers:group-delete']({ name: 'Servers' })).toMatchObject({
      ok: false,
      error: { code: 'default_group' },
    });
  });
});

describe('Copy as conninfo / JDBC URL', () => {
  it('the conninfo parses back to the saved keywords, has no password, and psql (libpq) connects with it', async () => {
    const answer = await app.table['servers:export']({ id: serverId, format: 'conninfo' });
    if (!answer.ok) throw new Error(answer.error.message);
    const saved = await app.table['servers:get']({ id: serverId });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(answer.value.text).not.toContain(server.password);
    expect(answer.value.text).toContain("application_name='it\\'s a \\\\ test'");
    const { password: _password, ...fields } = { ...saved.value.form };
    expect(parseConninfo(answer.value.text)).toEqual({ ok: true, value: serverKeywords(fields) });
    const psql = await run(
      'psql',
      [
        `${answer.value.text} dbname='sales db'`,
        '-XtAc',
        "select current_database(), current_setting('application_name')",
      ],
      { env: { PATH: process.env.PATH, HOME: home, PGPASSWORD: server.password }, timeout: 30_000 },
    );
    expect(psql.stdout.trim()).toBe(`sales db|${applicationName}`);
  });

  it('the JDBC URL carries pgJDBC’s SSL parameters and never the password', async () => {
    const answer = await app.table['servers:export']({ id: serverId, format: 'jdbc' });
    if (!answer.ok) throw new Error(answer.error.message);
    const url = new URL(answer.value.text.replace(/^jdbc:/, ''));
    expect(answer.value.text.startsWith(`jdbc:postgresql://127.0.0.1:${server.cluster.port}/postgres?`)).toBe(true);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      user: 'postgres',
      ssl: 'true',
      sslmode: 'verify-full',
      sslrootcert: server.root.own.certPath,
      ApplicationName: applicationName,
    });
    expect(answer.value.text).not.toContain(server.password);
    expect(answer.value.notes.join(' ')).toContain('password');
  });
});

describe('databases of a connected server and the query tool on one of them', () => {
  it('lists only databases a user can open, and not before connecting', async () => {
    expect(await app.table['connection:databases']({ id: serverId })).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
    const connected = await app.table['connection:connect']({ id: serverId });
    expect(connected).toMatchObject({ ok: true });
    expect(await app.table['connection:databases']({ id: serverId })).toEqual({
      ok: true,
      value: { databases: ['postgres', 'sales db'] },
    });
  });

  it('runs on the chosen database with the same user and settings; the maintenance database stays as it was', async () => {
    const query = "select current_database(), current_user, current_setting('application_name')";
    const chosen = await app.table['query:run']({ serverId, sql: query, rowLimit: 10, database: 'sales db' });
    expect(chosen).toMatchObject({
      ok: true,
      value: { outcome: 'rows', rows: [['sales db', 'postgres', applicationName]] },
    });
    const plain = await app.table['query:run']({ serverId, sql: query, rowLimit: 10 });
    expect(plain).toMatchObject({ ok: true, value: { rows: [['postgres', 'postgres', applicationName]] } });
    const again = await app.table['query:run']({ serverId, sql: 'select 1', rowLimit: 10, database: 'sales db' });
    expect(again.ok).toBe(true);
    expect(await backends()).toEqual({ postgres: 1, 'sales db': 1 });
  });

  it('a database that cannot be opened fails with a code and leaves no connection behind', async () => {
    const closed = await app.table['query:run']({ serverId, sql: 'select 1', rowLimit: 10, database: 'closed' });
    expect(closed.ok).toBe(false);
    const missing = await app.table['query:run']({ serverId, sql: 'select 1', rowLimit: 10, database: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'database_missing' } });
    expect(await backends()).toEqual({ postgres: 1, 'sales db': 1 });
  });

  it('Disconnect closes the connections opened for other databases too', async () => {
    expect(await app.table['connection:disconnect']({ id: serverId })).toEqual({ ok: true, value: {} });
    await expect.poll(backends, { timeout: 10_000 }).toEqual({});
  });
});

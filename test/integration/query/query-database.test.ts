import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type QueryLab, startQueryLab } from './query-lab';

let lab: QueryLab;
const call: QueryLab['call'] = (name, payload) => lab.call(name, payload);

/** The app's backends on the server (TCP from loopback; the checks themselves come over the Unix socket). */
function appBackends(): Promise<Record<string, unknown>[]> {
  return lab.cluster.sql(
    "select pid, datname, state, query from pg_stat_activity where backend_type = 'client backend' and client_addr is not null order by datname, pid",
  );
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('the server never reached the expected state');
}

beforeAll(async () => {
  lab = await startQueryLab({
    password: 'query-db-pa55-word',
    sql: ['create role reporting', 'create database sales owner reporting'],
    role: 'reporting',
  });
}, 120_000);

afterAll(async () => {
  await lab?.destroy();
});

describe('query tool on a chosen database', () => {
  it('runs on the database named in the request, with the server’s Role; without one, on the session’s database', async () => {
    const chosen = await call('query:run', {
      serverId: 'lab',
      database: 'sales',
      sql: 'select current_database(), current_user',
    });
    expect(chosen.value).toMatchObject({ outcome: 'rows', rows: [['sales', 'reporting']], command: 'SELECT 1' });
    const own = await call('query:run', { serverId: 'lab', sql: 'select current_database()' });
    expect(own.value.rows).toEqual([['postgres']]);
    const named = await call('query:run', { serverId: 'lab', database: 'postgres', sql: 'select current_database()' });
    expect(named.value.rows).toEqual([['postgres']]);
    const databases = (await appBackends()).map((row) => row.datname);
    expect(databases).toEqual(['postgres', 'sales']);
  });

  it('counts rows and gives command tags: 0 rows, 1 row, UPDATE 3, INSERT 0 2, CREATE TABLE', async () => {
    const run = (sql: string) => call('query:run', { serverId: 'lab', database: 'sales', sql });
    expect((await run('create table items (n int)')).value).toMatchObject({
      command: 'CREATE TABLE',
      columns: [],
      rowCount: 0,
    });
    expect((await run('insert into items values (1), (2)')).value).toMatchObject({
      command: 'INSERT 0 2',
      rowCount: 0,
    });
    expect((await run('insert into items values (3)')).value.command).toBe('INSERT 0 1');
    expect((await run('update items set n = n * 10')).value).toMatchObject({ command: 'UPDATE 3', columns: [] });
    const none = await run('select n from items where n < 0');
    expect(none.value).toMatchObject({ command: 'SELECT 0', rowCount: 0, rows: [] });
    expect(none.value.columns).toEqual([{ name: 'n', type: 'integer' }]);
    const one = await run('select n from items where n = 20');
    expect(one.value).toMatchObject({ command: 'SELECT 1', rowCount: 1, rows: [['20']] });
    const postgresSide = await call('query:run', { serverId: 'lab', sql: "select to_regclass('items') is null" });
    expect(postgresSide.value.rows).toEqual([['true']]);
  });

  it('cancels select pg_sleep(30) on the chosen database and leaves nothing running on the server', async () => {
    const running = call('query:run', { serverId: 'lab', database: 'sales', sql: 'select pg_sleep(30)' });
    await waitFor(async () =>
      (await appBackends()).some((row) => row.query === 'select pg_sleep(30)' && row.state === 'active'),
    );
    const onOwn = await call('query:cancel', { serverId: 'lab' });
    expect(onOwn).toEqual({ ok: true, value: { cancelled: false } });
    const cancelled = await call('query:cancel', { serverId: 'lab', database: 'sales' });
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
    const answer = await running;
    expect(answer.value.outcome).toBe('error');
    expect(answer.value.error).toMatchObject({ sqlState: '57014' });
    expect(answer.value.durationMs).toBeLessThan(30_000);
    await waitFor(async () => (await appBackends()).length === 2);
    const left = await appBackends();
    expect(left.map((row) => [row.datname, row.state])).toEqual([
      ['postgres', 'idle'],
      ['sales', 'idle'],
    ]);
    const after = await call('query:run', { serverId: 'lab', database: 'sales', sql: 'select 7' });
    expect(after.value.rows).toEqual([['7']]);
  });

  it('a database that does not exist is an error with the server’s words; an empty name is refused', async () => {
    const missing = await call('query:run', { serverId: 'lab', database: 'nosuchdb', sql: 'select 1' });
    expect(missing.ok).toBe(false);
    expect(missing.error.message).toContain('database "nosuchdb" does not exist');
    expect(await call('query:run', { serverId: 'lab', database: '', sql: 'select 1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect((await appBackends()).map((row) => row.datname)).toEqual(['postgres', 'sales']);
  });

  it('disconnecting closes the connections opened for other databases', async () => {
    expect(await lab.sessions.close('lab')).toBe(true);
    await waitFor(async () => (await appBackends()).length === 0);
    expect(await call('query:run', { serverId: 'lab', database: 'sales', sql: 'select 1' })).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
  });
});

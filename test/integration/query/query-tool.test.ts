import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateError, utf16Offset } from '../../../renderer/query/error-position';
import type { QueryOutcome } from '../../../shared/contract/query';
import { type QueryLab, startQueryLab } from './query-lab';

let lab: QueryLab;
const call: QueryLab['call'] = (name, payload) => lab.call(name, payload);

beforeAll(async () => {
  lab = await startQueryLab({ password: 'query-pa55-word' });
}, 120_000);

afterAll(async () => {
  await lab?.destroy();
});

describe('query tool on a connected server over TLS (verify-full)', () => {
  it('runs a query: columns with their types, values as the server prints them (booleans as true/false), the command tag', async () => {
    const answer = await call('query:run', {
      serverId: 'lab',
      sql: "select ssl, version as tls, 42::int4 as answer, 'x'::varchar(20) as v, null::text as nothing from pg_stat_ssl where pid = pg_backend_pid()",
    });
    expect(answer.ok).toBe(true);
    const value = answer.value as QueryOutcome & { outcome: 'rows' };
    expect(value.outcome).toBe('rows');
    expect(value.columns).toEqual([
      { name: 'ssl', type: 'boolean' },
      { name: 'tls', type: 'text' },
      { name: 'answer', type: 'integer' },
      { name: 'v', type: 'character varying(20)' },
      { name: 'nothing', type: 'text' },
    ]);
    expect(value.rows).toHaveLength(1);
    expect(value.rows[0]?.[0]).toBe('true');
    expect(value.rows[0]?.[1]).toMatch(/^TLSv1\.[23]$/);
    expect(value.rows[0]?.slice(2)).toEqual(['42', 'x', null]);
    expect(value).toMatchObject({ command: 'SELECT 1', rowCount: 1, truncated: false, rowLimit: 1000 });
    expect(value.durationMs).toBeGreaterThanOrEqual(0);
    const booleans = await call('query:run', { serverId: 'lab', sql: "select false, true, null::bool, 'f'::text" });
    expect(booleans.value.rows).toEqual([['false', 'true', null, 'f']]);
  });

  it('cuts a result at the row limit (1000 by default) and says so, with the full row count', async () => {
    const cut = await call('query:run', { serverId: 'lab', sql: 'select g from generate_series(1, 2500) g' });
    expect(cut.value).toMatchObject({ outcome: 'rows', rowCount: 2500, truncated: true, rowLimit: 1000 });
    expect(cut.value.rows).toHaveLength(1000);
    expect(cut.value.rows.at(-1)).toEqual(['1000']);
    const asked = await call('query:run', {
      serverId: 'lab',
      sql: 'select g from generate_series(1, 7) g',
      rowLimit: 5,
    });
    expect(asked.value).toMatchObject({ rowCount: 7, truncated: true, rowLimit: 5 });
    expect(asked.value.rows).toHaveLength(5);
    const exact = await call('query:run', {
      serverId: 'lab',
      sql: 'select g from generate_series(1, 5) g',
      rowLimit: 5,
    });
    expect(exact.value).toMatchObject({ rowCount: 5, truncated: false });
  });

  it('several statements: the last one answers; a statement without rows gives its command tag', async () => {
    const answer = await call('query:run', {
      serverId: 'lab',
      sql: 'create temporary table t (n int); insert into t values (1), (2), (3); select sum(n) from t',
    });
    expect(answer.value).toMatchObject({ outcome: 'rows', command: 'SELECT 1', rows: [['6']] });
    const update = await call('query:run', { serverId: 'lab', sql: 'update t set n = n + 1' });
    expect(update.value).toMatchObject({ outcome: 'rows', command: 'UPDATE 3', columns: [], rows: [], rowCount: 0 });
  });

  it('a syntax error comes back as data with the server message and the 1-based position it points at', async () => {
    const sql = 'select 1,\n  2 frm pg_class';
    const answer = await call('query:run', { serverId: 'lab', sql });
    expect(answer.ok).toBe(true);
    expect(answer.value.outcome).toBe('error');
    expect(answer.value.error).toMatchObject({ sqlState: '42601', severity: 'ERROR' });
    expect(answer.value.error.message).toContain('syntax error at or near "pg_class"');
    expect(sql.slice(answer.value.error.position - 1).startsWith('pg_class')).toBe(true);
    expect(locateError(sql, answer.value.error.position)).toEqual({ line: 2, column: 9, lineText: '  2 frm pg_class' });
    const after = await call('query:run', { serverId: 'lab', sql: 'select 2' });
    expect(after.value.rows).toEqual([['2']]);
  });

  it('positions count characters (not bytes, not UTF-16 units) after non-ASCII text', async () => {
    const sql = "select '数据安全性🐘' as 名称, nosuchcolumn";
    const answer = await call('query:run', { serverId: 'lab', sql });
    expect(answer.value.error.sqlState).toBe('42703');
    expect(
      Array.from(sql)
        .slice(answer.value.error.position - 1)
        .join(''),
    ).toBe('nosuchcolumn');
    const offset = utf16Offset(sql, answer.value.error.position);
    expect(sql.slice(offset)).toBe('nosuchcolumn');
    expect(locateError(sql, answer.value.error.position)).toMatchObject({ line: 1, column: 24 });
  });

  it('cancels select pg_sleep(30) through a second connection; the run answers with the cancel error', async () => {
    const running = call('query:run', { serverId: 'lab', sql: 'select pg_sleep(30)' });
    let active: Record<string, unknown>[] = [];
    for (let attempt = 0; attempt < 100 && active.length === 0; attempt += 1) {
      await new Promise((done) => setTimeout(done, 50));
      active = await lab.cluster.sql(
        "select pid from pg_stat_activity where query = 'select pg_sleep(30)' and state = 'active'",
      );
    }
    expect(active).toHaveLength(1);
    const busy = await call('query:run', { serverId: 'lab', sql: 'select 1' });
    expect(busy).toMatchObject({ ok: false, error: { code: 'query_running' } });
    const cancelled = await call('query:cancel', { serverId: 'lab' });
    expect(cancelled).toEqual({ ok: true, value: { cancelled: true } });
    const answer = await running;
    expect(answer.value.outcome).toBe('error');
    expect(answer.value.error).toMatchObject({ sqlState: '57014', message: 'canceling statement due to user request' });
    const still = await lab.cluster.sql(
      "select pid from pg_stat_activity where query = 'select pg_sleep(30)' and state = 'active'",
    );
    expect(still).toEqual([]);
    const idle = await call('query:cancel', { serverId: 'lab' });
    expect(idle).toEqual({ ok: true, value: { cancelled: false } });
    const after = await call('query:run', { serverId: 'lab', sql: 'select 3' });
    expect(after.value.rows).toEqual([['3']]);
  });

  it('answers not_connected for a server without a session, and invalid_request for empty SQL', async () => {
    expect(await call('query:run', { serverId: 'nobody', sql: 'select 1' })).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
    expect(await call('query:cancel', { serverId: 'nobody' })).toMatchObject({
      ok: false,
      error: { code: 'not_connected' },
    });
    expect(await call('query:run', { serverId: 'lab', sql: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(await call('query:run', { serverId: 'lab', sql: 'select 1', rowLimit: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });
});

import type { ConnectErrorCode } from '../../shared/connect-errors';
import type { QueryErrorCode, QueryOutcome, ResultColumn } from '../../shared/contract/query';
import { fail, ok, type Result } from '../../shared/result';
import { type OpenConnection, openConnection } from '../engine/pg-client';
import { LimitedQuery, type RawColumn } from './limited-query-service';

/** One connection's query runner: one query at a time, cancellable from a second connection. */
interface QueryRunner {
  run(sql: string, rowLimit: number): Promise<Result<QueryOutcome, 'query_running'>>;
  /** Cancels the running query with pg_cancel_backend; `cancelled` is false when nothing was running. */
  cancel(): Promise<Result<{ cancelled: boolean }, ConnectErrorCode>>;
}

/** The query tool's side of an open session: runs on the session's database or on another database of the server. */
export interface SqlSession {
  /** Runs SQL on `database` (the session's own database when absent), opening a connection to it on first use. */
  run(sql: string, rowLimit: number, database?: string): Promise<Result<QueryOutcome, QueryErrorCode>>;
  /** Cancels what runs on `database` (the session's own database when absent). */
  cancel(database?: string): Promise<Result<{ cancelled: boolean }, ConnectErrorCode>>;
  /** Closes the connections opened for other databases. */
  close(): Promise<void>;
}

/** The type names of a result's columns, as format_type() spells them; the OID when the lookup fails. */
async function columnTypes(connection: OpenConnection, columns: RawColumn[]): Promise<ResultColumn[]> {
  const fallback = columns.map((column) => ({ name: column.name, type: `oid ${column.typeOid}` }));
  if (columns.length === 0) return fallback;
  try {
    const { rows } = await connection.client.query<{ type: string }>(
      'select format_type(u.o, nullif(u.m, -1)) as type from unnest($1::oid[], $2::int[]) with ordinality as u(o, m, i) order by u.i',
      [columns.map((column) => column.typeOid), columns.map((column) => column.typeModifier)],
    );
    return columns.map((column, index) => ({ name: column.name, type: rows[index]?.type ?? `oid ${column.typeOid}` }));
  } catch {
    return fallback;
  }
}

const booleanOid = 16;

/** The rows as the grid shows them: the server's text, with booleans spelled true/false as pgAdmin shows them. */
export function displayRows(columns: RawColumn[], rows: (string | null)[][]): (string | null)[][] {
  const booleans = columns.flatMap((column, index) => (column.typeOid === booleanOid ? [index] : []));
  if (booleans.length === 0) return rows;
  return rows.map((row) => {
    const shown = [...row];
    for (const index of booleans) {
      const value = shown[index];
      if (value === 't') shown[index] = 'true';
      else if (value === 'f') shown[index] = 'false';
    }
    return shown;
  });
}

/** The keywords that reach the same server as an open connection: its settings pinned to the host it answered on. */
export function keywordsForSameServer(connection: OpenConnection): Record<string, string> {
  const { settings, target } = connection;
  const keywords: Record<string, string> = { ...settings.keywords, host: target.host, port: String(target.port) };
  if (target.hostaddr) keywords.hostaddr = target.hostaddr;
  else delete keywords.hostaddr;
  if (settings.password !== null) keywords.password = settings.password;
  return keywords;
}

/** The query runner of one engine connection; `env` is the environment the connection was opened with. */
function createQueryRunner(connection: OpenConnection, env: Record<string, string | undefined>): QueryRunner {
  let running = false;
  return {
    async run(sql, rowLimit) {
      if (running) return fail('query_running', 'a query is already running here; wait for it or cancel it.');
      running = true;
      const startedAt = performance.now();
      try {
        const query = new LimitedQuery(sql, rowLimit);
        connection.client.query(query as never);
        const raw = await query.done;
        const durationMs = Math.round((performance.now() - startedAt) * 10) / 10;
        if (raw.outcome === 'error') return ok({ outcome: 'error', error: raw.error, durationMs });
        const result = raw.result;
        return ok({
          outcome: 'rows',
          columns: result ? await columnTypes(connection, result.columns) : [],
          rows: result ? displayRows(result.columns, result.rows) : [],
          rowCount: result?.rowCount ?? 0,
          truncated: (result?.rowCount ?? 0) > rowLimit,
          rowLimit,
          command: raw.command,
          durationMs,
        });
      } finally {
        running = false;
      }
    },
    async cancel() {
      if (!running) return ok({ cancelled: false });
      const processId = (connection.client as unknown as { processID: number }).processID;
      const second = await openConnection({
        keywords: keywordsForSameServer(connection),
        env,
        gateway: connection.gateway,
        rootCertificate: connection.rootCertificate,
      });
      if (!second.ok) return second;
      try {
        const { rows } = await second.value.client.query<{ cancelled: boolean }>(
          'select pg_cancel_backend($1) as cancelled',
          [processId],
        );
        return ok({ cancelled: rows[0]?.cancelled === true });
      } catch (error) {
        return fail('connection_lost', `the cancel connection failed (${(error as Error).message}); try Cancel again.`);
      } finally {
        await second.value.client.end().catch(() => undefined);
      }
    },
  };
}

/**
 * The query tool over a session's connection. A run on another database opens one more connection to the same
 * server (same keywords, host pinned, dbname changed, the same Role) and keeps it until the session closes.
 */
export function createSqlSession(
  connection: OpenConnection,
  env: Record<string, string | undefined>,
  role?: string,
): SqlSession {
  const own = createQueryRunner(connection, env);
  const others = new Map<
    string,
    Promise<Result<{ runner: QueryRunner; connection: OpenConnection }, ConnectErrorCode>>
  >();
  let closed = false;
  const isOwn = (database: string | undefined) => database === undefined || database === connection.settings.database;
  function open(database: string) {
    let opening = others.get(database);
    if (opening) return opening;
    const keywords = { ...keywordsForSameServer(connection), dbname: database };
    // The same way as the session's own connection: through its SSH tunnel, with the root file it checked.
    const { gateway, rootCertificate } = connection;
    opening = openConnection({ keywords, env, role, gateway, rootCertificate }).then(async (opened) => {
      if (!opened.ok) {
        others.delete(database);
        return opened;
      }
      if (closed) {
        await opened.value.client.end().catch(() => undefined);
        return fail(
          'connection_lost',
          'the server was disconnected while the query tool opened the database; connect again.',
        );
      }
      const forget = () => {
        if (others.get(database) === opening) others.delete(database);
      };
      opened.value.client.on('error', forget);
      opened.value.client.on('end', forget);
      return ok({ runner: createQueryRunner(opened.value, env), connection: opened.value });
    });
    others.set(database, opening);
    return opening;
  }
  async function close() {
    closed = true;
    const open = [...others.values()];
    others.clear();
    for (const opened of await Promise.all(open))
      if (opened.ok) await opened.value.connection.client.end().catch(() => undefined);
  }
  connection.client.on('end', () => void close());
  return {
    async run(sql, rowLimit, database) {
      if (isOwn(database)) return own.run(sql, rowLimit);
      const opened = await open(database!);
      return opened.ok ? opened.value.runner.run(sql, rowLimit) : opened;
    },
    async cancel(database) {
      if (isOwn(database)) return own.cancel();
      const opened = others.get(database!);
      const known = opened ? await opened : null;
      return known?.ok ? known.value.runner.cancel() : ok({ cancelled: false });
    },
    close,
  };
}

/** The databases a user can open on the connection's server: pg_database where datallowconn and not datistemplate. */
export async function listDatabases(connection: OpenConnection): Promise<Result<string[], ConnectErrorCode>> {
  try {
    const { rows } = await connection.client.query<{ datname: string }>(
      'select datname from pg_database where datallowconn and not datistemplate order by datname',
    );
    return ok(rows.map((row) => row.datname));
  } catch (error) {
    return fail('connection_lost', `listing the databases failed (${(error as Error).message}); connect again.`);
  }
}

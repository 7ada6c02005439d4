import type { ConnectErrorCode } from '../../shared/connect-errors';
import { fail, ok, type Result } from '../../shared/result';
import { type OpenConnection, openConnection } from '../engine';
import { createSqlSession, keywordsForSameServer, type SqlSession } from './query-service';

/** The databases of a connected server: the list the tree shows and query sessions on each one chosen there. */
export interface DatabaseSessions {
  /** The databases a user can open: pg_database where datallowconn and not datistemplate, by name. */
  list(): Promise<Result<string[], ConnectErrorCode>>;
  /** The query session on a database: the server's own connection for its database, else one opened for it. */
  sql(database: string): Promise<Result<SqlSession, ConnectErrorCode>>;
  /** Closes the connections opened for other databases. */
  close(): Promise<void>;
}

type Opened = Result<{ connection: OpenConnection; sql: SqlSession }, ConnectErrorCode>;

/** The database sessions of an open connection; others open with the same keywords, password and Role. */
export function createDatabaseSessions(
  connection: OpenConnection,
  main: SqlSession,
  options: { env: Record<string, string | undefined>; role?: string },
): DatabaseSessions {
  const others = new Map<string, Promise<Opened>>();
  const open = async (database: string): Promise<Opened> => {
    const keywords = { ...keywordsForSameServer(connection), dbname: database };
    const opened = await openConnection({ keywords, env: options.env, role: options.role });
    if (!opened.ok) return opened;
    const forget = () => others.delete(database);
    opened.value.client.on('error', forget);
    opened.value.client.on('end', forget);
    return ok({ connection: opened.value, sql: createSqlSession(opened.value, options.env) });
  };
  return {
    async list() {
      try {
        const { rows } = await connection.client.query<{ datname: string }>(
          'select datname from pg_database where datallowconn and not datistemplate order by datname',
        );
        return ok(rows.map((row) => row.datname));
      } catch (error) {
        return fail('connection_lost', `listing the databases failed (${(error as Error).message}); connect again.`);
      }
    },
    async sql(database) {
      if (database === connection.settings.database) return ok(main);
      let pending = others.get(database);
      if (!pending) {
        pending = open(database);
        others.set(database, pending);
      }
      const opened = await pending;
      if (!opened.ok) others.delete(database);
      return opened.ok ? ok(opened.value.sql) : opened;
    },
    async close() {
      const all = [...others.values()];
      others.clear();
      for (const pending of all) {
        const opened = await pending;
        if (opened.ok) await opened.value.connection.client.end().catch(() => undefined);
      }
    },
  };
}

import type { ConnectErrorCode } from '../../../shared/connect-errors';
import { fail, type Result } from '../../../shared/result';
import type { HandlerTable } from '../handler-table';
import type { SqlSession } from '../query-service';
import type { SessionRegistry } from '../sessions';

/** The query channels over the open sessions of the Connect button, on the database chosen in the tree. */
export function createQueryHandlers(sessions: SessionRegistry): Pick<HandlerTable, 'query:run' | 'query:cancel'> {
  const notConnected = fail('not_connected', 'the server is not connected; connect to it, then run the query.');
  const sqlOf = async (
    serverId: string,
    database: string | undefined,
  ): Promise<Result<SqlSession, ConnectErrorCode | 'not_connected'>> => {
    const session = sessions.get(serverId);
    if (!session?.sql) return notConnected;
    if (!database || !session.databases) return { ok: true, value: session.sql };
    return session.databases.sql(database);
  };
  return {
    'query:run': async ({ serverId, sql, rowLimit, database }) => {
      const session = await sqlOf(serverId, database);
      return session.ok ? session.value.run(sql, rowLimit) : session;
    },
    'query:cancel': async ({ serverId, database }) => {
      const session = await sqlOf(serverId, database);
      return session.ok ? session.value.cancel() : session;
    },
  };
}

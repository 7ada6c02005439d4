import { fail } from '../../../shared/result';
import type { HandlerTable } from '../handler-table';
import type { SessionRegistry } from '../sessions';

/** The query channels over the open sessions of the Connect button, on the database chosen in the tree. */
export function createQueryHandlers(sessions: SessionRegistry): Pick<HandlerTable, 'query:run' | 'query:cancel'> {
  const notConnected = fail('not_connected', 'the server is not connected; connect to it, then run the query.');
  return {
    'query:run': async ({ serverId, sql, rowLimit, database }) => {
      const session = sessions.get(serverId)?.sql;
      return session ? session.run(sql, rowLimit, database) : notConnected;
    },
    'query:cancel': async ({ serverId, database }) => {
      const session = sessions.get(serverId)?.sql;
      return session ? session.cancel(database) : notConnected;
    },
  };
}

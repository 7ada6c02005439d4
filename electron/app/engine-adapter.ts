import type { ConnectionFacts } from '../../shared/contract/connection';
import { fail, ok } from '../../shared/result';
import { checkConnection, connectionFacts, openConnection } from '../engine';
import type { EnginePort, OpenSession } from './ports';
import { createSqlSession, listDatabases } from './query-service';

/** The connection engine (electron/engine) behind the EnginePort. */
export function createEngineAdapter(): EnginePort {
  return {
    async check(request) {
      const checked = await checkConnection(request);
      if (!checked.ok) return checked;
      const { ok: _ok, ...facts } = checked.value;
      return ok(facts);
    },
    async open(request) {
      const opened = await openConnection(request);
      if (!opened.ok) return opened;
      const connection = opened.value;
      let facts: ConnectionFacts;
      try {
        facts = await connectionFacts(connection);
      } catch (error) {
        await connection.client.end().catch(() => undefined);
        return fail(
          'connection_lost',
          `the server closed the connection (${(error as Error).message}); connect again.`,
        );
      }
      const sql = createSqlSession(connection, request.env, request.role);
      const session: OpenSession = {
        facts,
        async close() {
          await sql.close();
          await connection.client.end().catch(() => undefined);
        },
        sql,
        listDatabases: () => listDatabases(connection),
        onLost(listener) {
          let called = false;
          const once = () => {
            if (!called) listener();
            called = true;
          };
          connection.client.on('error', once);
          connection.client.on('end', once);
        },
      };
      return ok(session);
    },
  };
}

import type { ConnectionFacts } from '../../shared/contract/connection';
import { fail, ok } from '../../shared/result';
import { checkConnection, connectionFacts, openSession } from '../engine';
import { attachClient, type OpenConnection } from '../engine/pg-client';
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
      const opened = await openSession(request);
      if (!opened.ok) return opened;
      let connection: OpenConnection;
      let facts: ConnectionFacts;
      try {
        facts = await connectionFacts(opened.value);
        connection = { ...opened.value, client: await attachClient(opened.value) };
      } catch (error) {
        opened.value.socket.destroy();
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

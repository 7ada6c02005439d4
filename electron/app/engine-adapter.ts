import type { ConnectionFacts } from '../../shared/contract/connection';
import { fail, ok } from '../../shared/result';
import { checkConnection, type OpenConnection, openConnection, peerChain } from '../engine';
import type { EnginePort, OpenSession } from './ports';
import { createSqlSession } from './query-service';

/** The SSL facts of an open connection, asked from the server as `rdspg check` does. */
async function factsOf(connection: OpenConnection): Promise<ConnectionFacts> {
  const { client, tls, target, settings, startedAt } = connection;
  const { rows } = await client.query(
    "select s.ssl, s.version, s.cipher, current_setting('server_version') as server_version from pg_stat_ssl s where s.pid = pg_backend_pid()",
  );
  const row = rows[0] as { ssl: boolean; version: string | null; cipher: string | null; server_version: string };
  const chain = tls ? peerChain(tls) : [];
  return {
    ssl: row.ssl,
    protocol: row.version ?? tls?.getProtocol() ?? null,
    cipher: row.cipher ?? tls?.getCipher().standardName ?? null,
    serverCertificate: chain[0] ?? null,
    chain,
    serverVersion: row.server_version,
    host: target.host || target.hostaddr || '',
    port: target.port,
    user: settings.user,
    database: settings.database,
    elapsedMs: Math.round((performance.now() - startedAt) * 10) / 10,
  };
}

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
        facts = await factsOf(connection);
      } catch (error) {
        await connection.client.end().catch(() => undefined);
        return fail(
          'connection_lost',
          `the server closed the connection (${(error as Error).message}); connect again.`,
        );
      }
      const session: OpenSession = {
        facts,
        close: () => connection.client.end().catch(() => undefined),
        sql: createSqlSession(connection, request.env),
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

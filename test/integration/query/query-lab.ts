// The query tool's test bench: a throwaway cluster over TLS (scram, verify-full), the query handlers on a session
// registry, and `connect` opening a session as the app does. Both query test files start one.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngineAdapter } from '../../../electron/app/engine-adapter';
import { dispatch } from '../../../electron/app/handler-table';
import { createQueryHandlers } from '../../../electron/app/handlers/query-handlers';
import { SessionRegistry } from '../../../electron/app/sessions';
import type { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { startCluster } from '../../support/cluster';
import { TestAuthority } from '../../support/pki';

/** A channel's answer, loosely typed: the tests read whatever the outcome holds. */
// biome-ignore lint/suspicious/noExplicitAny: tests inspect every outcome shape
type Answer = { ok: boolean; value?: any; error?: any };

/** A running query bench. */
export interface QueryLab {
  cluster: LocalPostgresCluster;
  sessions: SessionRegistry;
  /** Calls a query channel the way both adapters do: through the contract's validation. */
  call(name: 'query:run' | 'query:cancel', payload: unknown): Promise<Answer>;
  /** Opens a session for `serverId` with verify-full, as postgres (then SET ROLE `role` when given). */
  connect(serverId: string, role?: string): Promise<void>;
  destroy(): Promise<void>;
}

/** Starts a cluster whose postgres user has `password`, runs `sql` on it, and opens the session `lab`. */
export async function startQueryLab(options: { password: string; sql?: string[]; role?: string }): Promise<QueryLab> {
  const folder = await mkdtemp(join(tmpdir(), 'rdspg-query-'));
  const root = await TestAuthority.createRoot(join(folder, 'root'), 'Query Root CA');
  const server = await root.issue({ commonName: 'localhost', dns: ['localhost'], ips: ['127.0.0.1'] });
  const cluster = await startCluster({
    tls: { certificatePem: server.certPem, keyPem: server.keyPem },
    hba: ['hostssl all all 127.0.0.1/32 scram-sha-256', 'hostnossl all all 127.0.0.1/32 reject'],
    sql: [`alter user postgres password '${options.password}'`, ...(options.sql ?? [])],
  });
  const sessions = new SessionRegistry();
  const handlers = createQueryHandlers(sessions);
  const connect = async (serverId: string, role?: string) => {
    const opened = await createEngineAdapter().open({
      keywords: {
        host: 'localhost',
        hostaddr: '127.0.0.1',
        port: String(cluster.port),
        user: 'postgres',
        dbname: 'postgres',
        password: options.password,
        sslmode: 'verify-full',
        sslrootcert: join(root.folder, 'ca.crt'),
      },
      env: { HOME: folder, PGPASSFILE: '/nonexistent' },
      role,
    });
    if (!opened.ok) throw new Error(opened.error.message);
    await sessions.add(serverId, opened.value);
  };
  await connect('lab', options.role);
  return {
    cluster,
    sessions,
    // biome-ignore lint/suspicious/noExplicitAny: the two query handlers are all this table holds
    call: (name, payload) => dispatch(handlers as any, name, payload) as Promise<Answer>,
    connect,
    async destroy() {
      await sessions.closeAll();
      await cluster.destroy();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

// One way for integration tests to get a throwaway PostgreSQL cluster: created, started and prepared with SQL, and
// deleted again when any of that fails, so that a broken set-up leaves no server running.
import { type ClusterSettings, LocalPostgresCluster } from '../../electron/local-postgres/cluster';

/** What a test's cluster looks like: TLS and pg_hba.conf lines, and SQL run once it is up (users, passwords). */
export interface TestClusterOptions extends ClusterSettings {
  sql?: string[];
}

/** Creates and starts a cluster and runs its set-up SQL; the test calls destroy() in its afterAll. */
export async function startCluster(options: TestClusterOptions = {}): Promise<LocalPostgresCluster> {
  const { sql = [], ...settings } = options;
  const cluster = await LocalPostgresCluster.create(settings);
  try {
    await cluster.start();
    for (const statement of sql) await cluster.sql(statement);
    return cluster;
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
}

// One way for integration tests to get a throwaway PostgreSQL cluster: created, started and prepared with SQL, and
// deleted again when any of that fails, so that a broken set-up leaves no server running.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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

/**
 * What the server writes to its log while `run` runs, with `settings` (e.g. log_min_messages) set for that time only:
 * set with ALTER SYSTEM and reloaded, and reset afterwards whatever happens.
 */
export async function serverLogDuring(
  cluster: LocalPostgresCluster,
  settings: Record<string, string>,
  run: () => Promise<void>,
): Promise<string> {
  const names = Object.keys(settings);
  for (const name of names) await cluster.sql(`alter system set ${name} = '${settings[name]}'`);
  await cluster.sql('select pg_reload_conf()');
  const log = join(cluster.folder, 'server.log');
  const before = (await readFile(log, 'utf8')).length;
  try {
    await run();
    return (await readFile(log, 'utf8')).slice(before);
  } finally {
    for (const name of names) await cluster.sql(`alter system reset ${name}`);
    await cluster.sql('select pg_reload_conf()');
  }
}

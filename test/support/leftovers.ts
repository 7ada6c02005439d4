import { readFile } from 'node:fs/promises';
import type { LocalPostgresCluster } from '../../electron/local-postgres/cluster';

/** What a server still holds from clients: sessions in pg_stat_activity, and TCP connections on its port. */
export interface Leftovers {
  port: number;
  /** Client backends other than the counting session itself (background workers are not counted). */
  backends: number;
  /**
   * The server's TCP connections not yet closed. PostgreSQL 15 lists a backend in pg_stat_activity only once it has
   * authenticated, so a client that leaves a socket open mid-authentication shows only here.
   */
  sockets: number;
}

// /proc/net/tcp states: 01 ESTABLISHED, 08 CLOSE_WAIT (the client closed, the backend has not yet).
const openStates = new Set(['01', '08']);

async function serverSockets(port: number): Promise<number> {
  let count = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (local && state && openStates.has(state) && Number.parseInt(local.split(':')[1] ?? '', 16) === port) count++;
    }
  }
  return count;
}

/** Counts what each cluster still holds from clients right now. */
export async function countLeftovers(clusters: LocalPostgresCluster[]): Promise<Leftovers[]> {
  return Promise.all(
    clusters.map(async (cluster) => {
      const rows = await cluster.sql(
        "select count(*)::int as backends from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
      );
      return { port: cluster.port, backends: Number(rows[0]?.backends), sockets: await serverSockets(cluster.port) };
    }),
  );
}

/**
 * Waits until the clusters hold nothing from clients (a backend needs a moment to exit after its client closed)
 * and answers what is left after the bound: every entry should be zero.
 */
export async function settledLeftovers(clusters: LocalPostgresCluster[], boundMs = 5_000): Promise<Leftovers[]> {
  const until = performance.now() + boundMs;
  for (;;) {
    const counted = await countLeftovers(clusters);
    if (counted.every((one) => one.backends === 0 && one.sockets === 0) || performance.now() > until) return counted;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The same leftovers with nothing open: what a test expects settledLeftovers to answer. */
export function nothingOpen(clusters: LocalPostgresCluster[]): Leftovers[] {
  return clusters.map((cluster) => ({ port: cluster.port, backends: 0, sockets: 0 }));
}

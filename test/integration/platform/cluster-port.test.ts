// A throwaway cluster's port is found free when the cluster is created and bound only when it starts, seconds later
// (initdb runs between): by then another process can hold it. LocalPostgresCluster.start() then starts the server on
// another free port instead of failing the test that asked for the cluster.
import { createServer, type Server } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';

let cluster: LocalPostgresCluster | undefined;
let squatter: Server | undefined;

afterAll(async () => {
  await cluster?.destroy();
  await new Promise((resolve) => (squatter ? squatter.close(resolve) : resolve(undefined)));
});

describe('LocalPostgresCluster.start', () => {
  it('starts on another free port when its own was taken after create(), and accepts connections there', async () => {
    cluster = await LocalPostgresCluster.create();
    const taken = cluster.port;
    squatter = createServer();
    await new Promise<void>((resolve, reject) => {
      squatter!.once('error', reject);
      squatter!.listen(taken, '127.0.0.1', resolve);
    });
    await cluster.start();
    expect(cluster.port).not.toBe(taken);
    const client = new pg.Client({ host: '127.0.0.1', port: cluster.port, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      const { rows } = await client.query('select 1 as one');
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await client.end();
    }
  }, 120_000);

  it("still fails, with pg_ctl's error, when the port is free and the server cannot start for another reason", async () => {
    const broken = await LocalPostgresCluster.create();
    try {
      await broken.configure({ hba: ['this is not a pg_hba line'] });
      const port = broken.port;
      await expect(broken.start()).rejects.toThrow(/pg_ctl/);
      expect(broken.port).toBe(port);
    } finally {
      await broken.destroy();
    }
  }, 120_000);
});

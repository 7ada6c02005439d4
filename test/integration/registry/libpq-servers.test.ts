import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../../electron/engine/pg-client';
import { freePort, type LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { ServerRegistry } from '../../../electron/registry/server-registry';
import { connectionKeywordsFor } from '../../../electron/saved-servers/saved-servers';
import { Vault } from '../../../electron/vault/vault';
import { startCluster } from '../../support/cluster';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { runCli } from '../../support/run-cli';

// Saved servers against a real cluster through the built CLI (node dist/rdspg.cjs): what `rdspg servers add` keeps
// must reach what `rdspg check` reaches with the same conninfo.

let cluster: LocalPostgresCluster;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-libpq-servers-'));
  cluster = await startCluster({
    hba: ['host all all 127.0.0.1/32 trust'],
    sql: ['create user alice', 'create database alice', 'create role auditor', 'grant auditor to alice'],
  });
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
  await rm(folder, { recursive: true, force: true });
});

function rdspg(args: string[], home: string) {
  return runCli(args, {
    env: { PATH: process.env.PATH, HOME: folder, RDSPG_HOME: home, RDSPG_KEYCHAIN: 'off' },
    timeoutMs: 30_000,
  });
}

async function freshHome(name: string): Promise<string> {
  return mkdtemp(join(folder, `${name}-`));
}

describe('saved servers against a real cluster', () => {
  it('a multi-host server without dbname reaches the same host, port and database as rdspg check', async () => {
    const home = await freshHome('multi');
    const closed = await freePort();
    const conninfo = `host=127.0.0.1,127.0.0.1 port=${closed},${cluster.port} user=alice`;
    const added = await rdspg(['servers', 'add', 'multi', conninfo, '--json'], home);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout).server).toMatchObject({
      host: '127.0.0.1,127.0.0.1',
      port: `${closed},${cluster.port}`,
      maintenanceDatabase: 'alice',
    });
    const direct = await rdspg(['check', conninfo, '--json'], home);
    const saved = await rdspg(['check', '--server', 'multi', '--json'], home);
    expect(direct.status).toBe(0);
    expect(saved.status).toBe(0);
    const pick = (text: string) => {
      const { port, user, database } = JSON.parse(text);
      return { port, user, database };
    };
    expect(pick(saved.stdout)).toEqual(pick(direct.stdout));
    expect(pick(saved.stdout)).toEqual({ port: cluster.port, user: 'alice', database: 'alice' });
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it('a saved server with a Role connects as that role (SET ROLE), and a role it may not take is refused', async () => {
    const home = await freshHome('role');
    const conninfo = `host=127.0.0.1 port=${cluster.port} user=alice`;
    expect((await rdspg(['servers', 'add', 'audit', conninfo, '--role', 'auditor'], home)).status).toBe(0);
    expect((await rdspg(['servers', 'add', 'boss', conninfo, '--role', 'postgres'], home)).status).toBe(0);
    const registry = new ServerRegistry({ folder: home });
    const vault = new Vault({ folder: home });
    const currentUser = async (name: string) => {
      const server = await registry.get(name);
      const keywords = await connectionKeywordsFor(registry, vault, name, { HOME: folder });
      if (!server.ok || !keywords.ok) throw new Error('the saved server is missing');
      const opened = await openConnection({
        keywords: keywords.value.keywords,
        env: { HOME: folder },
        role: server.value.role,
      });
      if (!opened.ok) return opened.error;
      try {
        const { rows } = await opened.value.client.query('select current_user, session_user');
        return rows[0] as { current_user: string; session_user: string };
      } finally {
        await opened.value.client.end();
      }
    };
    expect(await currentUser('audit')).toEqual({ current_user: 'auditor', session_user: 'alice' });
    expect(await currentUser('boss')).toMatchObject({
      code: 'server_error',
      message: expect.stringContaining('SET ROLE postgres failed: permission denied to set role "postgres"'),
    });
    const checked = await rdspg(['check', '--server', 'boss'], home);
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain('permission denied to set role "postgres"');
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it('servers import exits non-zero when nothing could be imported, and 0 when something was', async () => {
    const home = await freshHome('import');
    const nothing = join(folder, 'nothing.json');
    await writeFile(nothing, JSON.stringify({ Servers: { '1': { Name: 'Broken', Group: 'Servers', Port: 5432 } } }));
    const failed = await rdspg(['servers', 'import', nothing], home);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('skipped Broken: ');
    expect(failed.stderr).toContain('Nothing could be imported');
    const some = join(folder, 'some.json');
    await writeFile(
      some,
      JSON.stringify({
        Servers: {
          '1': { Name: 'Broken', Group: 'Servers', Port: 5432 },
          '2': {
            Name: 'By service',
            Group: 'Servers',
            Service: 'prod',
            Role: 'auditor',
            PostConnectionSQL: 'select 1',
          },
        },
      }),
    );
    const imported = await rdspg(['servers', 'import', some], home);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('Imported 1 servers; skipped 1.');
    expect(imported.stderr).toContain('warning: By service: PostConnectionSQL was not imported');
    const shown = await rdspg(['servers', 'show', 'By service', '--json'], home);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      server: { service: 'prod', role: 'auditor' },
      conninfo: 'service=prod',
    });
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { ServerRegistry } from '../../../electron/registry/server-registry';
import { tunnelSecretField } from '../../../shared/tunnel-fields';
import { serverLogDuring, startCluster } from '../../support/cluster';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { TestAuthority } from '../../support/pki';
import { runCli } from '../../support/run-cli';
import { settledChildCount, startSshd, type TestSshd } from '../../support/sshd';
import { dataFolder, testVault } from '../vault/vault-helpers';

// `rdspg check --server NAME` through a saved server's SSH tunnel (the built CLI, spawned, exit-bounded), the
// first-use confirmation with --accept-host-key, and the pgAdmin servers.json round trip of the tunnel keys.
const master = 'tunnel-cli-master';
let sshd: TestSshd;
let cluster: LocalPostgresCluster;
let folder: string;

beforeAll(async () => {
  sshd = await startSshd();
  folder = dataFolder();
  const root = await TestAuthority.createRoot(join(folder, 'ca'), 'Tunnel CLI Root CA');
  const server = await root.issue({ commonName: 'db.vpc.test', dns: ['db.vpc.test'], fileName: 'server' });
  cluster = await startCluster({
    tls: { certificatePem: server.certPem, keyPem: server.keyPem },
    hba: ['hostssl all app 127.0.0.1/32 scram-sha-256'],
    sql: ["create role app login password 'app-secret'"],
  });
  const vault = testVault(folder);
  expect((await vault.initialize(master)).ok).toBe(true);
  const created = await new ServerRegistry({ folder }).create({
    name: 'behind-jump',
    host: 'db.vpc.test',
    port: cluster.port,
    username: 'app',
    maintenanceDatabase: 'postgres',
    savePassword: true,
    parameters: [
      { keyword: 'hostaddr', value: '127.0.0.1' },
      { keyword: 'sslmode', value: 'verify-full' },
      { keyword: 'sslrootcert', value: root.own.certPath },
      { keyword: 'connect_timeout', value: '10' },
    ],
    tunnel: {
      host: '127.0.0.1',
      port: sshd.port,
      username: sshd.user,
      authentication: 'password',
      identityFile: '',
      keepAlive: 30,
      savePassword: true,
    },
  });
  if (!created.ok) throw new Error(created.error.message);
  const address = (field: string) => ({ ownerKind: 'server' as const, ownerId: created.value.id, field });
  expect((await vault.writeSecret(address('password'), 'app-secret')).ok).toBe(true);
  expect((await vault.writeSecret(address(tunnelSecretField), sshd.password)).ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
  await sshd?.stop();
});

const env = () => ({
  PATH: process.env.PATH,
  HOME: folder,
  RDSPG_HOME: folder,
  RDSPG_KEYCHAIN: 'off',
  RDSPG_MASTER_PASSWORD: master,
});

describe('rdspg check --server through an SSH tunnel', () => {
  it('stops at an unknown host key with its fingerprint, then connects once the fingerprint is accepted', async () => {
    const first = await runCli(['check', '--server', 'behind-jump', '--json'], { env: env(), timeoutMs: 30_000 });
    expect(first.status).toBe(1);
    expect(JSON.parse(first.stdout).error.code).toBe('tunnel_host_key_unknown');
    expect(first.stdout).toContain(sshd.hostFingerprint);
    const wrong = await runCli(['check', '--server', 'behind-jump', '--accept-host-key', 'SHA256:not-it'], {
      env: env(),
      timeoutMs: 30_000,
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('tunnel_host_key_changed');
    const accepted = await runCli(
      ['check', '--server', 'behind-jump', '--accept-host-key', sshd.hostFingerprint, '--json'],
      { env: env(), timeoutMs: 30_000 },
    );
    expect(accepted.stderr).toBe('');
    expect(accepted.status).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({ ok: true, ssl: true, host: 'db.vpc.test' });
    expect(await readFile(join(folder, 'known_hosts'), 'utf8')).toContain(`[127.0.0.1]:${sshd.port} ssh-ed25519 `);
    const again = await runCli(['check', '--server', 'behind-jump'], { env: env(), timeoutMs: 30_000 });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('SSL: in use');
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
    expect(await settledChildCount(sshd)).toBe(0);
  });

  it('ends its session through the tunnel as psql does: the server gets Terminate, not an unexpected end', async () => {
    // As for a direct check (test/integration/engine/check-cli.test.ts), through the SSH channel: what the check
    // writes before it exits must reach the server.
    const settings = { log_min_messages: 'debug1', log_disconnections: 'on' };
    const written = await serverLogDuring(cluster, settings, async () => {
      for (let round = 0; round < 3; round++) {
        const run = await runCli(['check', '--server', 'behind-jump', '--json'], { env: env(), timeoutMs: 30_000 });
        expect(run.status, run.stderr).toBe(0);
      }
      expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
    });
    // The log is written: each session's end is there.
    expect(written.match(/disconnection: session time/g)?.length).toBeGreaterThanOrEqual(3);
    expect(written).not.toMatch(/unexpected EOF on client connection|could not receive data from client/);
  });

  it('exports the tunnel as pgAdmin keys and imports them back', async () => {
    const shown = await runCli(['servers', 'show', 'behind-jump'], { env: env() });
    expect(shown.stdout).toContain(`SSH tunnel ${sshd.user}@127.0.0.1:${sshd.port} (password, keep alive 30 s)`);
    const file = join(folder, 'servers.json.export');
    const exported = await runCli(['servers', 'export', 'behind-jump', '--format', 'pgadmin', '--out', file], {
      env: env(),
    });
    expect(exported.status).toBe(0);
    const entry = JSON.parse(await readFile(file, 'utf8')).Servers['1'];
    expect(entry).toMatchObject({
      UseSSHTunnel: 1,
      TunnelHost: '127.0.0.1',
      TunnelPort: sshd.port,
      TunnelUsername: sshd.user,
      TunnelAuthentication: 0,
      TunnelKeepAlive: 30,
    });
    expect(JSON.stringify(entry)).not.toContain(sshd.password);
    entry.Name = 'imported-jump';
    await writeFile(file, JSON.stringify({ Servers: { '1': entry } }));
    const imported = await runCli(['servers', 'import', file], { env: env() });
    expect(imported.status).toBe(0);
    expect(imported.stdout + imported.stderr).not.toContain('SSH tunnel');
    const saved = await new ServerRegistry({ folder }).get('imported-jump');
    expect(saved.ok && saved.value.tunnel).toEqual({
      host: '127.0.0.1',
      port: sshd.port,
      username: sshd.user,
      authentication: 'password',
      identityFile: '',
      keepAlive: 30,
      savePassword: false,
    });
  });
});

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConnection } from '../../../electron/engine';
import type { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { probeHostKey, trustHostKey } from '../../../electron/ssh-tunnel/host-key-trust';
import type { KnownHostsFiles } from '../../../electron/ssh-tunnel/known-hosts';
import { openTunnel, type TunnelSettings } from '../../../electron/ssh-tunnel/tunnel';
import { tunnelGateway } from '../../../electron/ssh-tunnel/tunnel-gateway';
import { startCluster } from '../../support/cluster';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { TestAuthority } from '../../support/pki';
import { settledChildCount, startSshd, type TestSshd } from '../../support/sshd';

// pgAdmin's SSH Tunnel against a real OpenSSH server on loopback and a real TLS PostgreSQL cluster behind it.
let sshd: TestSshd;
let cluster: LocalPostgresCluster;
let folder: string;
let rootCa: string;
let known: KnownHostsFiles;

beforeAll(async () => {
  sshd = await startSshd();
  folder = await mkdtemp(join(tmpdir(), 'rdspg-tunnel-'));
  const root = await TestAuthority.createRoot(join(folder, 'ca'), 'Tunnel Root CA');
  const server = await root.issue({ commonName: 'db.internal.test', dns: ['db.internal.test'], fileName: 'server' });
  rootCa = root.own.certPath;
  cluster = await startCluster({
    tls: { certificatePem: server.certPem, keyPem: server.keyPem },
    hba: ['hostssl all app 127.0.0.1/32 scram-sha-256', 'host all plain 127.0.0.1/32 trust'],
    sql: ["create role app login password 'app-secret'", 'create role plain login'],
  });
  known = { app: join(folder, 'known_hosts'), user: null };
  await writeFile(known.app, `[127.0.0.1]:${sshd.port} ${sshd.hostPublicKey}\n`);
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
  await sshd?.stop();
});

const base = (): TunnelSettings => ({
  host: '127.0.0.1',
  port: sshd.port,
  username: sshd.user,
  authentication: 'identity-file',
  identityFile: sshd.keyFile,
  secret: null,
  keepAliveSeconds: 0,
});

const verifyFull = () => ({
  host: 'db.internal.test',
  hostaddr: '127.0.0.1',
  port: String(cluster.port),
  user: 'app',
  password: 'app-secret',
  dbname: 'postgres',
  sslmode: 'verify-full',
  sslrootcert: rootCa,
  connect_timeout: '10',
});

describe('the SSH tunnel (ssh2 against OpenSSH sshd)', () => {
  it('logs in with a password, a key and an encrypted key with its passphrase', async () => {
    for (const settings of [
      { ...base(), authentication: 'password' as const, secret: sshd.password },
      base(),
      { ...base(), identityFile: sshd.encryptedKeyFile, secret: sshd.passphrase },
    ]) {
      const tunnel = await openTunnel(settings, { knownHosts: known });
      expect(tunnel.ok, JSON.stringify(tunnel)).toBe(true);
      if (tunnel.ok) {
        tunnel.value.close();
        await tunnel.value.closed;
      }
    }
    expect(await settledChildCount(sshd)).toBe(0);
  });

  it('refuses a wrong password, a missing or wrong passphrase, with codes and a next step', async () => {
    const wrongPassword = await openTunnel(
      { ...base(), authentication: 'password', secret: 'not-it' },
      { knownHosts: known },
    );
    expect(wrongPassword).toMatchObject({ ok: false, error: { code: 'tunnel_auth_failed' } });
    const encrypted = { ...base(), identityFile: sshd.encryptedKeyFile };
    const missing = await openTunnel(encrypted, { knownHosts: known });
    expect(missing).toMatchObject({ ok: false, error: { code: 'tunnel_key_passphrase_wrong' } });
    expect(!missing.ok && missing.error.message).toContain('is encrypted');
    const wrong = await openTunnel({ ...encrypted, secret: 'wrong phrase' }, { knownHosts: known });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'tunnel_key_passphrase_wrong' } });
    expect(await settledChildCount(sshd)).toBe(0);
  });

  it('answers an unknown host key with its SHA256 fingerprint, and trusts it once confirmed', async () => {
    const fresh: KnownHostsFiles = { app: join(folder, 'fresh_known_hosts'), user: null };
    const first = await openTunnel(base(), { knownHosts: fresh });
    expect(first).toMatchObject({ ok: false, error: { code: 'tunnel_host_key_unknown' } });
    expect(!first.ok && first.error.message).toContain(sshd.hostFingerprint);
    const probed = await probeHostKey({ host: '127.0.0.1', port: sshd.port }, fresh);
    expect(probed).toMatchObject({ ok: true, value: { fingerprint: sshd.hostFingerprint, status: 'unknown' } });
    const refused = await trustHostKey({ host: '127.0.0.1', port: sshd.port }, 'SHA256:other', fresh);
    expect(refused).toMatchObject({ ok: false, error: { code: 'tunnel_host_key_changed' } });
    const trusted = await trustHostKey({ host: '127.0.0.1', port: sshd.port }, sshd.hostFingerprint, fresh);
    expect(trusted).toMatchObject({ ok: true, value: { status: 'known' } });
    expect(await readFile(fresh.app, 'utf8')).toBe(
      `[127.0.0.1]:${sshd.port} ${sshd.hostPublicKey.split(' ').slice(0, 2).join(' ')}\n`,
    );
    const again = await openTunnel(base(), { knownHosts: fresh });
    expect(again.ok).toBe(true);
    if (again.ok) again.value.close();
    expect(await settledChildCount(sshd)).toBe(0);
  });

  it('refuses a changed host key (also from ~/.ssh/known_hosts) and says how to proceed', async () => {
    const changed: KnownHostsFiles = { app: join(folder, 'app_known_hosts'), user: join(folder, 'user_known_hosts') };
    await writeFile(changed.user as string, `${sshd.otherHostKeyLine}\n`);
    const refused = await openTunnel(base(), { knownHosts: changed });
    expect(refused).toMatchObject({ ok: false, error: { code: 'tunnel_host_key_changed' } });
    expect(!refused.ok && refused.error.message).toContain('ssh-keygen -R');
    const notTrusted = await trustHostKey({ host: '127.0.0.1', port: sshd.port }, sshd.hostFingerprint, changed);
    expect(notTrusted).toMatchObject({ ok: false, error: { code: 'tunnel_host_key_changed' } });
    expect(await settledChildCount(sshd)).toBe(0);
  });

  it('connects with verify-full through the tunnel: TLS over the forwarded channel, the database host checked', async () => {
    const gateway = tunnelGateway(base(), { knownHosts: known });
    const checked = await checkConnection({ keywords: verifyFull(), env: { HOME: folder }, gateway });
    expect(checked).toMatchObject({ ok: true, value: { ssl: true, host: 'db.internal.test' } });
    const mismatch = await checkConnection({
      keywords: { ...verifyFull(), host: 'other.internal.test' },
      env: { HOME: folder },
      gateway,
    });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'hostname_mismatch' } });
    const plain = await checkConnection({
      keywords: {
        host: '127.0.0.1',
        port: String(cluster.port),
        user: 'plain',
        dbname: 'postgres',
        sslmode: 'disable',
      },
      env: { HOME: folder },
      gateway,
    });
    expect(plain).toMatchObject({ ok: true, value: { ssl: false } });
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
    expect(await settledChildCount(sshd)).toBe(0);
  });

  it('every failure closes the tunnel: nothing left on the PostgreSQL side or in sshd', async () => {
    const gateway = tunnelGateway(base(), { knownHosts: known });
    const failures = [
      { ...verifyFull(), password: 'wrong' },
      { ...verifyFull(), port: '1' },
      { ...verifyFull(), sslrootcert: join(folder, 'missing.crt') },
    ];
    const codes: string[] = [];
    for (const keywords of failures) {
      const result = await checkConnection({ keywords, env: { HOME: folder }, gateway });
      codes.push(result.ok ? 'ok' : result.error.code);
    }
    expect(codes).toEqual(['authentication_failed', 'tunnel_forward_failed', 'root_certificate_missing']);
    const badLogin = tunnelGateway({ ...base(), authentication: 'password', secret: 'nope' }, { knownHosts: known });
    const refused = await checkConnection({ keywords: verifyFull(), env: { HOME: folder }, gateway: badLogin });
    expect(refused).toMatchObject({ ok: false, error: { code: 'tunnel_auth_failed' } });
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
    expect(await settledChildCount(sshd)).toBe(0);
  });
});

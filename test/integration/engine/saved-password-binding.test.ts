import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { ServerRegistry } from '../../../electron/registry/server-registry';
import { startCluster } from '../../support/cluster';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { TestAuthority } from '../../support/pki';
import { runCli } from '../../support/run-cli';
import { testVault } from '../vault/vault-helpers';

// A saved password goes only where, and as safely as, it was saved for, resolved at use time (`rdspg check --server`):
// `saved` and `other` are two real clusters with the same user and password (scram on one, md5 on the other), so a
// password that reached `other` would log in there and the check would pass.
const master = 'binding-master-password';
const password = 'same-password-on-both';
let folder: string;
let saved: LocalPostgresCluster;
let other: LocalPostgresCluster;
let rootCa: string;
let serviceFile: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-binding-'));
  const root = await TestAuthority.createRoot(join(folder, 'root'), 'Binding Root');
  const server = await root.issue({ commonName: 'localhost', dns: ['localhost'], ips: ['127.0.0.1'] });
  rootCa = root.own.certPath;
  const user = `create user app password '${password}'`;
  saved = await startCluster({
    tls: { certificatePem: server.certPem, keyPem: server.keyPem },
    hba: ['host all app 127.0.0.1/32 scram-sha-256'],
    sql: [user],
  });
  other = await startCluster({
    tls: { certificatePem: server.certPem, keyPem: server.keyPem },
    hba: ['host all app 127.0.0.1/32 md5'],
    sql: ["set password_encryption = 'md5'", user],
  });
  serviceFile = join(folder, 'pg_service.conf');
  expect((await testVault(folder).initialize(master)).ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await saved?.destroy();
  await other?.destroy();
  await rm(folder, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH,
  HOME: folder,
  RDSPG_HOME: folder,
  RDSPG_KEYCHAIN: 'off',
  RDSPG_MASTER_PASSWORD: master,
  PGSERVICEFILE: serviceFile,
  PGCONNECT_TIMEOUT: '10',
  ...extra,
});

const service = (port: number) =>
  writeFile(serviceFile, `[svc]\nhost=localhost\nhostaddr=127.0.0.1\nport=${port}\nuser=app\ndbname=postgres\n`);

async function check(server: string, extra: Record<string, string> = {}) {
  const run = await runCli(['check', '--server', server, '--json'], { env: env(extra), timeoutMs: 30_000 });
  return { status: run.status, answer: JSON.parse(run.stdout) };
}

describe('a saved password bound to what it was saved for', () => {
  it('a service file that now points elsewhere gets no saved password, and says why', async () => {
    await service(saved.port);
    const added = await runCli(['servers', 'add', 'by-service', 'service=svc', '--save-password', '--password-stdin'], {
      env: env(),
      input: `${password}\n`,
      timeoutMs: 30_000,
    });
    expect(added.status).toBe(0);
    expect(await check('by-service')).toMatchObject({ status: 0, answer: { port: saved.port } });
    await service(other.port);
    const moved = await check('by-service');
    expect(moved).toMatchObject({ status: 1, answer: { error: { code: 'saved_password_elsewhere' } } });
    expect(moved.answer.error.message).toContain(`localhost (127.0.0.1):${saved.port} user app`);
    expect(moved.answer.error.message).toContain(`now goes to localhost (127.0.0.1):${other.port} user app`);
    // Back where it was saved for, it is sent again.
    await service(saved.port);
    expect(await check('by-service')).toMatchObject({ status: 0 });
    expect(await settledLeftovers([saved, other])).toEqual(nothingOpen([saved, other]));
  });

  it('a password saved before bindings existed is bound at its first use, then held to it', async () => {
    await service(saved.port);
    const registry = new ServerRegistry({ folder });
    const created = await registry.create({
      name: 'legacy',
      host: '',
      port: '',
      service: 'svc',
      username: '',
      maintenanceDatabase: '',
      savePassword: true,
      parameters: [],
    });
    if (!created.ok) throw new Error(created.error.message);
    const vault = testVault(folder);
    expect((await vault.unlock(master)).ok).toBe(true);
    const address = { ownerKind: 'server' as const, ownerId: created.value.id, field: 'password' };
    expect((await vault.writeSecret(address, password)).ok).toBe(true);
    expect(await check('legacy')).toMatchObject({ status: 0, answer: { port: saved.port } });
    await service(other.port);
    expect(await check('legacy')).toMatchObject({ status: 1, answer: { error: { code: 'saved_password_elsewhere' } } });
    expect(await settledLeftovers([saved, other])).toEqual(nothingOpen([saved, other]));
  });

  it('a password saved with verify-full is not sent with a weaker sslmode or another root certificate', async () => {
    const strict = { PGSSLMODE: 'verify-full', PGSSLROOTCERT: rootCa };
    const conninfo = `host=localhost hostaddr=127.0.0.1 port=${saved.port} user=app dbname=postgres`;
    const added = await runCli(['servers', 'add', 'strict', conninfo, '--save-password', '--password-stdin'], {
      env: env(strict),
      input: `${password}\n`,
      timeoutMs: 30_000,
    });
    expect(added.status).toBe(0);
    expect(await check('strict', strict)).toMatchObject({ status: 0, answer: { ssl: true } });
    // The same server over TLS, but without checking who answers: a man in the middle would collect the password.
    for (const mode of ['prefer', 'require', 'verify-ca']) {
      const weaker = await check('strict', { ...strict, PGSSLMODE: mode });
      expect(weaker).toMatchObject({ status: 1, answer: { error: { code: 'saved_password_weaker_ssl' } } });
      expect(weaker.answer.error.message).toContain(`saved for sslmode=verify-full with sslrootcert=${rootCa}`);
    }
    const copy = join(folder, 'another-root.crt');
    await copyFile(rootCa, copy);
    const otherRoot = await check('strict', { ...strict, PGSSLROOTCERT: copy });
    expect(otherRoot).toMatchObject({ status: 1, answer: { error: { code: 'saved_password_weaker_ssl' } } });
    expect(await check('strict', strict)).toMatchObject({ status: 0 });
    expect(await settledLeftovers([saved, other])).toEqual(nothingOpen([saved, other]));
  });

  it('rdspg servers edit down to a weaker sslmode forgets the saved password, as the dialog does', async () => {
    const strict = { PGSSLMODE: 'verify-full', PGSSLROOTCERT: rootCa };
    const conninfo = `host=localhost hostaddr=127.0.0.1 port=${saved.port} user=app dbname=postgres sslmode=verify-full`;
    const options = { env: env(strict), input: `${password}\n`, timeoutMs: 30_000 };
    expect(
      (await runCli(['servers', 'add', 'edited', conninfo, '--save-password', '--password-stdin'], options)).status,
    ).toBe(0);
    const stronger = await runCli(['servers', 'edit', 'edited', 'sslmode=verify-full'], {
      env: env(strict),
      timeoutMs: 30_000,
    });
    expect(stronger.stdout).toBe('Updated server "edited".\n');
    const edited = await runCli(['servers', 'edit', 'edited', 'sslmode=require'], {
      env: env(strict),
      timeoutMs: 30_000,
    });
    expect(edited).toMatchObject({ status: 0 });
    expect(edited.stdout).toContain('Forgot its saved password');
    const shown = await runCli(['servers', 'show', 'edited', '--json'], { env: env(strict), timeoutMs: 30_000 });
    expect(JSON.parse(shown.stdout)).toMatchObject({ server: { passwordSaved: false } });
    expect(await check('edited', strict)).toMatchObject({
      status: 1,
      answer: { error: { code: 'password_required' } },
    });
    expect(await settledLeftovers([saved, other])).toEqual(nothingOpen([saved, other]));
  });
});

import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/app/create-handlers';
import type { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { ServerRegistry } from '../../../electron/registry/server-registry';
import { blankServerForm } from '../../../shared/contract/server-form';
import { bindingField } from '../../../shared/vault-types';
import { startCluster } from '../../support/cluster';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { TestAuthority } from '../../support/pki';
import { runCli } from '../../support/run-cli';
import { testPorts } from '../app/app-ports';
import { testVault } from '../vault/vault-helpers';

// A saved password is bound to the certificates its verify-full root certificate file held, not only to its path.
// `first` and `renewed` are two real clusters with the same user and password, each with a certificate from its own
// root CA; a relay on one loopback port stands for the network: the saved endpoint, which reaches `first` until an
// attacker (or a renewal) makes it reach `renewed`. A password that reached `renewed` would log in and the check pass.
const master = 'root-binding-master-password';
const password = 'same-password-on-both';
let folder: string;
let first: LocalPostgresCluster;
let renewed: LocalPostgresCluster;
let caFirst: string;
let caRenewed: string;
let relay: { port: number; target: number; close(): Promise<void> };
let rootFile: string;

/** Forwards each connection on a loopback port to the cluster port `target` names at that moment. */
async function startRelay(target: number): Promise<typeof relay> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((incoming) => {
    const outgoing = connect({ host: '127.0.0.1', port: state.target });
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.once('error', () => undefined);
    }
    incoming.pipe(outgoing).pipe(incoming);
    incoming.once('close', () => outgoing.destroy());
    outgoing.once('close', () => incoming.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const state = {
    port: typeof address === 'object' && address ? address.port : 0,
    target,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-root-binding-'));
  const [authorityFirst, authorityRenewed] = await Promise.all([
    TestAuthority.createRoot(join(folder, 'first'), 'RDS Root CA'),
    TestAuthority.createRoot(join(folder, 'renewed'), 'RDS Root CA'),
  ]);
  caFirst = authorityFirst.certPem;
  caRenewed = authorityRenewed.certPem;
  const names = { commonName: 'localhost', dns: ['localhost'], ips: ['127.0.0.1'] };
  const user = `create user app password '${password}'`;
  const [certFirst, certRenewed] = await Promise.all([authorityFirst.issue(names), authorityRenewed.issue(names)]);
  first = await startCluster({
    tls: { certificatePem: certFirst.certPem, keyPem: certFirst.keyPem },
    hba: ['hostssl all app 127.0.0.1/32 scram-sha-256'],
    sql: [user],
  });
  renewed = await startCluster({
    tls: { certificatePem: certRenewed.certPem, keyPem: certRenewed.keyPem },
    hba: ['hostssl all app 127.0.0.1/32 md5'],
    sql: ["set password_encryption = 'md5'", user],
  });
  relay = await startRelay(first.port);
  rootFile = join(folder, 'ApsaraDB-CA-Chain.pem');
  expect((await testVault(folder).initialize(master)).ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await relay?.close();
  await first?.destroy();
  await renewed?.destroy();
  await rm(folder, { recursive: true, force: true });
});

const env = () => ({
  PATH: process.env.PATH,
  HOME: folder,
  RDSPG_HOME: folder,
  RDSPG_KEYCHAIN: 'off',
  RDSPG_MASTER_PASSWORD: master,
  PGCONNECT_TIMEOUT: '10',
});

async function check(server: string) {
  const run = await runCli(['check', '--server', server, '--json'], { env: env(), timeoutMs: 30_000 });
  return { status: run.status, answer: JSON.parse(run.stdout) };
}

async function addServer(name: string) {
  const conninfo = `host=localhost hostaddr=127.0.0.1 port=${relay.port} user=app dbname=postgres sslmode=verify-full sslrootcert=${rootFile}`;
  const added = await runCli(['servers', 'add', name, conninfo, '--save-password', '--password-stdin'], {
    env: env(),
    input: `${password}\n`,
    timeoutMs: 30_000,
  });
  expect(added).toMatchObject({ status: 0, stderr: '' });
}

/** The server's recorded binding of its saved password, read from the vault. */
async function recordOf(name: string): Promise<Record<string, unknown>> {
  const server = await new ServerRegistry({ folder }).get(name);
  if (!server.ok) throw new Error(server.error.message);
  const vault = testVault(folder);
  expect((await vault.unlock(master)).ok).toBe(true);
  const read = await vault.readSecret({
    ownerKind: 'server',
    ownerId: server.value.id,
    field: bindingField('password'),
  });
  if (!read.ok || read.value === null) throw new Error('no binding recorded');
  return JSON.parse(read.value);
}

describe('a saved password bound to the content of its root certificate file', () => {
  it('a renewed CA in the same file sends nothing and says why; the same content rewritten still sends it', async () => {
    relay.target = first.port;
    await writeFile(rootFile, caFirst);
    await addServer('pinned');
    expect(await check('pinned')).toMatchObject({ status: 0, answer: { ssl: true } });
    // Written again with the same certificates (and new times): nothing changed that counts.
    await writeFile(rootFile, `# RDS CA\r\n${caFirst.replaceAll('\n', '\r\n')}`);
    await utimes(rootFile, new Date(), new Date());
    expect(await check('pinned')).toMatchObject({ status: 0, answer: { ssl: true } });
    // The endpoint now reaches another server, and the file vouches for it: the password stays home.
    relay.target = renewed.port;
    await writeFile(rootFile, caRenewed);
    const refused = await check('pinned');
    expect(refused).toMatchObject({ status: 1, answer: { error: { code: 'saved_password_root_changed' } } });
    expect(refused.answer.error.message).toBe(
      `the saved password was saved while the root certificate file ${rootFile} held other certificates than it holds now (a renewed or another CA), so it was not sent; type the password, or save it again to trust the file as it is now.`,
    );
    // The file gone: nothing is sent, and the engine names the file.
    await rm(rootFile);
    const missing = await check('pinned');
    expect(missing).toMatchObject({ status: 1, answer: { error: { code: 'root_certificate_missing' } } });
    expect(missing.answer.error.message).toContain(rootFile);
    // Saved again, the password trusts the file as it is now.
    await writeFile(rootFile, caRenewed);
    const saved = await runCli(['servers', 'edit', 'pinned', '--save-password', '--password-stdin'], {
      env: env(),
      input: `${password}\n`,
      timeoutMs: 30_000,
    });
    expect(saved.status).toBe(0);
    expect(await check('pinned')).toMatchObject({ status: 0, answer: { ssl: true } });
    expect(await settledLeftovers([first, renewed])).toEqual(nothingOpen([first, renewed]));
  }, 120_000);

  it('a record that kept only the path gains the certificates when the password is sent, then is held to them', async () => {
    relay.target = first.port;
    await writeFile(rootFile, caFirst);
    await addServer('older');
    const { rootCertificates, ...pathOnly } = await recordOf('older');
    expect(rootCertificates).toHaveLength(1);
    const server = await new ServerRegistry({ folder }).get('older');
    if (!server.ok) throw new Error(server.error.message);
    const vault = testVault(folder);
    expect((await vault.unlock(master)).ok).toBe(true);
    const address = { ownerKind: 'server' as const, ownerId: server.value.id, field: bindingField('password') };
    expect((await vault.writeSecret(address, JSON.stringify(pathOnly))).ok).toBe(true);
    expect(await check('older')).toMatchObject({ status: 0 });
    expect((await recordOf('older')).rootCertificates).toEqual(rootCertificates);
    relay.target = renewed.port;
    await writeFile(rootFile, caRenewed);
    expect(await check('older')).toMatchObject({
      status: 1,
      answer: { error: { code: 'saved_password_root_changed' } },
    });
    expect(await readFile(rootFile, 'utf8')).toBe(caRenewed);
    expect(await settledLeftovers([first, renewed])).toEqual(nothingOpen([first, renewed]));
  }, 120_000);

  it("the query tool's connection to another database trusts the certificates the saved password went with", async () => {
    relay.target = first.port;
    await writeFile(rootFile, caFirst);
    const app = createHandlers(testPorts(await mkdtemp(join(folder, 'app-'))));
    try {
      await app.table['vault:setup']({ password: master, remember: false });
      const parameters = [
        { keyword: 'hostaddr', value: '127.0.0.1' },
        { keyword: 'sslmode', value: 'verify-full' },
        { keyword: 'sslrootcert', value: rootFile },
      ];
      const created = await app.table['servers:create']({
        form: {
          ...blankServerForm(),
          name: 'query',
          host: 'localhost',
          port: relay.port,
          username: 'app',
          password,
          savePassword: true,
          parameters,
        },
      });
      if (!created.ok) throw new Error(created.error.message);
      const id = created.value.id;
      expect(await app.table['connection:connect']({ id })).toMatchObject({ ok: true });
      relay.target = renewed.port;
      await writeFile(rootFile, caRenewed);
      // Opened after the file changed, it checks the server against the file as it was read for the saved password.
      const other = await app.table['query:run']({
        serverId: id,
        sql: 'select 1',
        rowLimit: 10,
        database: 'template1',
      });
      expect(other).toMatchObject({ ok: false, error: { code: 'certificate_untrusted' } });
    } finally {
      await app.sessions.closeAll();
    }
    expect(await settledLeftovers([first, renewed])).toEqual(nothingOpen([first, renewed]));
  }, 120_000);
});

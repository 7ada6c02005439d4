import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHandlers, createHandlers } from '../../../electron/app/create-handlers';
import { blankServerForm, type ServerForm } from '../../../shared/contract/server-form';
import { startTlsServer, type TlsServer } from '../../e2e/support/tls-server';
import { testPorts } from './app-ports';

let server: TlsServer;
let home: string;
let app: AppHandlers;

beforeAll(async () => {
  server = await startTlsServer();
  home = await mkdtemp(join(tmpdir(), 'rdspg-handlers-'));
  app = createHandlers(testPorts(home));
}, 120_000);

afterAll(async () => {
  await app?.sessions.closeAll();
  await server?.destroy();
  await rm(home, { recursive: true, force: true });
});

function form(rootCertificate: string, change: Partial<ServerForm> = {}): ServerForm {
  return {
    ...blankServerForm(),
    name: 'lab',
    host: '127.0.0.1',
    port: server.cluster.port,
    username: 'postgres',
    password: server.password,
    savePassword: true,
    parameters: [
      { keyword: 'sslmode', value: 'verify-full' },
      { keyword: 'sslrootcert', value: rootCertificate },
      { keyword: 'connect_timeout', value: '10' },
    ],
    ...change,
  };
}

async function everyFileText(folder: string): Promise<string> {
  const names = await readdir(folder, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    names.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

describe('main-side handlers with the real vault, registry, engine and a TLS PostgreSQL', () => {
  const t = () => app.table;

  it('first run: status, setup; a short master password is refused', async () => {
    expect(await t()['vault:status']({})).toMatchObject({ ok: true, value: { initialized: false, unlocked: false } });
    const weak = await t()['vault:setup']({ password: 'short', remember: false });
    expect(weak).toMatchObject({ ok: false, error: { code: 'weak_password' } });
    expect(await t()['vault:setup']({ password: 'master password 1', remember: false })).toMatchObject({
      ok: true,
      value: { unlocked: true },
    });
  });

  it('Test connection with the right root certificate reports TLS 1.3, the cipher and the chain', async () => {
    const answer = await t()['connection:test']({ form: form(server.root.own.certPath) });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.ssl).toBe(true);
    expect(answer.value.protocol).toBe('TLSv1.3');
    expect(answer.value.cipher).toMatch(/^TLS_/);
    expect(answer.value.serverCertificate?.subject).toContain('CN=localhost');
    expect(answer.value.chain.length).toBeGreaterThanOrEqual(1);
  });

  it('Test connection with another CA fails as certificate_untrusted', async () => {
    const answer = await t()['connection:test']({ form: form(server.foreign.own.certPath) });
    expect(answer).toMatchObject({ ok: false, error: { code: 'certificate_untrusted' } });
  });

  it('create keeps the password in the vault only; list says it is saved', async () => {
    const created = await t()['servers:create']({ form: form(server.root.own.certPath) });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ name: 'lab', sslmode: 'verify-full', passwordSaved: true });
    const listed = await t()['servers:list']({});
    expect(listed.ok && listed.value.servers.map((item) => item.name)).toEqual(['lab']);
    expect(await everyFileText(home)).not.toContain(server.password);
    const duplicate = await t()['servers:create']({ form: form(server.root.own.certPath) });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'duplicate_name' } });
  });

  it('Connect uses the saved password, lists the SSL facts; Disconnect closes it', async () => {
    const listed = await t()['servers:list']({});
    const id = listed.ok ? listed.value.servers[0]!.id : '';
    const connected = await t()['connection:connect']({ id });
    if (!connected.ok) throw new Error(connected.error.message);
    expect(connected.value.facts).toMatchObject({ ssl: true, protocol: 'TLSv1.3' });
    const open = await t()['connection:list']({});
    expect(open.ok && open.value.map((item) => item.serverId)).toEqual([id]);
    expect(await t()['connection:disconnect']({ id })).toEqual({ ok: true, value: {} });
    expect(await t()['connection:disconnect']({ id })).toMatchObject({ ok: false, error: { code: 'not_connected' } });
  });

  it('Clear saved password, then Connect asks for it (password_required) and accepts one given', async () => {
    const listed = await t()['servers:list']({});
    const id = listed.ok ? listed.value.servers[0]!.id : '';
    expect(await t()['servers:clear-password']({ id })).toMatchObject({ ok: true, value: { passwordSaved: false } });
    expect(await t()['connection:connect']({ id })).toMatchObject({ ok: false, error: { code: 'password_required' } });
    const given = await t()['connection:connect']({ id, password: server.password });
    expect(given).toMatchObject({ ok: true, value: { facts: { ssl: true } } });
  });

  it('Lock closes connections and saving a password while locked answers vault_locked; Properties reads back', async () => {
    expect(await t()['vault:lock']({})).toMatchObject({ ok: true, value: { unlocked: false } });
    expect(await t()['connection:list']({})).toEqual({ ok: true, value: [] });
    const locked = await t()['servers:create']({ form: form(server.root.own.certPath, { name: 'other' }) });
    expect(locked).toMatchObject({ ok: false, error: { code: 'vault_locked' } });
    const wrong = await t()['vault:unlock']({ password: 'not the password', remember: false });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_password' } });
    expect(await t()['vault:unlock']({ password: 'master password 1', remember: false })).toMatchObject({ ok: true });
    const listed = await t()['servers:list']({});
    const id = listed.ok ? listed.value.servers[0]!.id : '';
    const details = await t()['servers:get']({ id });
    expect(details).toMatchObject({
      ok: true,
      value: { form: { name: 'lab', password: '', port: server.cluster.port } },
    });
  });

  it('change and reset the master password; reset deletes saved passwords and keeps servers; Delete removes', async () => {
    const listed = await t()['servers:list']({});
    const id = listed.ok ? listed.value.servers[0]!.id : '';
    await t()['connection:connect']({ id, password: server.password, savePassword: true });
    expect(await t()['vault:change']({ current: 'master password 1', next: 'master password 2' })).toMatchObject({
      ok: true,
    });
    const reset = await t()['vault:reset']({ password: 'master password 3', confirmation: 'RESET', remember: false });
    expect(reset).toMatchObject({ ok: true, value: { deletedSecrets: 1 } });
    const after = await t()['servers:list']({});
    expect(after.ok && after.value.servers.map((item) => [item.name, item.passwordSaved])).toEqual([['lab', false]]);
    expect(await t()['servers:delete']({ id })).toEqual({ ok: true, value: {} });
    expect(await t()['servers:get']({ id })).toMatchObject({ ok: false, error: { code: 'server_not_found' } });
  });

  it('certs:inspect-root shows subject and expiry, and fails on a file that is not a certificate', async () => {
    const root = await t()['certs:inspect-root']({ path: server.root.own.certPath });
    expect(root).toMatchObject({
      ok: true,
      value: { certificates: [{ subject: expect.stringContaining('E2E Root CA'), isCA: true }] },
    });
    const missing = await t()['certs:inspect-root']({ path: join(home, 'nope.pem') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'file_not_found' } });
  });

  it('files: list a folder, upload a file into the data folder, no native dialog in server mode', async () => {
    const listed = await t()['files:list']({ path: home });
    expect(listed.ok && listed.value.path).toBe(home);
    const uploaded = await t()['files:upload']({
      fileName: '../../evil/ca.pem',
      contentBase64: Buffer.from(server.root.certPem).toString('base64'),
    });
    if (!uploaded.ok) throw new Error(uploaded.error.message);
    expect(uploaded.value.path.startsWith(join(home, 'uploads'))).toBe(true);
    expect(uploaded.value.path.endsWith('-ca.pem')).toBe(true);
    expect(await readFile(uploaded.value.path, 'utf8')).toBe(server.root.certPem);
    expect(await t()['files:choose']({ purpose: 'root-certificate' })).toMatchObject({
      ok: false,
      error: { code: 'not_available' },
    });
  });
});

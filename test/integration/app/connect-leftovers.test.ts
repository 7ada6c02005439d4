import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHandlers, createHandlers } from '../../../electron/app/create-handlers';
import { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { blankServerForm, type ServerForm } from '../../../shared/contract/server-form';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { TestAuthority } from '../../support/pki';
import { testPorts } from './app-ports';

// The long-lived app: a failed Test connection or Connect must leave nothing open on the server, or every click
// would leave a connection behind until the server's authentication_timeout.
let cluster: LocalPostgresCluster;
let root: TestAuthority;
let home: string;
let app: AppHandlers;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdspg-connect-leftovers-'));
  root = await TestAuthority.createRoot(join(home, 'root'), 'Leftovers Root CA');
  const server = await root.issue({ commonName: 'localhost', dns: ['localhost'] });
  cluster = await LocalPostgresCluster.create({
    tls: { certificatePem: server.certPem, keyPem: server.keyPem },
    hba: ['hostssl all all 127.0.0.1/32 scram-sha-256'],
  });
  await cluster.start();
  await cluster.sql("create user bob password 'bobs-secret'");
  await cluster.sql("alter system set authentication_timeout = '600s'");
  await cluster.sql('select pg_reload_conf()');
  app = createHandlers(testPorts(home));
}, 120_000);

afterAll(async () => {
  await app?.sessions.closeAll();
  await cluster?.destroy();
  await rm(home, { recursive: true, force: true });
});

function form(password: string): ServerForm {
  return {
    ...blankServerForm(),
    name: `bob-${Math.random().toString(36).slice(2)}`,
    host: 'localhost',
    port: cluster.port,
    username: 'bob',
    password,
    savePassword: false,
    parameters: [
      { keyword: 'sslmode', value: 'verify-full' },
      { keyword: 'sslrootcert', value: root.own.certPath },
    ],
  };
}

describe('failed connections of the app leave nothing open on the server', () => {
  it.each([
    ['no password', '', 'password_required'],
    ['wrong password', 'wrong', 'authentication_failed'],
  ])('Test connection with %s', async (_name, password, code) => {
    expect(await app.table['connection:test']({ form: form(password) })).toMatchObject({ ok: false, error: { code } });
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it('Connect without a password, then with a wrong one; Disconnect after a good one', async () => {
    expect(await app.table['vault:setup']({ password: 'master password 1', remember: false })).toMatchObject({
      ok: true,
    });
    const created = await app.table['servers:create']({ form: form('') });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    expect(await app.table['connection:connect']({ id })).toMatchObject({
      ok: false,
      error: { code: 'password_required' },
    });
    expect(await app.table['connection:connect']({ id, password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'authentication_failed' },
    });
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
    expect(await app.table['connection:connect']({ id, password: 'bobs-secret' })).toMatchObject({ ok: true });
    expect((await settledLeftovers([cluster], 500))[0]?.backends).toBe(1);
    expect(await app.table['connection:disconnect']({ id })).toEqual({ ok: true, value: {} });
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });
});

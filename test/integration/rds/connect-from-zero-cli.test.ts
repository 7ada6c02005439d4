import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedSandbox, startSandbox } from '../../../electron/sandbox/index';
import { runCli } from '../../support/run-cli';

// From zero to Verify-Full on the CLI (spawned `node dist/rdspg.cjs`; build first): a fresh sandbox instance backed
// by real PostgreSQL with SSL off, no public endpoint, a whitelist without this computer (127.0.0.2 for the
// sandbox) and no account. The doctor names each problem; each is fixed with the CLI; then SSL is enforced.
const id = 'pgm-bp1sandbox16pg';
const host = 'orders-public.pg.rds.aliyuncs.com';
const password = 'App-passw0rd';
const masterPassword = 'correct horse battery staple';
let started: StartedSandbox;
let home: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'rds-from-zero-'));
  started = await startSandbox({
    postgres: true,
    fresh: true,
    clientAddress: '127.0.0.2',
    modifyStartDelayMs: 300,
    modifyDelayMs: 300,
    netChangeDelayMs: 300,
  });
}, 120_000);
afterAll(async () => {
  await started?.stop();
  rmSync(home, { recursive: true, force: true });
});

function rdspg(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    RDSPG_HOME: join(home, 'app'),
    RDSPG_KEYCHAIN: 'off',
    RDSPG_MASTER_PASSWORD: masterPassword,
    RDSPG_RDS_ENDPOINT: started.sandbox.endpoint,
    ALIBABA_CLOUD_ACCESS_KEY_ID: started.sandbox.accessKey.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: started.sandbox.accessKey.accessKeySecret,
    ...options.env,
  };
  return runCli(args, { env, timeoutMs: 90_000, ...(options.input !== undefined ? { input: options.input } : {}) });
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix: string | null;
}

async function doctor(args: string[] = []): Promise<{ status: number; checks: Check[] }> {
  const result = await rdspg(['rds', 'doctor', id, ...args, '--json']);
  expect(result.stderr).toBe('');
  return { status: result.status, checks: JSON.parse(result.stdout).checks };
}

describe('rdspg from zero to a verified connection', () => {
  it('the doctor names each problem in order; fixing each with the CLI ends connected with Verify-Full', async () => {
    expect((await rdspg(['vault', 'init'])).status).toBe(0);
    const before = await doctor();
    expect(before.status).toBe(1);
    expect(before.checks.map((check) => [check.name, check.ok])).toEqual([
      ['instance running', true],
      ['endpoint', false],
      ['whitelist', false],
      ['ssl', false],
      ['certificate', false],
      ['root certificate', false],
      ['account', false],
      ['database', false],
    ]);
    const whitelist = before.checks[2] as Check;
    // The address comes from the server's own refusal of the doctor's probe, not from anything typed.
    expect(whitelist.detail).toContain('the server saw this computer as 127.0.0.2');
    const offered = /--ip (\S+)"/.exec(whitelist.fix ?? '')?.[1];
    expect(offered).toBe('127.0.0.2');

    const allocated = await rdspg(['rds', 'public-endpoint', 'allocate', id, '--prefix', 'orders-public', '--json']);
    expect(allocated.status).toBe(0);
    const port = JSON.parse(allocated.stdout).port as number;
    expect((await rdspg(['rds', 'whitelist', 'add', id, '--ip', offered ?? ''])).status).toBe(0);
    const account = await rdspg(['rds', 'account', 'create', id, 'app_user', '--password-stdin'], {
      input: `${password}\n`,
    });
    expect(account.status).toBe(0);
    expect((await rdspg(['rds', 'ssl', 'enable', id, '--endpoint', host, '--json'])).status).toBe(0);
    const ca = await rdspg(['rds', 'ca', 'download', id, '--out', join(home, 'ca'), '--json']);
    expect(ca.status).toBe(0);
    const rootCertificate = JSON.parse(ca.stdout).files.pem as string;

    const conninfo = `host=${host} hostaddr=127.0.0.1 port=${port} user=app_user dbname=postgres sslmode=verify-full sslrootcert=${rootCertificate}`;
    const added = await rdspg(['servers', 'add', 'orders', conninfo, '--save-password', '--password-stdin'], {
      input: `${password}\n`,
    });
    expect(added.status).toBe(0);
    const after = await doctor(['--server', 'orders']);
    expect(after.checks.filter((check) => !check.ok)).toEqual([]);
    expect(after.status).toBe(0);

    // rdspg check's `ssl` is the server's answer to: select ssl from pg_stat_ssl where pid = pg_backend_pid().
    const checked = await rdspg(['check', '--server', 'orders', '--json']);
    expect(checked.status).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ ok: true, ssl: true, user: 'app_user', host });

    const plain = `host=${host} hostaddr=127.0.0.1 port=${port} user=app_user dbname=postgres sslmode=disable`;
    const acceptedPlain = await rdspg(['check', plain, '--json'], { env: { PGPASSWORD: password } });
    expect(JSON.parse(acceptedPlain.stdout)).toMatchObject({ ok: true, ssl: false });

    const enforced = await rdspg(['rds', 'ssl', 'enforce', id, 'on']);
    expect(enforced.status).toBe(0);
    expect(enforced.stdout).toContain('Plain (non-SSL) connections accepted now: yes; after: no.');
    const refused = await rdspg(['check', plain, '--json'], { env: { PGPASSWORD: password } });
    expect(refused.status).toBe(1);
    const { error } = JSON.parse(refused.stdout);
    expect(error.code).toBe('server_requires_ssl');
    expect(error.message).toContain(
      'no pg_hba.conf entry for host "127.0.0.2", user "app_user", database "postgres", no encryption',
    );
    expect((await rdspg(['check', '--server', 'orders', '--json'])).status).toBe(0);

    // Every call above closed its connections, the refused ones included.
    const open = await started.backing?.cluster.sql(
      "select count(*)::int as open from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
    );
    expect(open).toEqual([{ open: 0 }]);
  }, 600_000);
});

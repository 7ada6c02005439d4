import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseAccountSecret } from '../../../electron/rds/database-accounts';
import { RdsSandbox } from '../../../electron/sandbox/index';
import { absentKeychain, Vault } from '../../../electron/vault/index';
import { runCli } from '../../support/run-cli';

// Spawns the built CLI (node build/bundle.mjs first): whitelist and database accounts against the sandbox.
const timeoutMs = 60_000;
const id = 'pgm-bp1sandbox16pg';
const masterPassword = 'correct horse battery staple';
let sandbox: RdsSandbox;
let home: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'rds-connect-cli-'));
  sandbox = new RdsSandbox({ netChangeDelayMs: 1500 });
  await sandbox.start();
});
afterAll(async () => {
  await sandbox.close();
  rmSync(home, { recursive: true, force: true });
});

function env(): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: home,
    RDSPG_HOME: join(home, 'app'),
    RDSPG_KEYCHAIN: 'off',
    RDSPG_MASTER_PASSWORD: masterPassword,
    ALIBABA_CLOUD_ACCESS_KEY_ID: sandbox.accessKey.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: sandbox.accessKey.accessKeySecret,
  };
}

function rds(args: string[], input?: string) {
  return runCli(['rds', ...args, '--endpoint', sandbox.endpoint], {
    env: env(),
    timeoutMs,
    ...(input !== undefined ? { input } : {}),
  });
}

function groups(): Record<string, string[]> {
  const record = sandbox.connect.of(sandbox.instances.get(id)!);
  return Object.fromEntries(record.whitelist.map((group) => [group.name, group.ips]));
}

describe('rdspg rds whitelist', () => {
  it('shows the groups, adds this address to the group rdspg only, shows the change, and removes it again', async () => {
    const shown = await rds(['whitelist', 'show', id, '--json']);
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout)).toEqual([{ name: 'default', attribute: '', ips: ['127.0.0.1'] }]);

    const added = await rds(['whitelist', 'add', id, '--ip', '203.0.113.7']);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('Whitelist group "rdspg":');
    expect(added.stdout).toContain('before: (empty)');
    expect(added.stdout).toContain('after:  203.0.113.7');
    expect(groups()).toEqual({ default: ['127.0.0.1'], rdspg: ['203.0.113.7'] });

    const again = await rds(['whitelist', 'add', id, '--ip', '203.0.113.7', '--json']);
    expect(again.status).toBe(0);
    const plan = JSON.parse(again.stdout).plan;
    expect(plan).toMatchObject({ changed: false, before: ['203.0.113.7'], after: ['203.0.113.7'] });
    expect(sandbox.stats.calls.ModifySecurityIps).toBe(1);

    const removed = await rds(['whitelist', 'remove', id, '--ip', '203.0.113.7', '--json']);
    expect(removed.status).toBe(0);
    expect(JSON.parse(removed.stdout).plan).toMatchObject({ before: ['203.0.113.7'], after: [], changed: true });
    expect(groups()).toEqual({ default: ['127.0.0.1'] });
  });

  it('never rewrites the user groups and refuses a bad address before calling the service', async () => {
    const record = sandbox.connect.of(sandbox.instances.get(id)!);
    record.whitelist.push({ name: 'office', attribute: '', ips: ['198.51.100.0/24'] });
    const removed = await rds(['whitelist', 'remove', id, '--ip', '198.51.100.9']);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain('Nothing to change.');
    expect(groups().office).toEqual(['198.51.100.0/24']);

    const calls = sandbox.stats.calls.ModifySecurityIps ?? 0;
    const bad = await rds(['whitelist', 'add', id, '--ip', '300.1.2.3']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('[invalid_parameter]');
    expect(bad.stderr).toContain('not an IPv4 address');
    expect(sandbox.stats.calls.ModifySecurityIps ?? 0).toBe(calls);

    const missing = await rds(['whitelist', 'add', id]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--ip IP');
  });
});

describe('rdspg rds accounts', () => {
  it('creates a privileged account with the password from stdin, saves it in the vault and lists it', async () => {
    const init = await runCli(['vault', 'init'], { env: env(), timeoutMs });
    expect(init.status).toBe(0);
    const empty = await rds(['accounts', id, '--json']);
    expect(empty.status).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual({ accounts: [] });

    const created = await rds(
      ['account', 'create', id, 'app_owner', '--privileged', '--password-stdin'],
      'Str0ng-pass\n',
    );
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('privileged account app_owner');
    expect(created.stdout).not.toContain('Str0ng-pass');
    expect(sandbox.connect.of(sandbox.instances.get(id)!).accounts[0]).toMatchObject({
      name: 'app_owner',
      type: 'Super',
      password: 'Str0ng-pass',
    });
    const vault = new Vault({ folder: join(home, 'app'), keychain: absentKeychain('test') });
    expect((await vault.unlock(masterPassword)).ok).toBe(true);
    const secret = await vault.readSecret(databaseAccountSecret(id, 'app_owner'));
    expect(secret).toEqual({ ok: true, value: 'Str0ng-pass' });

    const listed = await rds(['accounts', id]);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/app_owner\s+privileged\s+Available/);
  });

  it('answers a taken name and a weak password with coded errors and a next step', async () => {
    const taken = await rds(['account', 'create', id, 'app_owner', '--password-stdin'], 'An0ther-pass\n');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('InvalidAccountName.Duplicate');
    expect(taken.stderr).toContain('pick another name');
    const weak = await rds(['account', 'create', id, 'reader', '--password-stdin'], 'short\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('[invalid_parameter]');
    expect(weak.stderr).toContain('8 to 32 characters');
  });
});

describe('rdspg rds public-endpoint', () => {
  const internalOnly = 'pgm-bp1sandbox10pg';

  it('allocates a public endpoint with the prefix and port given, waits for it, and releases it again', async () => {
    const prefix = 'legacy-public';
    const allocated = await rds([
      'public-endpoint',
      'allocate',
      internalOnly,
      '--prefix',
      prefix,
      '--port',
      '3433',
      '--json',
    ]);
    expect(allocated.status).toBe(0);
    expect(JSON.parse(allocated.stdout)).toEqual({
      instanceId: internalOnly,
      endpoint: `${prefix}.pg.rds.aliyuncs.com`,
      port: 3433,
      sslReminder: null,
    });
    const instance = sandbox.instances.get(internalOnly)!;
    expect(instance.status).toBe('Running');
    // pgm-bp1sandbox10pg is on the classic network: its internal endpoint is IPType Inner.
    expect(instance.endpoints.map((endpoint) => endpoint.ipType)).toEqual(['Inner', 'Public']);

    const twice = await rds(['public-endpoint', 'allocate', internalOnly]);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain(`already has the public endpoint ${prefix}.pg.rds.aliyuncs.com`);

    const released = await rds(['public-endpoint', 'release', internalOnly]);
    expect(released.status).toBe(0);
    expect(released.stdout).toContain(`Released the public endpoint ${prefix}.pg.rds.aliyuncs.com`);
    expect(instance.endpoints.map((endpoint) => endpoint.ipType)).toEqual(['Inner']);
    const none = await rds(['public-endpoint', 'release', internalOnly]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('[endpoint_not_found]');
  });

  it('reminds that the certificate protects one endpoint and refuses a bad port before calling', async () => {
    const instance = sandbox.instances.get(internalOnly)!;
    instance.ssl = { ...instance.ssl, enabled: true, protectedEndpoint: `${internalOnly}.pg.rds.aliyuncs.com` };
    const allocated = await rds(['public-endpoint', 'allocate', internalOnly]);
    expect(allocated.status).toBe(0);
    expect(allocated.stdout).toContain(`${internalOnly}-pub.pg.rds.aliyuncs.com port 5432`);
    expect(allocated.stdout).toContain('a cloud certificate covers one endpoint');
    const badPort = await rds(['public-endpoint', 'allocate', internalOnly, '--port', '80']);
    expect(badPort.status).toBe(2);
    expect(badPort.stderr).toContain('1000 to 5999');
  });
});

describe('rdspg rds ssl enforce', () => {
  const hbaOf = () => sandbox.connect.of(sandbox.instances.get(id)!);

  it('shows that plain connections are accepted, turns host into hostssl by reload, waits, and turns it back', async () => {
    const on = await rds(['ssl', 'enforce', id, 'on']);
    expect(on.status).toBe(0);
    expect(on.stdout).toContain('Plain (non-SSL) connections accepted now: yes; after: no.');
    expect(on.stdout).toContain('#1: host all all 0.0.0.0/0 md5  →  hostssl all all 0.0.0.0/0 md5');
    expect(on.stdout).toContain('reload');
    expect(on.stdout).toContain('Done: the new pg_hba entries are running.');
    expect(hbaOf().hba.map((item) => item.type)).toEqual(['hostssl']);
    expect(hbaOf().hbaModifyStatus).toBe('success');

    const again = await rds(['ssl', 'enforce', id, 'on', '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ plainAcceptedBefore: false, changes: [] });
    expect(sandbox.stats.calls.ModifyPGHbaConfig).toBe(1);

    const off = await rds(['ssl', 'enforce', id, 'off', '--json']);
    expect(off.status).toBe(0);
    expect(JSON.parse(off.stdout)).toMatchObject({ plainAcceptedBefore: false, plainAcceptedAfter: true });
    expect(hbaOf().hba.map((item) => item.type)).toEqual(['host']);
  });

  it('refuses a setting other than on or off', async () => {
    const wrong = await rds(['ssl', 'enforce', id, 'maybe']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('on or off');
  });
});

describe('rdspg rds doctor', () => {
  const names = [
    'instance running',
    'endpoint',
    'whitelist',
    'ssl',
    'certificate',
    'root certificate',
    'account',
    'database',
  ];

  it('runs the checks in order, each with name, ok, detail, fix and its finding, and exits 1 when one fails', async () => {
    const other = 'pgm-bp1sandbox14rw';
    const result = await rds(['doctor', other, '--ip', '198.51.100.20', '--json']);
    expect(result.status).toBe(1);
    const { checks } = JSON.parse(result.stdout);
    expect(checks.map((item: { name: string }) => item.name)).toEqual(names);
    for (const item of checks) expect(Object.keys(item)).toEqual(['name', 'ok', 'detail', 'fix', 'finding']);
    expect(checks[0]).toEqual({
      name: 'instance running',
      ok: true,
      detail: 'status Running',
      fix: null,
      finding: { code: 'instance_status', params: { status: 'Running' } },
    });
    // The sandbox's host names do not resolve on this machine: the real resolver says so.
    expect(checks[1].ok).toBe(false);
    expect(checks[1].detail).toContain(`${other}o.pg.rds.aliyuncs.com: not resolved`);
    expect(checks[2]).toMatchObject({
      ok: false,
      fix: `add it with "rdspg rds whitelist add ${other} --ip 198.51.100.20"`,
    });
    expect(checks[3]).toMatchObject({ ok: false, detail: 'SSL off', finding: { code: 'ssl_off' } });
    expect(checks[3].fix).toContain(`rdspg rds ssl enable ${other} --endpoint ${other}o.pg.rds.aliyuncs.com`);
    expect(checks[6]).toMatchObject({ ok: false, detail: 'accounts: none' });
  });

  it('passes the whitelist check once the address is added and the account check once one exists', async () => {
    const added = await rds(['whitelist', 'add', id, '--ip', '198.51.100.0/24']);
    expect(added.status).toBe(0);
    const result = await rds(['doctor', id, '--ip', '198.51.100.20']);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^ok {2}\s*whitelist: 198\.51\.100\.20 is in the whitelist/m);
    // app_owner was created by the accounts test above.
    expect(result.stdout).toMatch(/^ok {2}\s*account: accounts: app_owner/m);
    expect(result.stdout).toMatch(/^FAIL\s+ssl: SSL off\n\s+fix: protect the endpoint/m);
  });
});

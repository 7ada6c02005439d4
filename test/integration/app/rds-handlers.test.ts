import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHandlers, createHandlers } from '../../../electron/app/create-handlers';
import { dispatch } from '../../../electron/app/handler-table';
import type { AppPorts } from '../../../electron/app/ports';
import { createRdsPort } from '../../../electron/app/rds-ports';
import { seededInstances } from '../../../electron/sandbox/seed';
import type { FlowStatus } from '../../../shared/contract/rds';
import { selfSignedRsa } from '../../support/cert-tools';
import { testPorts } from './app-ports';

let home: string;
let ports: AppPorts;
let app: AppHandlers;
const backed = 'pgm-bp1sandbox16pg';
const publicHost = `${backed}o.pg.rds.aliyuncs.com`;
const where = { accountId: 'sandbox', regionId: 'cn-hangzhou', instanceId: backed };

/** Calls a channel through the same validation as IPC and server mode. */
// biome-ignore lint/suspicious/noExplicitAny: the answers are checked field by field below
async function call(name: string, payload: unknown = {}): Promise<any> {
  return dispatch(app.table, name, payload);
}

async function finished(jobId: string): Promise<FlowStatus> {
  for (;;) {
    const answer = await call('rds:flow-status', { jobId });
    expect(answer.ok).toBe(true);
    if (answer.value.state !== 'running') return answer.value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdspg-rds-handlers-'));
  const base = testPorts(home);
  const env = { ...base.env, RDSPG_SANDBOX_MODIFY_DELAY_MS: '200' };
  ports = { ...base, env, rds: createRdsPort({ home, env, vault: base.vault }) };
  app = createHandlers(ports);
}, 120_000);

afterAll(async () => {
  await app?.sessions.closeAll();
  await ports?.rds.close();
  await rm(home, { recursive: true, force: true });
});

describe('rds handlers against the in-process sandbox backed by real PostgreSQL', () => {
  it('adds an AccessKey profile only with the vault unlocked, and keeps the secret out of the profile file', async () => {
    const profile = {
      name: 'work',
      accessKeyId: 'LTAI-test-id',
      accessKeySecret: 'top-secret-value',
      regionId: 'cn-hangzhou',
    };
    const locked = await call('rds:account-add', profile);
    expect(locked.error.code).toBe('credentials_missing');
    expect((await call('vault:setup', { password: 'correct horse battery staple', remember: false })).ok).toBe(true);
    const insecure = await call('rds:account-add', { ...profile, endpoint: 'http://rds.example.com' });
    expect(insecure.error.code).toBe('insecure_endpoint');
    const added = await call('rds:account-add', { ...profile, endpoint: 'https://rds.example.com' });
    expect(added.value).toMatchObject({ id: 'profile:work', kind: 'profile', endpoint: 'https://rds.example.com' });
    const files =
      (await readFile(join(home, 'rds-profiles.json'), 'utf8')) +
      (await readFile(join(home, 'rds-endpoints.json'), 'utf8'));
    expect(files).toContain('LTAI-test-id');
    expect(files).not.toContain('top-secret-value');
    const listed = await call('rds:accounts');
    expect(JSON.stringify(listed)).not.toContain('top-secret-value');
    expect(listed.value.accounts.map((account: { id: string }) => account.id)).toEqual(['profile:work']);
  });

  it('lists the ALIBABA_CLOUD_* variables and the aliyun CLI profiles as accounts', async () => {
    await mkdir(join(home, 'cli', '.aliyun'), { recursive: true });
    const profile = {
      name: 'ops',
      mode: 'AK',
      access_key_id: 'LTAI-cli',
      access_key_secret: 'cli-secret',
      region_id: 'cn-beijing',
    };
    await writeFile(
      join(home, 'cli', '.aliyun', 'config.json'),
      JSON.stringify({ current: 'ops', profiles: [profile] }),
    );
    const env = {
      HOME: join(home, 'cli'),
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI-env',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret',
    };
    const other = createRdsPort({ home: join(home, 'cli'), env, vault: ports.vault });
    const accounts = await other.panel.list();
    expect(accounts.map(({ id, accessKeyId, regionId }) => ({ id, accessKeyId, regionId }))).toEqual([
      { id: 'environment', accessKeyId: 'LTAI-env', regionId: 'cn-hangzhou' },
      { id: 'aliyun-cli:ops', accessKeyId: 'LTAI-cli', regionId: 'cn-beijing' },
    ]);
    expect(JSON.stringify(accounts)).not.toMatch(/secret/);
  });

  it('starts the sandbox, lists regions and PostgreSQL instances, and says why SSL is unavailable', async () => {
    const started = await call('rds:sandbox-start');
    expect(started.value).toMatchObject({ id: 'sandbox', kind: 'sandbox', regionId: 'cn-hangzhou' });
    expect(started.value.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const regions = await call('rds:regions', { accountId: 'sandbox' });
    expect(regions.value.regions.map((region: { regionId: string }) => region.regionId)).toContain('cn-shanghai');
    const instances = await call('rds:instances', { accountId: 'sandbox', regionId: 'cn-hangzhou' });
    const expected = seededInstances().filter(
      (item) => item.regionId === 'cn-hangzhou' && item.engine === 'PostgreSQL',
    );
    expect(instances.value.instances.map((item: { instanceId: string }) => item.instanceId).sort()).toEqual(
      expected.map((item) => item.instanceId).sort(),
    );
    const old = await call('rds:instance', { ...where, instanceId: 'pgm-bp1sandbox94pg' });
    expect(old.value.problems.map((problem: { reason: string }) => problem.reason)).toEqual([
      'version_too_old',
      'local_disk',
    ]);
    expect(old.value.ssl.unavailableReason).toContain('PostgreSQL 9.4 is too old');
    const serverless = await call('rds:instance', { ...where, instanceId: 'pgm-bp1sandbox14sl' });
    expect(serverless.value.problems.map((problem: { reason: string }) => problem.reason)).toEqual(['serverless']);
    const page = await call('rds:instance', where);
    expect(page.value.problems).toEqual([]);
    expect(page.value.ssl.enabled).toBe(false);
    expect(page.value.choices.find((choice: { recommended: boolean }) => choice.recommended).host).toBe(publicHost);
  });

  it('names regions in the UI language and shows read-only instances and the scheduled renewal', async () => {
    const english = await call('rds:regions', { accountId: 'sandbox', language: 'en' });
    const chinese = await call('rds:regions', { accountId: 'sandbox', language: 'zh-CN' });
    const name = (answer: { value: { regions: { regionId: string; localName: string }[] } }) =>
      answer.value.regions.find((region) => region.regionId === 'cn-hangzhou')?.localName;
    expect([name(english), name(chinese)]).toEqual(['China (Hangzhou)', '华东 1（杭州）']);
    const readOnly = await call('rds:instance', { ...where, instanceId: 'pgr-bp1sandbox16ro', language: 'en' });
    expect(readOnly.value.instance).toMatchObject({ instanceType: 'Readonly', primaryInstanceId: where.instanceId });
    expect(readOnly.value.renewal).toBeNull();
    const tokyo = await call('rds:instances', { accountId: 'sandbox', regionId: 'ap-northeast-1' });
    expect(tokyo.value.instances.map((item: { instanceId: string }) => item.instanceId)).toEqual([
      'pgm-6wesandbox15pg',
    ]);
  });

  it('enables SSL on the public endpoint as a job, downloads the CA, and the register form passes verify-full', async () => {
    expect((await call('rds:flow-start', { ...where, change: { kind: 'bogus' } })).error.code).toBe('invalid_request');
    const started = await call('rds:flow-start', { ...where, change: { kind: 'enable', endpoint: publicHost } });
    const done = await finished(started.value.jobId);
    expect(done).toMatchObject({ state: 'succeeded', instanceStatus: 'Running', lastModifyStatus: 'success' });
    expect(done.steps).toEqual(expect.arrayContaining(['prerequisites', 'restart_warning', 'sent', 'done']));
    expect(done.ssl).toMatchObject({ enabled: true, protectedEndpoint: publicHost, caType: 'aliyun' });
    expect(done.reminder).toMatch(/open them again/);

    const ca = await call('rds:ca-download', where);
    expect(ca.value.endpoint).toBe(publicHost);
    expect(Buffer.from(ca.value.files.pem.contentBase64, 'base64').toString()).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(ca.value.files.jks.fileName).toMatch(/\.jks$/);
    const store = await call('certificates:list');
    expect(store.value.entries.map((entry: { label: string }) => entry.label).join()).toContain(backed);

    const unnamed = await call('rds:register-form', {
      ...where,
      endpoint: publicHost,
      rootCertificatePath: ca.value.rootCertificatePath,
    });
    // RDS users cannot log in as postgres: without an account picked, the user is left empty.
    expect(unnamed.value.form.username).toBe('');
    const created = await call('rds:database-account-create', {
      ...where,
      name: 'app_owner',
      type: 'Normal',
      password: 'Str0ng-passw0rd',
    });
    expect(created.value).toEqual({ name: 'app_owner', passwordSaved: true });
    const accounts = await call('rds:database-accounts', where);
    expect(accounts.value.accounts.map((account: { name: string }) => account.name)).toEqual(['app_owner']);
    const register = await call('rds:register-form', {
      ...where,
      endpoint: publicHost,
      rootCertificatePath: ca.value.rootCertificatePath,
      username: 'app_owner',
    });
    const form = { ...register.value.form, password: 'Str0ng-passw0rd' };
    expect(form).toMatchObject({ host: publicHost, maintenanceDatabase: 'postgres', username: 'app_owner' });
    expect(form.parameters).toEqual(
      expect.arrayContaining([
        { keyword: 'sslmode', value: 'verify-full' },
        { keyword: 'sslrootcert', value: ca.value.rootCertificatePath },
        { keyword: 'hostaddr', value: '127.0.0.1' },
      ]),
    );
    const tested = await call('connection:test', { form });
    expect(tested.error).toBeUndefined();
    expect(tested.value).toMatchObject({ ssl: true, host: publicHost });
    expect(tested.value.serverCertificate.subjectAltNames).toContain(`DNS:${publicHost}`);
  });

  it('refuses instance and region ids not shaped as documented, and writes nothing outside the data folder', async () => {
    const climbing = `../../../escaped-${process.pid}`;
    for (const request of [
      { ...where, instanceId: climbing },
      { ...where, instanceId: `${backed}/../../x` },
      { ...where, regionId: '../cn-hangzhou' },
    ]) {
      const answer = await call('rds:ca-download', request);
      expect(answer.error.code).toBe('invalid_request');
    }
    expect(existsSync(join(home, 'rds', 'ca-files', climbing))).toBe(false);
    expect((await call('rds:instance', { ...where, instanceId: 'PGM-UPPER' })).error.code).toBe('invalid_request');
  });

  it('audits every PostgreSQL instance across regions with the new SSL state', async () => {
    const audit = await call('rds:audit', { accountId: 'sandbox' });
    const pg = seededInstances()
      .filter((item) => item.engine === 'PostgreSQL')
      .map((item) => item.instanceId);
    expect(audit.value.rows.map((row: { instanceId: string }) => row.instanceId).sort()).toEqual(pg.sort());
    const row = audit.value.rows.find((item: { instanceId: string }) => item.instanceId === backed);
    expect(row).toMatchObject({
      sslEnabled: true,
      protectedEndpoint: publicHost,
      caType: 'aliyun',
      requireUpdate: false,
    });
    expect(row.daysLeft).toBeGreaterThan(360);
  });

  it('adds a client CA with ACL verify-ca and removes it; verify-full is refused before PostgreSQL 12', async () => {
    selfSignedRsa(home, 'client-ca', '/CN=Client CA');
    const certificatePem = await readFile(join(home, 'client-ca.crt'), 'utf8');
    const clientCa = { kind: 'client_ca', certificatePem, acl: 'verify-ca', replicationAcl: 'cert' };
    const added = await finished((await call('rds:flow-start', { ...where, change: clientCa })).value.jobId);
    expect(added.state).toBe('succeeded');
    expect(added.ssl).toMatchObject({ clientCaEnabled: true, acl: 'verify-ca', replicationAcl: 'cert' });
    const removed = await finished(
      (await call('rds:flow-start', { ...where, change: { kind: 'client_ca_off' } })).value.jobId,
    );
    expect(removed.ssl?.clientCaEnabled).toBe(false);
    const old = { ...where, instanceId: 'pgm-bp1sandbox10pg' };
    const refused = await finished(
      (await call('rds:flow-start', { ...old, change: { ...clientCa, acl: 'verify-full' } })).value.jobId,
    );
    expect(refused.state).toBe('failed');
    expect(refused.error).toMatchObject({
      code: 'invalid_parameter',
      message: expect.stringContaining('PostgreSQL 12'),
    });
  });

  it('a custom certificate from our own CA protects the public endpoint, and verify-full trusts that CA', async () => {
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: home, stdio: 'pipe' });
    selfSignedRsa(home, 'own-ca', '/CN=Own CA');
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      `/CN=${publicHost}`,
    );
    await writeFile(join(home, 'server.ext'), `subjectAltName=DNS:${publicHost}\n`);
    openssl(
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'own-ca.crt',
      '-CAkey',
      'own-ca.key',
      '-CAcreateserial',
      '-out',
      'server.crt',
      '-days',
      '30',
      '-extfile',
      'server.ext',
    );
    const change = {
      kind: 'custom_certificate',
      endpoint: publicHost,
      certificatePem: await readFile(join(home, 'server.crt'), 'utf8'),
      keyPem: await readFile(join(home, 'server.key'), 'utf8'),
    };
    const mismatched = await finished(
      (
        await call('rds:flow-start', {
          ...where,
          change: { ...change, keyPem: await readFile(join(home, 'own-ca.key'), 'utf8') },
        })
      ).value.jobId,
    );
    expect(mismatched.error?.code).toBe('certificate_invalid');
    const applied = await finished((await call('rds:flow-start', { ...where, change })).value.jobId);
    expect(applied.state).toBe('succeeded');
    expect(applied.ssl).toMatchObject({ enabled: true, caType: 'custom', protectedEndpoint: publicHost });
    expect((await call('rds:ca-download', where)).error.code).toBe('ca_download_failed');
    const register = await call('rds:register-form', {
      ...where,
      endpoint: publicHost,
      rootCertificatePath: join(home, 'own-ca.crt'),
      username: 'app_owner',
    });
    const tested = await call('connection:test', { form: { ...register.value.form, password: 'Str0ng-passw0rd' } });
    expect(tested.error).toBeUndefined();
    expect(tested.value.serverCertificate.issuer).toContain('Own CA');
  });

  it('cancels a wait, and answers job_not_found for an unknown job', async () => {
    const started = await call('rds:flow-start', {
      ...where,
      change: { kind: 'change_endpoint', endpoint: publicHost },
    });
    expect((await call('rds:flow-cancel', { jobId: started.value.jobId })).ok).toBe(true);
    const stopped = await finished(started.value.jobId);
    expect(stopped.state).toBe('cancelled');
    expect(stopped.error?.code).toBe('cancelled');
    expect((await call('rds:flow-status', { jobId: 'nope' })).error.code).toBe('job_not_found');
  });

  it('plans a whitelist change without making it, matches a host to its instance, and refuses a bad address', async () => {
    const planned = await call('rds:whitelist-plan', { ...where, action: 'add', address: '203.0.113.7' });
    expect(planned.value.plan).toMatchObject({ group: 'rdspg', before: [], after: ['203.0.113.7'], changed: true });
    const groups = await call('rds:whitelist', where);
    expect(groups.value.groups.map((group: { name: string }) => group.name)).not.toContain('rdspg');
    const bad = await call('rds:doctor', { ...where, address: 'my laptop' });
    expect(bad.error).toMatchObject({ code: 'invalid_parameter' });
    expect(bad.error.message).toContain('203.0.113.7');
    expect((await call('rds:find-instance', { host: publicHost })).value.match).toEqual({
      accountId: 'sandbox',
      regionId: 'cn-hangzhou',
      instanceId: backed,
    });
    expect((await call('rds:find-instance', { host: 'db.example.com' })).value.match).toBeNull();
  });

  it('the doctor runs the eight checks of `rdspg rds doctor`; a saved server it is given must exist', async () => {
    const checked = await call('rds:doctor', { ...where, host: publicHost });
    const checks: { name: string; ok: boolean; detail: string }[] = checked.value.checks;
    expect(checks.map((check) => check.name)).toEqual([
      'instance running',
      'endpoint',
      'whitelist',
      'ssl',
      'certificate',
      'root certificate',
      'account',
      'database',
    ]);
    // This computer is 127.0.0.1 here, inside the whitelist: the password-less probe reached authentication.
    expect(checks[2]).toMatchObject({ ok: true, detail: expect.stringContaining('let this computer through') });
    expect(checked.value.seenAddress).toBeNull();
    expect(checks[7]).toMatchObject({ ok: false, detail: 'not checked: no saved server named' });
    const unknown = await call('rds:doctor', { ...where, serverId: 'no-such-server' });
    expect(unknown.error.code).toBe('server_not_found');
  });

  it("the doctor with a saved server tries its saved password; with a form, the saved server's password fills an empty one", async () => {
    const register = await call('rds:register-form', {
      ...where,
      endpoint: publicHost,
      rootCertificatePath: join(home, 'own-ca.crt'),
      username: 'app_owner',
    });
    const form = { ...register.value.form, name: 'doctor target', password: 'Str0ng-passw0rd', savePassword: true };
    const saved = await call('servers:create', { form });
    expect(saved.ok).toBe(true);
    const database = async (request: object) => {
      const answer = await call('rds:doctor', { ...where, ...request });
      return answer.value.checks.find((check: { name: string }) => check.name === 'database');
    };
    expect(await database({ serverId: saved.value.id })).toMatchObject({
      ok: true,
      detail: 'database postgres exists (connected)',
    });
    const typedWithout = { ...form, password: '' };
    expect((await database({ form: typedWithout })).ok).toBe(false);
    expect(await database({ form: typedWithout, serverId: saved.value.id })).toMatchObject({ ok: true });
  });
});

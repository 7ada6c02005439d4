import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { runSandbox } from '../../../electron/cli/sandbox-command';
import { jsonProfileStore, RdsAccounts } from '../../../electron/rds/rds-accounts';
import { vaultSecretStore } from '../../../electron/rds/vault-secret-store';
import { type StartedSandbox, startSandbox } from '../../../electron/sandbox/index';
import { absentKeychain, Vault } from '../../../electron/vault/index';
import { cliIo } from '../../support/cli-io';

let started: StartedSandbox;
let home: string;

function sandboxEnv(): NodeJS.ProcessEnv {
  return {
    HOME: home,
    RDSPG_HOME: join(home, 'app'),
    ALIBABA_CLOUD_ACCESS_KEY_ID: started.info.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: started.info.accessKeySecret,
  };
}

async function rdspg(args: string[], env = sandboxEnv()) {
  const run = cliIo(env);
  const status = await runCli(args, run.io);
  return { status, stdout: run.stdout(), stderr: run.stderr() };
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'rds-cli-'));
  started = await startSandbox({ modifyDelayMs: 100 });
});
afterAll(async () => {
  await started.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('rdspg rds', () => {
  it('prints exactly one JSON object with --json', async () => {
    const result = await rdspg(['rds', 'regions', '--endpoint', started.info.endpoint, '--json']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout).regions.map((region: { regionId: string }) => region.regionId)).toContain(
      'cn-shanghai',
    );
  });

  it('enables SSL with --endpoint as the database host and --api-endpoint as the API URL, then downloads and registers', async () => {
    const id = 'pgm-bp1sandbox16pg';
    const host = `${id}o.pg.rds.aliyuncs.com`;
    const api = ['--api-endpoint', started.info.endpoint];
    const enabled = await rdspg(['rds', 'ssl', 'enable', id, '--endpoint', host, ...api, '--timeout', '30']);
    expect(enabled.status).toBe(0);
    expect(enabled.stderr).toContain('restarts');
    expect(enabled.stderr).toContain('open them again');
    expect(enabled.stdout).toContain(`Protected endpoint: ${host}`);
    const out = join(home, 'ca-out');
    const downloaded = await rdspg([
      'rds',
      'ca',
      'download',
      id,
      '--out',
      out,
      '--endpoint',
      started.info.endpoint,
      '--json',
    ]);
    expect(downloaded.status).toBe(0);
    expect(JSON.parse(downloaded.stdout).files.jks).toBe(join(out, 'ApsaraDB-CA-Chain.jks'));
    const registered = await rdspg(['rds', 'register', id, '--endpoint', host, ...api, '--json']);
    expect(JSON.parse(registered.stdout)).toMatchObject({
      host,
      sslmode: 'verify-full',
      maintenanceDatabase: 'postgres',
    });
  });

  it('exports the audit as CSV', async () => {
    const result = await rdspg(['rds', 'audit', '--csv', '--endpoint', started.info.endpoint]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\r\n');
    expect(lines[0]?.startsWith('regionId,instanceId,')).toBe(true);
    expect(lines).toHaveLength(10);
  });

  it('refuses a URL where a database host belongs, plain http to another machine, and missing credentials', async () => {
    const wrongPlace = await rdspg(['rds', 'ssl', 'enable', 'pgm-x', '--endpoint', started.info.endpoint]);
    expect(wrongPlace.status).toBe(2);
    expect(wrongPlace.stderr).toContain('--api-endpoint');
    const insecure = await rdspg(['rds', 'regions', '--endpoint', 'http://rds.example.com']);
    expect(insecure.stderr).toMatch(/^error \[insecure_endpoint\]/);
    const anonymous = await rdspg(['rds', 'regions', '--endpoint', started.info.endpoint], { HOME: home });
    expect(anonymous.status).toBe(1);
    expect(anonymous.stderr).toMatch(/^error \[credentials_missing\]/);
  });

  it('shows a busy instance and an unknown one as coded errors without stack traces', async () => {
    const missing = await rdspg(['rds', 'ssl', 'show', 'pgm-nothere', '--endpoint', started.info.endpoint]);
    expect(missing.stderr).toMatch(/^error \[instance_not_found\]/);
    expect(missing.stderr).not.toContain('    at ');
  });
});

describe('rdspg sandbox', () => {
  it('prints one JSON line with endpoint, accessKeyId, accessKeySecret and regionId, and serves until stopped', async () => {
    const run = cliIo({ HOME: home });
    const stop = new AbortController();
    const serving = runSandbox(['--json'], run.io, stop.signal);
    for (let attempt = 0; attempt < 200 && !run.stdout().includes('\n'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const info = JSON.parse(run.stdout());
    expect(Object.keys(info).sort()).toEqual(['accessKeyId', 'accessKeySecret', 'endpoint', 'regionId']);
    const env = {
      HOME: home,
      ALIBABA_CLOUD_ACCESS_KEY_ID: info.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: info.accessKeySecret,
    };
    const listed = await rdspg(['rds', 'instances', '--endpoint', info.endpoint, '--json'], env);
    expect(JSON.parse(listed.stdout).instances.length).toBe(9);
    stop.abort();
    expect(await serving).toBe(0);
    const after = await rdspg(['rds', 'regions', '--endpoint', info.endpoint], env);
    expect(after.stderr).toMatch(/^error \[network_unreachable\]/);
  });

  it('--profile NAME uses an app profile whose AccessKey secret is in the vault', async () => {
    const app = join(home, 'profile-app');
    const vault = new Vault({ folder: app, keychain: absentKeychain('test'), kdfCost: { N: 2 ** 10, r: 8, p: 1 } });
    expect((await vault.initialize('a long master password')).ok).toBe(true);
    const accounts = new RdsAccounts({
      profiles: jsonProfileStore(app),
      secrets: vaultSecretStore(vault),
      env: {},
      home,
    });
    const saved = await accounts.saveProfile(
      'sandbox',
      started.info.accessKeyId,
      started.info.accessKeySecret,
      'cn-hangzhou',
      started.info.endpoint,
    );
    expect(saved.ok).toBe(true);
    const env = { HOME: home, RDSPG_HOME: app, RDSPG_KEYCHAIN: 'off', RDSPG_MASTER_PASSWORD: 'a long master password' };
    const result = await rdspg(
      ['rds', 'regions', '--profile', 'sandbox', '--endpoint', started.info.endpoint, '--json'],
      env,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).regions.length).toBeGreaterThan(1);
    const locked = await rdspg(['rds', 'regions', '--profile', 'sandbox', '--endpoint', started.info.endpoint], {
      ...env,
      RDSPG_MASTER_PASSWORD: 'wrong password!',
    });
    expect(locked.status).not.toBe(0);
  });
});

import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiEndpoint } from '../../../electron/rds/api-endpoint';
import { RdsClient } from '../../../electron/rds/rds-client';
import { SslFlow } from '../../../electron/rds/ssl-flow';
import { RdsSandbox } from '../../../electron/sandbox/index';

// Spawns the built CLI (node build/bundle.mjs first, as for test/integration/engine/check-cli.test.ts).
const exitBoundMs = 60_000;
let sandbox: RdsSandbox;
let home: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'rds-cli-real-'));
  // The real order of a change (old state, SSL_MODIFYING, new state), shortened; LastModifyStatus left empty.
  sandbox = new RdsSandbox({ modifyStartDelayMs: 300, modifyDelayMs: 4000, reportLastModifyStatus: false });
  await sandbox.start();
});
afterAll(async () => {
  await sandbox.close();
  rmSync(home, { recursive: true, force: true });
});

/** Runs `node dist/rdspg.cjs rds …` against the sandbox; the process must exit on its own within the bound. */
function rdspg(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    RDSPG_HOME: join(home, 'app'),
    ALIBABA_CLOUD_ACCESS_KEY_ID: sandbox.accessKey.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: sandbox.accessKey.accessKeySecret,
  };
  return new Promise((resolve) => {
    execFile('node', ['dist/rdspg.cjs', 'rds', ...args], { env, timeout: exitBoundMs }, (error, stdout, stderr) => {
      const failed = error as (Error & { code?: number; killed?: boolean }) | null;
      expect(failed?.killed ?? false).toBe(false);
      resolve({ status: failed ? (failed.code ?? null) : 0, stdout, stderr });
    });
  });
}

describe('rdspg rds against the realistic sandbox', () => {
  it('show, ssl show and audit explain why SSL is not available instead of failing', async () => {
    const api = ['--endpoint', sandbox.endpoint];
    const show = await rdspg(['show', 'pgm-bp1sandbox94pg', ...api]);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain('SSL: not available — PostgreSQL 9.4 is too old');
    const ssl = await rdspg(['ssl', 'show', 'pgm-bp1sandbox14sl', ...api, '--json']);
    expect(ssl.status).toBe(0);
    expect(JSON.parse(ssl.stdout).unavailableReason).toContain('Serverless');
    const audit = await rdspg(['audit', '--region', 'cn-hangzhou', ...api]);
    expect(audit.status).toBe(0);
    expect(audit.stdout).toMatch(/pgm-bp1sandbox14ld .*SSL not available: .*local disks/);
    expect(audit.stdout).toContain('0 failed');
  });

  it('ssl enable gets through ConcurrentLimit and an empty LastModifyStatus, and reports the new settings', async () => {
    const id = 'pgm-bp1sandbox16pg';
    const host = `${id}o.pg.rds.aliyuncs.com`;
    sandbox.injector.faults = { script: [{ action: 'ModifyDBInstanceSSL', code: 'ConcurrentLimit', times: 1 }] };
    const enabled = await rdspg(['ssl', 'enable', id, '--endpoint', host, '--api-endpoint', sandbox.endpoint]);
    expect(enabled.status).toBe(0);
    expect(enabled.stdout).toContain(`Protected endpoint: ${host}`);
    expect(enabled.stderr).toContain('status SSL_MODIFYING');
    expect(sandbox.stats.calls.ModifyDBInstanceSSL).toBe(2);
  });
});

describe('rdspg sandbox timing options', () => {
  it('--modify-start-delay keeps the old state first; the process stops on SIGTERM within the bound', async () => {
    const child = spawn(
      'node',
      ['dist/rdspg.cjs', 'sandbox', '--json', '--modify-start-delay', '1500', '--modify-delay', '300'],
      {
        env: { PATH: process.env.PATH, HOME: home },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const [line] = (await once(child.stdout, 'data')) as [Buffer];
      const info = JSON.parse(line.toString().split('\n')[0] ?? '');
      const endpoint = parseApiEndpoint(info.endpoint);
      if (!endpoint.ok) throw new Error(endpoint.error.message);
      const client = new RdsClient({
        credentials: {
          kind: 'access_key',
          source: 'test',
          accessKeyId: info.accessKeyId,
          accessKeySecret: info.accessKeySecret,
          regionId: 'cn-hangzhou',
        },
        endpoint: endpoint.value,
      });
      const id = 'pgm-bp1sandbox16pg';
      const host = `${id}o.pg.rds.aliyuncs.com`;
      expect((await client.modifySsl({ instanceId: id, connectionString: host, sslEnabled: 1 })).ok).toBe(true);
      const [status, ssl] = await Promise.all([client.instance(id), client.sslState(id)]);
      expect(status.ok && status.value.status).toBe('Running');
      expect(ssl.ok && ssl.value.enabled).toBe(false);
      const wait = { initialDelayMs: 100, maxDelayMs: 200, timeoutMs: 30_000 };
      const done = await new SslFlow(client).waitUntilSettled(id, { kind: 'enable', endpoint: host }, null, { wait });
      expect(done.ok && done.value.protectedEndpoint).toBe(host);
    } finally {
      child.kill('SIGTERM');
    }
    const bound = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const [code, signal] = await once(child, 'exit');
    clearTimeout(bound);
    expect([code, signal]).toEqual([0, null]);
  });
});

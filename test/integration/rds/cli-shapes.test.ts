import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RdsSandbox } from '../../../electron/sandbox/index';
import { makeTempFolder, openssl, type TempFolder } from '../../support/cert-tools';

// Spawns the built CLI (node build/bundle.mjs writes dist/rdspg.cjs); every run must exit within the bound.
const exitBoundMs = 60_000;

let sandbox: RdsSandbox;
let folder: TempFolder;

interface Exit {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function rdspg(args: string[]): Promise<Exit> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: folder.path,
    RDSPG_HOME: folder.file('app'),
    ALIBABA_CLOUD_ACCESS_KEY_ID: sandbox.accessKey.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: sandbox.accessKey.accessKeySecret,
  };
  return new Promise((resolve) => {
    const child = execFile(
      'node',
      ['dist/rdspg.cjs', ...args, '--api-endpoint', sandbox.endpoint],
      { env, timeout: exitBoundMs, killSignal: 'SIGKILL' },
      (_error, stdout, stderr) => resolve({ status: child.exitCode, signal: child.signalCode, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  folder = makeTempFolder('rds-cli-shapes-');
  sandbox = new RdsSandbox({ modifyDelayMs: 50 });
  await sandbox.start();
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

describe('rdspg rds against the real shapes', () => {
  it('names regions in English and lists Tokyo through its regional endpoint', async () => {
    const regions = await rdspg(['rds', 'regions']);
    expect([regions.status, regions.signal]).toEqual([0, null]);
    expect(regions.stdout).toContain('China (Hangzhou)');
    expect(regions.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    const tokyo = await rdspg(['rds', 'instances', '--region', 'ap-northeast-1', '--json']);
    expect([tokyo.status, tokyo.signal]).toEqual([0, null]);
    expect(JSON.parse(tokyo.stdout).instances.map((item: { instanceId: string }) => item.instanceId)).toEqual([
      'pgm-6wesandbox15pg',
    ]);
  });

  it('shows a read-only instance with its primary, the PgBouncer port and the scheduled renewal', async () => {
    const listed = await rdspg(['rds', 'instances', '--region', 'cn-hangzhou']);
    expect([listed.status, listed.signal]).toEqual([0, null]);
    expect(listed.stdout).toMatch(/pgr-bp1sandbox16ro\s+Readonly of pgm-bp1sandbox16pg/);
    const bouncer = await rdspg(['rds', 'show', 'pgm-bp1sandbox14ld']);
    expect([bouncer.status, bouncer.signal]).toEqual([0, null]);
    expect(bouncer.stdout).toMatch(/pgm-bp1sandbox14ld\.pg\.rds\.aliyuncs\.com\s+5432\s+6432/);
    expect(bouncer.stdout).toContain('Scheduled renewal: none');
    const id = 'pgm-bp1sandbox16pg';
    const instance = sandbox.instances.get(id);
    if (!instance) throw new Error('no instance');
    const host = `${id}o.pg.rds.aliyuncs.com`;
    const issued = sandbox.authority.issueServerCertificate(host, new Date());
    instance.ssl = {
      ...instance.ssl,
      enabled: true,
      caType: 'aliyun',
      protectedEndpoint: host,
      serverCert: issued.chainPem,
      serverKey: issued.keyPem,
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 20 * 86_400_000),
    };
    const shown = await rdspg(['rds', 'show', id, '--json']);
    expect([shown.status, shown.signal]).toEqual([0, null]);
    expect(JSON.parse(shown.stdout).scheduledRenewal).toMatchObject({ restart: true, sslRenewal: true });
  });

  it('refuses a custom certificate whose names miss an endpoint given with --protect, naming it', async () => {
    const id = 'pgm-uf6sandbox16pg';
    const external = `${id}o.pg.rds.aliyuncs.com`;
    const internal = `${id}.pg.rds.aliyuncs.com`;
    const cert = folder.file('custom.crt');
    const key = folder.file('custom.key');
    openssl(
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30'].concat([
        '-subj',
        `/CN=${external}`,
      ]),
    );
    const sent = sandbox.stats.calls.ModifyDBInstanceSSL ?? 0;
    const result = await rdspg([
      'rds',
      'ssl',
      'enable',
      id,
      '--endpoint',
      external,
      '--protect',
      internal,
      '--cert',
      cert,
      '--key',
      key,
      '--region',
      'cn-shanghai',
    ]);
    expect([result.status, result.signal]).toEqual([1, null]);
    expect(result.stderr).toMatch(/^error \[certificate_invalid\]/m);
    expect(result.stderr).toContain(`do not cover ${internal}`);
    expect(sandbox.stats.calls.ModifyDBInstanceSSL ?? 0).toBe(sent);
  });
});

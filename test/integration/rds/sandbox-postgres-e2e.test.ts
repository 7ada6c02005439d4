import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { runSandbox } from '../../../electron/cli/sandbox-command';
import { selfSignedRsa } from '../../support/cert-tools';
import { cliIo } from '../../support/cli-io';

let home: string;
const stop = new AbortController();
let serving: Promise<number>;
let info: {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  postgres: { instanceId: string; port: number };
};

async function rdspg(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const run = cliIo({
    HOME: home,
    RDSPG_HOME: join(home, 'app'),
    ALIBABA_CLOUD_ACCESS_KEY_ID: info.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: info.accessKeySecret,
  });
  const status = await runCli(args, run.io);
  return { status, stdout: run.stdout(), stderr: run.stderr() };
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'rds-e2e-'));
  const sandbox = cliIo({ HOME: home });
  serving = runSandbox(['--postgres', '--json', '--modify-delay', '100'], sandbox.io, stop.signal);
  for (let attempt = 0; attempt < 1200 && !sandbox.stdout().includes('\n'); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!sandbox.stdout()) throw new Error(`the sandbox did not start: ${sandbox.stderr()}`);
  info = JSON.parse(sandbox.stdout());
});
afterAll(async () => {
  stop.abort();
  await serving;
  rmSync(home, { recursive: true, force: true });
});

describe('sandbox --postgres end to end', () => {
  it('enables SSL on the public endpoint, downloads the CA, and verify-full succeeds only with that CA', async () => {
    const id = info.postgres.instanceId;
    const host = `${id}o.pg.rds.aliyuncs.com`;
    const enabled = await rdspg([
      'rds',
      'ssl',
      'enable',
      id,
      '--endpoint',
      host,
      '--api-endpoint',
      info.endpoint,
      '--json',
    ]);
    expect(enabled.status).toBe(0);
    expect(JSON.parse(enabled.stdout)).toMatchObject({
      enabled: true,
      protectedEndpoint: host,
      lastModifyStatus: 'success',
    });

    const downloaded = await rdspg([
      'rds',
      'ca',
      'download',
      id,
      '--out',
      join(home, 'ca'),
      '--endpoint',
      info.endpoint,
      '--json',
    ]);
    expect(downloaded.status).toBe(0);
    const caFile = JSON.parse(downloaded.stdout).files.pem as string;

    const conninfo = (rootCertificate: string) =>
      `host=${host} hostaddr=127.0.0.1 port=${info.postgres.port} user=postgres dbname=postgres sslmode=verify-full sslrootcert=${rootCertificate}`;
    const checked = await rdspg(['check', conninfo(caFile), '--json']);
    expect(checked.stderr).toBe('');
    const report = JSON.parse(checked.stdout);
    expect(report).toMatchObject({ ok: true, ssl: true });
    expect(report.serverCertificate.subjectAltNames).toContain(`DNS:${host}`);

    const other = selfSignedRsa(home, 'other-ca', '/CN=Another CA', 2);
    const untrusted = await rdspg(['check', conninfo(other.certificate), '--json']);
    expect(untrusted.status).toBe(1);
    expect(JSON.parse(untrusted.stdout).error.code).toBe('certificate_untrusted');
  });
});

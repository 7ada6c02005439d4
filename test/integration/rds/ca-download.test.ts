import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateStore } from '../../../electron/certs/index';
import { downloadServerCa } from '../../../electron/rds/ca-download';
import { serverEntryFor } from '../../../electron/rds/register';
import { SslFlow } from '../../../electron/rds/ssl-flow';
import { RdsSandbox } from '../../../electron/sandbox/index';
import { sandboxClient } from './helpers';

const id = 'pgm-bp1sandbox16pg';
const host = `${id}o.pg.rds.aliyuncs.com`;
let sandbox: RdsSandbox;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'rds-ca-'));
  sandbox = new RdsSandbox({ modifyDelayMs: 40 });
  await sandbox.start();
});
afterAll(async () => {
  await sandbox.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('CA download and register', () => {
  it('refuses to download before SSL is on', async () => {
    const client = sandboxClient(sandbox);
    const store = new CertificateStore({ folder: join(folder, 'store-off') });
    const result = await downloadServerCa({ client, fetch, store, appHome: join(folder, 'home-off') }, id);
    expect(!result.ok && result.error.code).toBe('ca_download_failed');
    expect(!result.ok && result.error.message).toContain('ssl enable');
  });

  it('downloads the zip, stores the CA and writes PEM, JKS and P7B that verify the server certificate', async () => {
    const client = sandboxClient(sandbox);
    const enabled = await new SslFlow(client).run(
      id,
      { kind: 'enable', endpoint: host },
      { wait: { initialDelayMs: 20, maxDelayMs: 50 } },
    );
    if (!enabled.ok) throw new Error(enabled.error.message);
    const store = new CertificateStore({ folder: join(folder, 'store') });
    const out = join(folder, 'out');
    const result = await downloadServerCa({ client, fetch, store, appHome: join(folder, 'home') }, id, { outDir: out });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.format).toBe('zip');
    expect(result.value.endpoint).toBe(host);
    expect(result.value.certificates).toHaveLength(2);
    const entries = await store.list();
    expect(entries.map((entry) => entry.label)).toEqual([`ApsaraDB CA ${id} (${host})`, `ApsaraDB CA ${id} (${host})`]);
    writeFileSync(join(folder, 'server.pem'), enabled.value.serverCertificate ?? '');
    const verified = execFileSync('openssl', [
      'verify',
      '-CAfile',
      result.value.rootCertificatePath,
      join(folder, 'server.pem'),
    ]);
    expect(verified.toString()).toContain(': OK');
    const listing = execFileSync('keytool', [
      '-list',
      '-keystore',
      join(out, 'ApsaraDB-CA-Chain.jks'),
      '-storepass',
      'apsaradb',
    ]);
    expect(listing.toString()).toMatch(/contains 2 entries/);
    const p7b = execFileSync('openssl', [
      'pkcs7',
      '-in',
      join(out, 'ApsaraDB-CA-Chain.p7b'),
      '-print_certs',
    ]).toString();
    expect(p7b.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(readFileSync(join(out, 'ApsaraDB-CA-Chain.pem'), 'utf8')).toBe(
      readFileSync(result.value.rootCertificatePath, 'utf8'),
    );
  });

  it('reports an expired download link clearly', async () => {
    const client = sandboxClient(sandbox);
    const store = new CertificateStore({ folder: join(folder, 'store-expired') });
    const expiredFetch: typeof fetch = (input, init) =>
      fetch(String(input).replace(/Expires=\d+/, 'Expires=1000'), init);
    const result = await downloadServerCa(
      { client, fetch: expiredFetch, store, appHome: join(folder, 'home-expired') },
      id,
    );
    expect(!result.ok && result.error.message).toContain('HTTP 403');
  });

  it('prefills a verify-full server entry for the protected endpoint only', async () => {
    const client = sandboxClient(sandbox);
    const entry = await serverEntryFor(client, id, host, '/tmp/ca.pem');
    expect(entry.ok && entry.value).toMatchObject({
      host,
      port: 5432,
      sslmode: 'verify-full',
      sslrootcert: '/tmp/ca.pem',
      maintenanceDatabase: 'postgres',
      source: { instanceId: id, regionId: 'cn-hangzhou' },
    });
    const other = await serverEntryFor(client, id, `${id}.pg.rds.aliyuncs.com`, '/tmp/ca.pem');
    expect(!other.ok && other.error.code).toBe('prerequisite_not_met');
    const unknown = await serverEntryFor(client, id, 'elsewhere.example.com', null);
    expect(!unknown.ok && unknown.error.code).toBe('endpoint_not_found');
  });
});

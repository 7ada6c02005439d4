import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateStore, certificateStoreFolder, readCertificateFile } from '../../../electron/certs';
import { makeTestPki, openssl, runRdspg, type TestPki } from '../../support/cert-tools';

let pki: TestPki;
let chain: Uint8Array[];

function sha256Of(file: string): string {
  return openssl(['x509', '-in', file, '-noout', '-fingerprint', '-sha256']).trim().split('=')[1]!;
}

beforeAll(async () => {
  pki = makeTestPki();
  pki.folder.write(
    'chain.pem',
    pki.folder.read('intermediate.pem').toString() + pki.folder.read('root.pem').toString(),
  );
  const read = await readCertificateFile(pki.folder.file('chain.pem'));
  if (!read.ok) throw new Error(read.error.message);
  chain = read.value;
});
afterAll(() => pki.folder.remove());

describe('the certificate store', () => {
  it('keeps labelled PEM files that openssl reads, deduplicated by SHA-256 fingerprint', async () => {
    const folder = pki.folder.file('store-a/certificates');
    const store = new CertificateStore({ folder });
    const first = await store.add(chain, 'pgm-test (cn-hangzhou)\nsecond line');
    expect(first.ok && first.value.added.length).toBe(2);
    const again = await store.add(chain.slice(1), 'another label');
    expect(again.ok && again.value).toMatchObject({
      added: [],
      existing: [{ label: 'pgm-test (cn-hangzhou) second line' }],
    });
    const entries = await store.list();
    expect(entries.map((entry) => entry.fingerprintSha256).sort()).toEqual(
      [sha256Of(pki.intermediateCert), sha256Of(pki.rootCert)].sort(),
    );
    for (const entry of entries) {
      expect(sha256Of(entry.path)).toBe(entry.fingerprintSha256);
      expect(statSync(entry.path).mode & 0o777).toBe(0o600);
    }
    expect(readdirSync(folder).filter((name) => !name.endsWith('.pem'))).toEqual([]);
  });

  it('lists the expiry state against its clock: valid, expires within 30 days, expired', async () => {
    const folder = pki.folder.file('store-b/certificates');
    await new CertificateStore({ folder }).add(chain.slice(1), 'root');
    const notAfter = new Date(openssl(['x509', '-in', pki.rootCert, '-noout', '-enddate']).trim().split('=')[1]!);
    const at = (offsetDays: number) =>
      new CertificateStore({ folder, now: () => new Date(notAfter.getTime() + offsetDays * 86_400_000) });
    expect((await at(-31).list())[0]?.expiryState).toBe('valid');
    expect((await at(-10).list())[0]?.expiryState).toBe('expires_soon');
    expect((await at(1).list())[0]?.expiryState).toBe('expired');
  });

  it('removes by full fingerprint or a unique prefix, and builds bundles', async () => {
    const store = new CertificateStore({ folder: pki.folder.file('store-c/certificates') });
    await store.add(chain, 'rds');
    const root = sha256Of(pki.rootCert);
    const bundle = await store.bundle([root.replace(/:/g, '').slice(0, 12)]);
    expect(bundle.ok && bundle.value).toContain('BEGIN CERTIFICATE');
    const removed = await store.remove(root);
    expect(removed.ok && removed.value.fingerprintSha256).toBe(root);
    const missing = await store.remove(root);
    expect(missing.ok ? 'ok' : missing.error.code).toBe('store_entry_not_found');
    expect((await store.list()).map((entry) => entry.fingerprintSha256)).toEqual([sha256Of(pki.intermediateCert)]);
  });
});

describe('rdspg cert store', () => {
  it('adds, lists and removes in <app home>/certificates', async () => {
    const env = { HOME: pki.folder.file('home'), RDSPG_HOME: pki.folder.file('app-home') };
    const empty = await runRdspg(['cert', 'store', 'list', '--json'], env);
    expect(JSON.parse(empty.stdout)).toEqual({ entries: [] });
    const added = await runRdspg(
      ['cert', 'store', 'add', pki.folder.file('chain.pem'), '--label', 'pgm-test', '--json'],
      env,
    );
    expect(added.status).toBe(0);
    expect(JSON.parse(added.stdout).added).toHaveLength(2);
    const duplicate = await runRdspg(['cert', 'store', 'add', pki.rootCert], env);
    expect(duplicate.stdout).toMatch(/^already kept: /);
    const listed = JSON.parse((await runRdspg(['cert', 'store', 'list', '--json'], env)).stdout);
    expect(
      listed.entries.map((entry: { label: string; expiryState: string }) => [entry.label, entry.expiryState]),
    ).toEqual([
      ['pgm-test', 'valid'],
      ['pgm-test', 'valid'],
    ]);
    expect(readdirSync(certificateStoreFolder(env.RDSPG_HOME))).toHaveLength(2);
    const removed = await runRdspg(['cert', 'store', 'remove', sha256Of(pki.rootCert)], env);
    expect(removed).toMatchObject({ status: 0, stderr: '' });
    const gone = await runRdspg(['cert', 'store', 'remove', sha256Of(pki.rootCert)], env);
    expect(gone.status).toBe(1);
    expect(gone.stderr).toMatch(/^error \[store_entry_not_found\]: [^\n]+\n$/);
    expect(readdirSync(join(env.RDSPG_HOME, 'certificates'))).toHaveLength(1);
  });
});

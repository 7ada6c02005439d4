import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePkcs7Der } from '../../../electron/certs';
import { importCertificate, keytool, makeTestPki, openssl, runRdspg, type TestPki } from '../../support/cert-tools';

let pki: TestPki;
let env: NodeJS.ProcessEnv;

function sha256Of(file: string, inform = 'PEM'): string {
  return openssl(['x509', '-in', file, '-inform', inform, '-noout', '-fingerprint', '-sha256']).trim().split('=')[1]!;
}

beforeAll(() => {
  pki = makeTestPki();
  env = { HOME: pki.folder.path, RDSPG_HOME: pki.folder.file('home') };
  const f = pki.folder.file;
  pki.folder.write(
    'chain.pem',
    pki.folder.read('intermediate.pem').toString() + pki.folder.read('root.pem').toString(),
  );
  openssl(['crl2pkcs7', '-nocrl', '-certfile', f('chain.pem'), '-outform', 'DER', '-out', f('chain.p7b.der')]);
  importCertificate({
    keystore: f('input.jks'),
    file: pki.rootCert,
    storetype: 'JKS',
    storepass: 'changeit',
    alias: 'root',
  });
  openssl(['pkey', '-in', pki.clientKey, '-aes256', '-passout', 'pass:key-secret', '-out', f('client-encrypted.key')]);
});
afterAll(() => pki.folder.remove());

describe('rdspg cert convert: every output opens in openssl or keytool', () => {
  it('writes a PEM bundle from a DER PKCS#7 that openssl x509 reads', async () => {
    const run = await runRdspg(
      ['cert', 'convert', pki.folder.file('chain.p7b.der'), '--to', 'pem', '--out', pki.folder.file('out.pem')],
      env,
    );
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toContain('wrote 2 certificates as pem');
    expect(sha256Of(pki.folder.file('out.pem'))).toBe(sha256Of(pki.intermediateCert));
    const printed = openssl(['crl2pkcs7', '-nocrl', '-certfile', pki.folder.file('out.pem')]);
    expect(openssl(['pkcs7', '-print_certs', '-noout'], printed)).toMatch(/Test Intermediate CA[\s\S]*Test Root CA/);
  });

  it('writes one DER certificate and refuses DER for several', async () => {
    const single = await runRdspg(
      ['cert', 'convert', pki.rootCert, '--to', 'der', '--out', pki.folder.file('root.der')],
      env,
    );
    expect(single.status).toBe(0);
    expect(sha256Of(pki.folder.file('root.der'), 'DER')).toBe(sha256Of(pki.rootCert));
    const several = await runRdspg(
      ['cert', 'convert', pki.folder.file('chain.pem'), '--to', 'der', '--out', pki.folder.file('chain.der')],
      env,
    );
    expect(several.status).toBe(1);
    expect(several.stderr).toMatch(/^error \[der_needs_one_certificate\]: .+\n$/);
    expect(readdirSync(pki.folder.path)).not.toContain('chain.der');
  });

  it('writes a P7B that openssl pkcs7 -print_certs lists, and our DER PKCS#7 too', async () => {
    const run = await runRdspg(
      ['cert', 'convert', pki.folder.file('chain.pem'), '--to', 'p7b', '--out', pki.folder.file('out.p7b')],
      env,
    );
    expect(run.status).toBe(0);
    const printed = openssl(['pkcs7', '-in', pki.folder.file('out.p7b'), '-print_certs', '-noout']);
    expect(printed).toMatch(/subject=CN ?= ?Test Intermediate CA[\s\S]*subject=CN ?= ?Test Root CA/);
    const der = pki.folder.write('ours.p7b.der', writePkcs7Der(derOf('chain.pem')));
    expect(openssl(['pkcs7', '-inform', 'DER', '-in', der, '-print_certs', '-noout'])).toContain('Test Root CA');
  });

  it('writes JKS with the default password apsaradb, or the one given, that keytool lists', async () => {
    const run = await runRdspg(
      ['cert', 'convert', pki.folder.file('chain.pem'), '--to', 'jks', '--out', pki.folder.file('out.jks')],
      env,
    );
    expect(run.status).toBe(0);
    const listing = keytool(['-list', '-keystore', pki.folder.file('out.jks'), '-storepass', 'apsaradb']);
    expect(listing).toMatch(/Keystore type: JKS[\s\S]*contains 2 entries/i);
    expect(listing).toContain(sha256Of(pki.rootCert));
    const fromJks = await runRdspg(
      [
        'cert',
        'convert',
        pki.folder.file('input.jks'),
        '--to',
        'jks',
        '--out',
        pki.folder.file('again.jks'),
        '--password',
        'changeit',
      ],
      env,
    );
    expect(fromJks.status).toBe(0);
    expect(keytool(['-list', '-keystore', pki.folder.file('again.jks'), '-storepass', 'changeit'])).toMatch(
      /contains 1 entry/,
    );
  });

  it('writes an encrypted client key as PKCS#8 DER that openssl pkey reads', async () => {
    const missing = await runRdspg(
      [
        'cert',
        'convert',
        pki.folder.file('client-encrypted.key'),
        '--to',
        'pk8',
        '--out',
        pki.folder.file('client.pk8'),
      ],
      env,
    );
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error \[key_passphrase_required\]/);
    const run = await runRdspg(
      [
        'cert',
        'convert',
        pki.folder.file('client-encrypted.key'),
        '--to',
        'pk8',
        '--out',
        pki.folder.file('client.pk8'),
        '--password',
        'key-secret',
      ],
      env,
    );
    expect(run.status).toBe(0);
    const ours = openssl(['pkey', '-inform', 'DER', '-in', pki.folder.file('client.pk8'), '-pubout']);
    expect(ours).toBe(openssl(['pkey', '-in', pki.clientKey, '-pubout']));
  });

  it('refuses a --to it does not know and an output folder that does not exist', async () => {
    const unknown = await runRdspg(
      ['cert', 'convert', pki.rootCert, '--to', 'crt', '--out', pki.folder.file('x')],
      env,
    );
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^error \[usage\]/);
    const nowhere = await runRdspg(
      ['cert', 'convert', pki.rootCert, '--to', 'pem', '--out', pki.folder.file('no/such/dir/x.pem')],
      env,
    );
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toMatch(/^error \[output_failed\]/);
    expect(readdirSync(pki.folder.path)).not.toContain('no');
  });
});

function derOf(name: string): Uint8Array[] {
  const text = pki.folder.read(name).toString();
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map(
    (match) => new Uint8Array(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64')),
  );
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClientCertificateFiles, checkRootCertificateFile, loadPrivateKey } from '../../../electron/certs';
import { makeTestPki, openssl, type TestPki } from '../../support/cert-tools';

let pki: TestPki;

function codeOf(result: { ok: boolean; error?: { code: string } }): string {
  return result.ok ? 'ok' : result.error!.code;
}

beforeAll(() => {
  pki = makeTestPki();
  const f = pki.folder.file;
  pki.folder.write(
    'chain.pem',
    pki.folder.read('intermediate.pem').toString() + pki.folder.read('root.pem').toString(),
  );
  pki.folder.write(
    'server-and-root.pem',
    pki.folder.read('server.pem').toString() + pki.folder.read('root.pem').toString(),
  );
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:1024',
    '-sha1',
    '-nodes',
    '-keyout',
    f('weak.key'),
    '-subj',
    '/CN=Weak Root',
    '-days',
    '30',
    '-out',
    f('weak.pem'),
  ]);
  openssl(['pkey', '-in', pki.clientKey, '-aes256', '-passout', 'pass:key-secret', '-out', f('client-encrypted.key')]);
  openssl(['ec', '-in', pki.clientKey, '-aes128', '-passout', 'pass:key-secret', '-out', f('client-legacy.key')]);
  openssl(['pkey', '-in', pki.clientKey, '-outform', 'DER', '-out', f('client.key.der')]);
  openssl([
    'pkcs8',
    '-topk8',
    '-in',
    pki.clientKey,
    '-outform',
    'DER',
    '-v2',
    'aes-256-cbc',
    '-passout',
    'pass:key-secret',
    '-out',
    f('client-encrypted.pk8'),
  ]);
});
afterAll(() => pki.folder.remove());

describe('root certificate check (verify-ca / verify-full)', () => {
  it('accepts a CA chain without warnings', async () => {
    const result = await checkRootCertificateFile(pki.folder.file('chain.pem'));
    expect(result.ok && result.value.warnings).toEqual([]);
    expect(result.ok && result.value.certificates.every((facts) => facts.isCA)).toBe(true);
  });

  it('refuses a file with only the server (leaf) certificate', async () => {
    expect(codeOf(await checkRootCertificateFile(pki.serverCert))).toBe('no_ca_certificate');
  });

  it('warns about a leaf next to a CA, expiry and not-yet-valid (fake clock)', async () => {
    const mixed = await checkRootCertificateFile(pki.folder.file('server-and-root.pem'));
    expect(mixed.ok && mixed.value.warnings.map((warning) => warning.kind)).toEqual(['not_ca']);
    const later = await checkRootCertificateFile(pki.rootCert, { now: new Date('2099-01-01T00:00:00Z') });
    expect(later.ok && later.value.warnings.map((warning) => warning.kind)).toEqual(['expired']);
    expect(later.ok && later.value.certificates[0]?.expiryState).toBe('expired');
    const earlier = await checkRootCertificateFile(pki.rootCert, { now: new Date('2000-01-01T00:00:00Z') });
    expect(earlier.ok && earlier.value.warnings.map((warning) => warning.kind)).toEqual(['not_yet_valid']);
  });

  it('warns about RSA under 2048 bits and a SHA-1 signature', async () => {
    const weak = await checkRootCertificateFile(pki.folder.file('weak.pem'));
    expect(weak.ok && weak.value.warnings.map((warning) => warning.kind).sort()).toEqual([
      'weak_key',
      'weak_signature',
    ]);
    expect(weak.ok && weak.value.certificates[0]).toMatchObject({
      keySize: 1024,
      signatureAlgorithm: 'sha1WithRSAEncryption',
    });
  });
});

describe('client certificate and key check', () => {
  it('accepts the matching key in PEM, PKCS#8 DER and with its passphrase', async () => {
    expect(codeOf(await checkClientCertificateFiles(pki.clientCert, pki.clientKey))).toBe('ok');
    expect(codeOf(await checkClientCertificateFiles(pki.clientCert, pki.folder.file('client.key.der')))).toBe('ok');
    expect(
      codeOf(await checkClientCertificateFiles(pki.clientCert, pki.folder.file('client-encrypted.key'), 'key-secret')),
    ).toBe('ok');
    expect(
      codeOf(await checkClientCertificateFiles(pki.clientCert, pki.folder.file('client-legacy.key'), 'key-secret')),
    ).toBe('ok');
  });

  it('asks for the passphrase of an encrypted key and tells a wrong one apart', async () => {
    expect(pki.folder.read('client-legacy.key').toString()).toContain('Proc-Type: 4,ENCRYPTED');
    expect(
      codeOf(await checkClientCertificateFiles(pki.clientCert, pki.folder.file('client-encrypted.pk8'), 'key-secret')),
    ).toBe('ok');
    for (const key of ['client-encrypted.key', 'client-legacy.key', 'client-encrypted.pk8']) {
      expect(codeOf(await checkClientCertificateFiles(pki.clientCert, pki.folder.file(key)))).toBe(
        'key_passphrase_required',
      );
      expect(codeOf(await checkClientCertificateFiles(pki.clientCert, pki.folder.file(key), 'wrong'))).toBe(
        'wrong_key_passphrase',
      );
    }
  });

  it('refuses an encrypted key that asks for more key-derivation rounds than the cap', () => {
    for (const name of ['client-encrypted.pk8', 'client-encrypted.key']) {
      const bytes = new Uint8Array(pki.folder.read(name));
      expect(loadPrivateKey(bytes, 'key-secret').ok).toBe(true);
      const capped = loadPrivateKey(bytes, 'key-secret', 1000);
      expect(capped.ok ? 'ok' : capped.error.message).toMatch(/more than 1000 key-derivation rounds/);
    }
  });

  it('refuses a key of another certificate and a server-only certificate', async () => {
    expect(codeOf(await checkClientCertificateFiles(pki.clientCert, pki.serverKey))).toBe('key_mismatch');
    expect(codeOf(await checkClientCertificateFiles(pki.serverCert, pki.serverKey))).toBe('not_client_certificate');
    expect(codeOf(await checkClientCertificateFiles(pki.clientCert, pki.clientCert))).toBe('malformed_key');
  });
});

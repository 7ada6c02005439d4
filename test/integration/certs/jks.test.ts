import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJks, writeJks } from '../../../electron/certs';
import { pemCertificatesToDer } from '../../../electron/certs/ca-package';
import { importCertificate, keytool, makeTestPki, openssl, type TestPki } from '../../support/cert-tools';

let pki: TestPki;
let rootDer: Uint8Array;
let intermediateDer: Uint8Array;

beforeAll(() => {
  pki = makeTestPki();
  const certificates = pemCertificatesToDer([
    pki.folder.read('root.pem').toString(),
    pki.folder.read('intermediate.pem').toString(),
  ]);
  if (!certificates.ok) throw new Error(certificates.error.message);
  [rootDer, intermediateDer] = certificates.value as [Uint8Array, Uint8Array];
});
afterAll(() => pki.folder.remove());

describe('JKS reader', () => {
  it('reads a truststore keytool made, checking its integrity with the password', () => {
    const store = pki.folder.file('keytool.jks');
    for (const [alias, file] of [
      ['root', pki.rootCert],
      ['intermediate', pki.intermediateCert],
    ] as const) {
      importCertificate({ keystore: store, file, storetype: 'JKS', storepass: 'apsaradb', alias });
    }
    const result = readJks(pki.folder.read('keytool.jks'), 'apsaradb');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((entry) => entry.alias).sort()).toEqual(['intermediate', 'root']);
    const root = result.value.find((entry) => entry.alias === 'root')!;
    expect(root.kind).toBe('trusted_certificate');
    expect(Buffer.from(root.certificates[0]!).equals(Buffer.from(rootDer))).toBe(true);
  });

  it('reads the chain of a private-key entry keytool made', () => {
    const p12 = pki.folder.file('client.p12');
    openssl([
      'pkcs12',
      '-export',
      '-in',
      pki.clientCert,
      '-inkey',
      pki.clientKey,
      '-certfile',
      pki.intermediateCert,
      '-name',
      'client',
      '-passout',
      'pass:secret1',
      '-out',
      p12,
    ]);
    const store = pki.folder.file('keys.jks');
    keytool([
      '-importkeystore',
      '-srckeystore',
      p12,
      '-srcstoretype',
      'PKCS12',
      '-srcstorepass',
      'secret1',
      '-destkeystore',
      store,
      '-deststoretype',
      'JKS',
      '-deststorepass',
      'secret1',
      '-noprompt',
    ]);
    const result = readJks(pki.folder.read('keys.jks'), 'secret1');
    expect(result.ok && result.value[0]?.kind).toBe('private_key');
    expect(result.ok && result.value[0]?.certificates.length).toBe(2);
  });

  it('refuses a wrong password and a file with one flipped byte', () => {
    const store = pki.folder.file('flip.jks');
    importCertificate({ keystore: store, file: pki.rootCert, storetype: 'JKS', storepass: 'apsaradb', alias: 'root' });
    const bytes = pki.folder.read('flip.jks');
    const wrong = readJks(bytes, 'not-the-password');
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('wrong_password');
    for (const position of [12, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const flipped = Buffer.from(bytes);
      flipped[position]! ^= 0x01;
      const result = readJks(flipped, 'apsaradb');
      expect(result.ok).toBe(false);
    }
  });
});

describe('JKS writer', () => {
  it('writes a truststore keytool lists with the default password apsaradb', () => {
    const bytes = writeJks([
      { alias: 'Root', der: rootDer },
      { alias: 'intermediate', der: intermediateDer },
    ]);
    const store = pki.folder.write('ours.jks', bytes);
    const listing = keytool(['-list', '-v', '-keystore', store, '-storepass', 'apsaradb']);
    expect(listing).toMatch(/Keystore type: JKS/i);
    expect(listing).toMatch(/contains 2 entries/);
    expect(listing).toMatch(/Alias name: root/);
    expect(listing).toMatch(/trustedCertEntry/);
    expect(listing).toContain('CN=Test Intermediate CA');
    expect(() => keytool(['-list', '-keystore', store, '-storepass', 'wrongpass'])).toThrow();
    keytool([
      '-exportcert',
      '-rfc',
      '-keystore',
      store,
      '-storepass',
      'apsaradb',
      '-alias',
      'root',
      '-file',
      pki.folder.file('exported.pem'),
    ]);
    expect(openssl(['x509', '-in', pki.folder.file('exported.pem'), '-noout', '-fingerprint', '-sha256'])).toBe(
      openssl(['x509', '-in', pki.rootCert, '-noout', '-fingerprint', '-sha256']),
    );
  });

  it('writes a file keytool can extend, and reads back what keytool wrote into it', () => {
    const store = pki.folder.write('extended.jks', writeJks([{ alias: 'root', der: rootDer }]));
    importCertificate({
      keystore: store,
      file: pki.serverCert,
      storetype: 'JKS',
      storepass: 'apsaradb',
      alias: 'server',
    });
    const result = readJks(pki.folder.read('extended.jks'));
    expect(result.ok && result.value.map((entry) => entry.alias).sort()).toEqual(['root', 'server']);
  });

  it('round-trips through our reader with a custom password and a non-ASCII alias', () => {
    const bytes = writeJks([{ alias: 'raíz-证书', der: rootDer, createdAt: new Date(1_700_000_000_000) }], 'changeit');
    const result = readJks(bytes, 'changeit');
    expect(result.ok && result.value[0]?.alias).toBe('raíz-证书');
    expect(result.ok && result.value[0]?.createdAt.getTime()).toBe(1_700_000_000_000);
    const listing = keytool(['-list', '-keystore', pki.folder.write('alias.jks', bytes), '-storepass', 'changeit']);
    expect(listing).toContain('raíz-证书');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCertificate, inspectFile, readCertificates } from '../../../electron/certs';
import { importCertificate, makeTestPki, openssl, type TestPki } from '../../support/cert-tools';

let pki: TestPki;
let rootSha256: string;
let intermediateSha256: string;

function sha256Of(file: string, inform = 'PEM'): string {
  return openssl(['x509', '-in', file, '-inform', inform, '-noout', '-fingerprint', '-sha256']).trim().split('=')[1]!;
}

async function read(name: string, password?: string) {
  const result = readCertificates(pki.folder.read(name), { password });
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return {
    format: result.value.format,
    fingerprints: result.value.certificates.map(({ der }) => describeCertificate(der).fingerprintSha256),
    members: result.value.certificates.map(({ member }) => member),
  };
}

beforeAll(() => {
  pki = makeTestPki();
  const f = pki.folder.file;
  rootSha256 = sha256Of(pki.rootCert);
  intermediateSha256 = sha256Of(pki.intermediateCert);
  const chain = pki.folder.read('intermediate.pem').toString() + pki.folder.read('root.pem').toString();
  pki.folder.write('chain.pem', chain);
  pki.folder.write(
    'chain-with-text.pem',
    `Subject and issuer notes\n${openssl(['x509', '-in', pki.intermediateCert, '-text'])}\nmore text\n${pki.folder.read('root.pem')}trailing words\n`,
  );
  openssl(['x509', '-in', pki.rootCert, '-outform', 'DER', '-out', f('root.der')]);
  openssl(['crl2pkcs7', '-nocrl', '-certfile', f('chain.pem'), '-out', f('chain.p7b')]);
  openssl(['crl2pkcs7', '-nocrl', '-certfile', f('chain.pem'), '-outform', 'DER', '-out', f('chain.p7b.der')]);
  openssl([
    'pkcs12',
    '-export',
    '-in',
    pki.clientCert,
    '-inkey',
    pki.clientKey,
    '-certfile',
    f('chain.pem'),
    '-passout',
    'pass:s3cret',
    '-out',
    f('client.p12'),
  ]);
  openssl(['pkcs12', '-export', '-nokeys', '-in', f('chain.pem'), '-passout', 'pass:', '-out', f('nopass.p12')]);
  openssl(['x509', '-in', pki.rootCert, '-trustout', '-addtrust', 'serverAuth', '-out', f('trusted.pem')]);
  importCertificate({
    keystore: f('trust.jks'),
    file: pki.rootCert,
    storetype: 'JKS',
    storepass: 'apsaradb',
    alias: 'root',
  });
  importCertificate({
    keystore: f('trust.p12'),
    file: pki.rootCert,
    storetype: 'PKCS12',
    storepass: 'apsaradb',
    alias: 'root',
  });
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('rsa.key'),
    '-subj',
    '/CN=RSA Root',
    '-days',
    '30',
    '-out',
    f('rsa.pem'),
  ]);
  openssl([
    'pkcs12',
    '-export',
    '-in',
    f('rsa.pem'),
    '-inkey',
    f('rsa.key'),
    '-passout',
    'pass:rsa',
    '-out',
    f('rsa.p12'),
  ]);
});
afterAll(() => pki.folder.remove());

describe('reading certificate files made by openssl and keytool', () => {
  it('reads PEM with one or many certificates, text around them allowed', async () => {
    expect(await read('root.pem')).toMatchObject({ format: 'pem', fingerprints: [rootSha256] });
    expect(await read('chain.pem')).toMatchObject({ format: 'pem', fingerprints: [intermediateSha256, rootSha256] });
    expect(await read('chain-with-text.pem')).toMatchObject({
      format: 'pem',
      fingerprints: [intermediateSha256, rootSha256],
    });
    expect(await read('trusted.pem')).toMatchObject({ format: 'pem', fingerprints: [rootSha256] });
  });

  it('reads DER and PKCS#7 in PEM and DER', async () => {
    expect(await read('root.der')).toMatchObject({ format: 'der', fingerprints: [rootSha256] });
    expect(await read('chain.p7b')).toMatchObject({ format: 'pkcs7', fingerprints: [intermediateSha256, rootSha256] });
    expect(await read('chain.p7b.der')).toMatchObject({
      format: 'pkcs7',
      fingerprints: [intermediateSha256, rootSha256],
    });
  });

  it('reads PKCS#12 with a password, without one, RSA and EC, and keytool truststores', async () => {
    const client = await read('client.p12', 's3cret');
    expect(client.format).toBe('pkcs12');
    expect(client.fingerprints).toEqual(
      expect.arrayContaining([sha256Of(pki.clientCert), rootSha256, intermediateSha256]),
    );
    expect((await read('nopass.p12')).fingerprints.sort()).toEqual([intermediateSha256, rootSha256].sort());
    expect(await read('rsa.p12', 'rsa')).toMatchObject({
      format: 'pkcs12',
      fingerprints: [sha256Of(pki.folder.file('rsa.pem'))],
    });
    expect(await read('trust.p12')).toMatchObject({ format: 'pkcs12', fingerprints: [rootSha256] });
    expect(await read('trust.jks')).toMatchObject({ format: 'jks', fingerprints: [rootSha256] });
    const wrong = readCertificates(pki.folder.read('client.p12'), { password: 'nope' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('wrong_password');
  });

  it('reads PEM saved as UTF-16 with a byte-order mark, as some Windows tools write it', async () => {
    pki.folder.write(
      'utf16.pem',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pki.folder.read('chain.pem').toString(), 'utf16le')]),
    );
    expect(await read('utf16.pem')).toMatchObject({ format: 'pem', fingerprints: [intermediateSha256, rootSha256] });
  });

  it('reads a PKCS#7 labelled CERTIFICATE (as Windows tools save it) and DER with a trailing newline', async () => {
    pki.folder.write(
      'p7-as-cert.pem',
      pki.folder.read('chain.p7b').toString().replace(/PKCS7/g, 'CERTIFICATE').replace(/\n/g, '\r\n'),
    );
    expect(await read('p7-as-cert.pem')).toMatchObject({
      format: 'pkcs7',
      fingerprints: [intermediateSha256, rootSha256],
    });
    pki.folder.write('padded.der', Buffer.concat([pki.folder.read('root.der'), Buffer.from('\r\n')]));
    expect(await read('padded.der')).toMatchObject({ format: 'der', fingerprints: [rootSha256] });
  });

  it('sniffs the format from the bytes, not the name', async () => {
    pki.folder.write('misnamed.jks', pki.folder.read('chain.p7b.der'));
    expect((await read('misnamed.jks')).format).toBe('pkcs7');
  });
});

describe('certificate facts', () => {
  it('match what openssl says about the server certificate', () => {
    const der = readCertificates(pki.folder.read('server.pem'));
    expect(der.ok).toBe(true);
    if (!der.ok) return;
    const server = describeCertificate(der.value.certificates[0]!.der);
    expect(server.fingerprintSha256).toBe(sha256Of(pki.serverCert));
    expect(server.fingerprintSha1).toBe(
      openssl(['x509', '-in', pki.serverCert, '-noout', '-fingerprint', '-sha1']).trim().split('=')[1],
    );
    expect(server.serialNumber).toBe(
      openssl(['x509', '-in', pki.serverCert, '-noout', '-serial']).trim().split('=')[1],
    );
    expect(server.subject).toBe('CN=pgm-test.pg.rds.aliyuncs.com');
    expect(server.issuer).toBe('CN=Test Intermediate CA');
    expect(server.isCA).toBe(false);
    expect(server.selfSigned).toBe(false);
    expect(server.keyType).toBe('ec');
    expect(server.keySize).toBe(256);
    expect(server.signatureAlgorithm).toBe('ecdsa-with-SHA256');
    expect(server.subjectAltNames).toEqual(['DNS:pgm-test.pg.rds.aliyuncs.com', 'IP Address:127.0.0.1']);
    expect(server.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    const endDate = openssl(['x509', '-in', pki.serverCert, '-noout', '-enddate']).trim().split('=')[1]!;
    expect(server.notAfter).toBe(new Date(endDate).toISOString());
    expect(server.daysLeft).toBeGreaterThan(800);
  });

  it('tell RSA key size, CA flag and chain order', async () => {
    const rsa = readCertificates(pki.folder.read('rsa.pem'));
    const rsaFacts = rsa.ok ? describeCertificate(rsa.value.certificates[0]!.der) : null;
    expect(rsaFacts).toMatchObject({
      keyType: 'rsa',
      keySize: 2048,
      isCA: true,
      selfSigned: true,
      signatureAlgorithm: 'sha256WithRSAEncryption',
    });
    const chain = await inspectFile(pki.folder.file('chain.pem'));
    expect(chain.ok && chain.value.formsChain).toBe(true);
    pki.folder.write(
      'reversed.pem',
      pki.folder.read('root.pem').toString() + pki.folder.read('intermediate.pem').toString(),
    );
    const reversed = await inspectFile(pki.folder.file('reversed.pem'));
    expect(reversed.ok && reversed.value.formsChain).toBe(false);
    pki.folder.write('gap.pem', pki.folder.read('server.pem').toString() + pki.folder.read('root.pem').toString());
    const gap = await inspectFile(pki.folder.file('gap.pem'));
    expect(gap.ok && gap.value.formsChain).toBe(false);
  });
});

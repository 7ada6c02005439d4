import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCaPackageZip, readJks, readZip } from '../../../electron/certs';
import { keytool, makeTestPki, openssl, type TestPki } from '../../support/cert-tools';

let pki: TestPki;
let chainPem: string;

beforeAll(() => {
  pki = makeTestPki();
  chainPem = pki.folder.read('intermediate.pem').toString() + pki.folder.read('root.pem').toString();
});
afterAll(() => pki.folder.remove());

describe('the RDS CA package zip', () => {
  it('holds a PEM, a JKS (password apsaradb) and a P7B that openssl and keytool open', () => {
    const zip = buildCaPackageZip(chainPem);
    expect(zip.ok).toBe(true);
    if (!zip.ok) return;
    const zipPath = pki.folder.write('package.zip', zip.value);
    const members = readZip(zip.value);
    expect(members.ok).toBe(true);
    if (!members.ok) return;
    expect(members.value.map((member) => member.name).sort()).toEqual([
      'ApsaraDB-CA-Chain.jks',
      'ApsaraDB-CA-Chain.p7b',
      'ApsaraDB-CA-Chain.pem',
    ]);
    for (const member of members.value) pki.folder.write(member.name, member.data);
    const pemSubjects = openssl(['crl2pkcs7', '-nocrl', '-certfile', pki.folder.file('ApsaraDB-CA-Chain.pem')]);
    expect(pemSubjects).toContain('BEGIN PKCS7');
    const printed = openssl(['pkcs7', '-print_certs', '-noout', '-in', pki.folder.file('ApsaraDB-CA-Chain.p7b')]);
    expect(printed).toContain('Test Intermediate CA');
    expect(printed).toContain('Test Root CA');
    const listing = keytool(['-list', '-keystore', pki.folder.file('ApsaraDB-CA-Chain.jks'), '-storepass', 'apsaradb']);
    expect(listing).toMatch(/contains 2 entries/);
    expect(readJks(members.value.find((member) => member.name.endsWith('.jks'))!.data).ok).toBe(true);
    expect(zipPath.endsWith('package.zip')).toBe(true);
  });

  it('refuses PEM text without certificates', () => {
    const result = buildCaPackageZip(pki.folder.read('root.key').toString());
    expect(result.ok ? 'ok' : result.error.code).toBe('no_certificates');
  });
});

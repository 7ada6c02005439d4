import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCertificate, makeTestPki, openssl, runRdspg, type TestPki } from '../../support/cert-tools';

let pki: TestPki;
let env: NodeJS.ProcessEnv;

function sha256Of(file: string): string {
  return openssl(['x509', '-in', file, '-noout', '-fingerprint', '-sha256']).trim().split('=')[1]!;
}

beforeAll(() => {
  pki = makeTestPki();
  env = { HOME: pki.folder.file('home'), RDSPG_HOME: pki.folder.file('app-home') };
  const f = pki.folder.file;
  pki.folder.write(
    'chain.pem',
    pki.folder.read('intermediate.pem').toString() + pki.folder.read('root.pem').toString(),
  );
  openssl(['crl2pkcs7', '-nocrl', '-certfile', f('chain.pem'), '-out', f('chain.p7b')]);
  importCertificate({
    keystore: f('chain.jks'),
    file: pki.rootCert,
    storetype: 'JKS',
    storepass: 'apsaradb',
    alias: 'root',
  });
  // An RDS-like package made by Python's zipfile: a folder, the three files, a readme.
  execFileSync('python3', [
    '-c',
    `
import zipfile, sys
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('ApsaraDB-CA-Chain/', '')
    z.write(sys.argv[2], 'ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem')
    z.write(sys.argv[3], 'ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.p7b')
    z.write(sys.argv[4], 'ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.jks')
    z.writestr('ApsaraDB-CA-Chain/README.txt', 'The JKS password is apsaradb.')
`,
    f('package.zip'),
    f('chain.pem'),
    f('chain.p7b'),
    f('chain.jks'),
  ]);
});
afterAll(() => pki.folder.remove());

describe('rdspg cert inspect', () => {
  it('prints exactly one JSON object with format and the certificates', async () => {
    const run = await runRdspg(['cert', 'inspect', pki.folder.file('chain.pem'), '--json'], env);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(run.stdout);
    expect(report.format).toBe('pem');
    expect(report.formsChain).toBe(true);
    expect(report.certificates).toHaveLength(2);
    expect(report.certificates[0]).toMatchObject({
      subject: 'CN=Test Intermediate CA',
      issuer: 'CN=Test Root CA, O=RDS PG Connect Tests',
      serialNumber: openssl(['x509', '-in', pki.intermediateCert, '-noout', '-serial']).trim().split('=')[1],
      fingerprintSha256: sha256Of(pki.intermediateCert),
      isCA: true,
      subjectAltNames: [],
    });
    for (const key of ['notBefore', 'notAfter'])
      expect(Number.isNaN(Date.parse(report.certificates[0][key]))).toBe(false);
  });

  it('reads the RDS CA package zip in memory and tells which member each certificate came from', async () => {
    const run = await runRdspg(['cert', 'inspect', pki.folder.file('package.zip'), '--json'], env);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.format).toBe('zip');
    const members = report.certificates.map((certificate: { member: string; fingerprintSha256: string }) => [
      certificate.member,
      certificate.fingerprintSha256,
    ]);
    const root = sha256Of(pki.rootCert);
    const intermediate = sha256Of(pki.intermediateCert);
    expect(members).toEqual([
      ['ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem', intermediate],
      ['ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.pem', root],
      ['ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.p7b', intermediate],
      ['ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.p7b', root],
      ['ApsaraDB-CA-Chain/ApsaraDB-CA-Chain.jks', root],
    ]);
    expect(report.formsChain).toBe(true);
  });

  it('prints a readable report without --json, and a usage error for a missing FILE', async () => {
    const run = await runRdspg(['cert', 'inspect', pki.serverCert], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^format: pem — 1 certificate; forms a chain: no\n/);
    expect(run.stdout).toContain('DNS:pgm-test.pg.rds.aliyuncs.com');
    expect(run.stdout).toContain(`SHA-256:    ${sha256Of(pki.serverCert)}`);
    const missing = await runRdspg(['cert', 'inspect'], env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^error \[usage\]: missing FILE/);
    const unknownFlag = await runRdspg(['cert', 'inspect', pki.serverCert, '--pasword', 'x'], env);
    expect(unknownFlag.status).toBe(2);
    expect(unknownFlag.stderr).toMatch(/^error \[usage\]/);
  });
});

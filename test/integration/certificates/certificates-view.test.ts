import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateHandlers } from '../../../electron/app/handlers/certificate-handlers';
import type { AppPorts } from '../../../electron/app/ports';
import { blankServerForm } from '../../../shared/contract/server-form';
import { keytool, makeTempFolder, makeTestPki, openssl, type TempFolder, type TestPki } from '../../support/cert-tools';
import { testPorts } from '../app/app-ports';

let folder: TempFolder;
let pki: TestPki;
let ports: AppPorts;
let handlers: ReturnType<typeof createCertificateHandlers>;

beforeAll(() => {
  folder = makeTempFolder('rdspg-certificates-view-');
  pki = makeTestPki(folder);
  folder.write(
    'chain.pem',
    `${readFileSync(pki.serverCert, 'utf8')}${readFileSync(pki.intermediateCert, 'utf8')}${readFileSync(pki.rootCert, 'utf8')}`,
  );
  openssl([
    'pkcs8',
    '-topk8',
    '-in',
    pki.clientKey,
    '-passout',
    'pass:key secret',
    '-out',
    folder.file('client-encrypted.key'),
  ]);
  ports = testPorts(folder.file('home'));
  handlers = createCertificateHandlers(ports);
});

afterAll(() => folder.remove());

/** Writes an export's bytes into the temp folder and returns its path. */
function saved(answer: Awaited<ReturnType<(typeof handlers)['certificates:export']>>, name: string): string {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return folder.write(name, Buffer.from(answer.value.contentBase64, 'base64'));
}

describe('certificates view handlers with the real store, registry and toolkit', () => {
  it('lists store entries with expiry and the saved servers whose Root certificate is that CA', async () => {
    expect(await handlers['certificates:list']({})).toEqual({ ok: true, value: { entries: [] } });
    expect(await handlers['certificates:add']({ path: pki.rootCert, label: 'Test root' })).toEqual({
      ok: true,
      value: { added: 1, existing: 0 },
    });
    const server = await ports.registry.create({
      ...blankServerForm(),
      name: 'rds-prod',
      host: 'pgm-test.pg.rds.aliyuncs.com',
      username: 'app_user',
      parameters: [
        { keyword: 'sslmode', value: 'verify-full' },
        { keyword: 'sslrootcert', value: pki.rootCert },
      ],
    });
    expect(server.ok).toBe(true);
    await ports.registry.create({ ...blankServerForm(), name: 'other', host: 'h', username: 'u', parameters: [] });
    const listed = await handlers['certificates:list']({});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.entries).toHaveLength(1);
    const [entry] = listed.value.entries;
    expect(entry?.label).toBe('Test root');
    expect(entry?.certificate).toMatchObject({
      subject: 'CN=Test Root CA, O=RDS PG Connect Tests',
      isCA: true,
      expiryState: 'valid',
    });
    expect(entry?.usedBy.map((use) => use.name)).toEqual(['rds-prod']);
  });

  it('opens a certificate file and shows its chain', async () => {
    const opened = await handlers['certificates:open']({ path: folder.file('chain.pem') });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.format).toBe('pem');
    expect(opened.value.formsChain).toBe(true);
    expect(opened.value.certificates.map((certificate) => certificate.subject)).toEqual([
      'CN=pgm-test.pg.rds.aliyuncs.com',
      'CN=Test Intermediate CA',
      'CN=Test Root CA, O=RDS PG Connect Tests',
    ]);
    expect(opened.value.certificates[0]?.subjectAltNames).toContain('DNS:pgm-test.pg.rds.aliyuncs.com');
    expect(await handlers['certificates:open']({ path: folder.file('missing.pem') })).toMatchObject({
      ok: false,
      error: { code: 'file_not_found' },
    });
  });

  it('exports PEM and P7B that openssl reads back', async () => {
    const pem = saved(
      await handlers['certificates:export']({ path: folder.file('chain.pem'), format: 'pem' }),
      'out.pem',
    );
    expect(openssl(['crl2pkcs7', '-nocrl', '-certfile', pem]).length).toBeGreaterThan(0);
    expect(openssl(['storeutl', '-noout', '-certs', pem])).toMatch(/Total found: 3/);
    const p7b = saved(
      await handlers['certificates:export']({ path: folder.file('chain.pem'), format: 'p7b' }),
      'out.p7b',
    );
    const printed = openssl(['pkcs7', '-in', p7b, '-print_certs', '-noout']);
    expect(printed.match(/subject=/g)).toHaveLength(3);
  });

  it('exports a JKS truststore that keytool opens with apsaradb by default, or with the password given', async () => {
    const answer = await handlers['certificates:export']({ path: pki.rootCert, format: 'jks' });
    expect(answer).toMatchObject({ ok: true, value: { fileName: 'root.jks', count: 1 } });
    const jks = saved(answer, 'default.jks');
    expect(keytool(['-list', '-keystore', jks, '-storepass', 'apsaradb', '-storetype', 'JKS'])).toMatch(
      /trustedCertEntry/,
    );
    const custom = saved(
      await handlers['certificates:export']({ path: pki.rootCert, format: 'jks', password: 'changeit 2' }),
      'custom.jks',
    );
    expect(keytool(['-list', '-keystore', custom, '-storepass', 'changeit 2', '-storetype', 'JKS'])).toMatch(/1 entry/);
    expect(() => keytool(['-list', '-keystore', custom, '-storepass', 'apsaradb', '-storetype', 'JKS'])).toThrow();
  });

  it('exports a private key as unencrypted PKCS#8 DER; an encrypted key needs its passphrase', async () => {
    expect((await ports.vault.initialize('master password 1', false)).ok).toBe(true);
    const plain = saved(await handlers['certificates:export']({ path: pki.clientKey, format: 'pk8' }), 'client.pk8');
    const publicFromExport = openssl(['pkey', '-inform', 'DER', '-in', plain, '-pubout']);
    expect(publicFromExport).toBe(openssl(['pkey', '-in', pki.clientKey, '-pubout']));
    const encrypted = folder.file('client-encrypted.key');
    expect(await handlers['certificates:export']({ path: encrypted, format: 'pk8' })).toMatchObject({
      ok: false,
      error: { code: 'key_passphrase_required' },
    });
    expect(await handlers['certificates:export']({ path: encrypted, format: 'pk8', password: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'wrong_key_passphrase' },
    });
    const decrypted = saved(
      await handlers['certificates:export']({ path: encrypted, format: 'pk8', password: 'key secret' }),
      'decrypted.pk8',
    );
    expect(openssl(['pkey', '-inform', 'DER', '-in', decrypted, '-pubout'])).toBe(publicFromExport);
  });

  it('removes a store entry by fingerprint; an unknown one answers store_entry_not_found', async () => {
    const listed = await handlers['certificates:list']({});
    const fingerprint = listed.ok ? (listed.value.entries[0]?.fingerprintSha256 ?? '') : '';
    expect(await handlers['certificates:remove']({ fingerprint })).toEqual({ ok: true, value: {} });
    expect(await handlers['certificates:remove']({ fingerprint })).toMatchObject({
      ok: false,
      error: { code: 'store_entry_not_found' },
    });
  });
});

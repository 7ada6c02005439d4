import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCertificate, makeTestPki, openssl, runRdspg, type TestPki } from '../../support/cert-tools';

let pki: TestPki;
let env: NodeJS.ProcessEnv;
const bad: Record<string, string> = {};

/** Rewrites the declared uncompressed size of every entry of a zip (local and central headers). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const copy = new Uint8Array(zip);
  const view = new DataView(copy.buffer);
  for (let offset = 0; offset + 4 <= copy.length; offset++) {
    const signature = view.getUint32(offset, true);
    if (signature === 0x04034b50) view.setUint32(offset + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(offset + 24, size, true);
  }
  return copy;
}

beforeAll(() => {
  pki = makeTestPki();
  env = { HOME: pki.folder.file('home'), RDSPG_HOME: pki.folder.file('rdspg-home') };
  const f = pki.folder.file;
  const root = pki.folder.read('root.pem');
  bad['empty file'] = pki.folder.write('empty.pem', '');
  bad['whitespace only'] = pki.folder.write('blank.pem', '\n  \n');
  bad['random bytes'] = pki.folder.write('random.bin', Buffer.concat([Buffer.from([0x01]), randomBytes(4095)]));
  bad['random DER-looking bytes'] = pki.folder.write(
    'random.der',
    Buffer.concat([Buffer.from([0x30, 0x82, 0x01, 0x00]), randomBytes(256)]),
  );
  bad['truncated PEM'] = pki.folder.write('truncated.pem', root.subarray(0, Math.floor(root.length / 2)));
  bad['PEM with only a private key'] = pki.clientKey;
  openssl(['pkey', '-in', pki.clientKey, '-outform', 'DER', '-out', f('key.der')]);
  bad['DER private key'] = f('key.der');
  openssl(['req', '-new', '-key', pki.clientKey, '-subj', '/CN=request', '-out', f('request.csr')]);
  bad['certificate request'] = f('request.csr');
  writeFileSync(
    f('ca.cnf'),
    `[ca]\ndefault_ca=root\n[root]\ndatabase=${f('index.txt')}\ncrlnumber=${f('crlnumber')}\ndefault_md=sha256\ndefault_crl_days=30\n`,
  );
  writeFileSync(f('index.txt'), '');
  writeFileSync(f('crlnumber'), '01\n');
  openssl([
    'ca',
    '-gencrl',
    '-config',
    f('ca.cnf'),
    '-keyfile',
    pki.rootKey,
    '-cert',
    pki.rootCert,
    '-out',
    f('root.crl'),
  ]);
  bad['a CRL'] = f('root.crl');
  openssl(['crl', '-in', f('root.crl'), '-outform', 'DER', '-out', f('root.crl.der')]);
  bad['a DER CRL'] = f('root.crl.der');
  importCertificate({
    keystore: f('store.jks'),
    file: pki.rootCert,
    storetype: 'JKS',
    storepass: 'apsaradb',
    alias: 'root',
  });
  bad['JKS with a wrong password'] = f('store.jks');
  const flipped = pki.folder.read('store.jks');
  flipped[Math.floor(flipped.length / 2)]! ^= 0x10;
  bad['JKS with one flipped byte'] = pki.folder.write('flipped.jks', flipped);
  const member = new Uint8Array(root);
  bad['zip climbing out with ../'] = pki.folder.write(
    'climb.zip',
    zipSync({ 'ok.pem': member, '../../etc/evil.pem': member }),
  );
  bad['zip with an absolute path'] = pki.folder.write('absolute.zip', zipSync({ '/tmp/evil.pem': member }));
  bad['zip bomb (compression ratio)'] = pki.folder.write(
    'bomb.zip',
    zipSync({ 'a.pem': new Uint8Array(900 * 1024) }, { level: 9 }),
  );
  const lying = lieAboutSizes(zipSync({ 'a.pem': new Uint8Array(900 * 1024) }, { level: 9 }), 4096);
  bad['zip bomb (lying sizes)'] = pki.folder.write('lying.zip', lying);
  bad['zip entry too large'] = pki.folder.write(
    'large.zip',
    zipSync({ 'big.pem': randomBytes(2 * 1024 * 1024) }, { level: 0 }),
  );
  const many: Record<string, Uint8Array> = {};
  for (let index = 0; index < 200; index++) many[`cert-${index}.pem`] = member;
  bad['zip with too many entries'] = pki.folder.write('many.zip', zipSync(many));
  const crowded: Record<string, Uint8Array> = {};
  for (let index = 0; index < 30; index++)
    crowded[`bundle-${index}.pem`] = new Uint8Array(Buffer.from(root.toString().repeat(20)));
  bad['zip with too many certificates'] = pki.folder.write('crowded.zip', zipSync(crowded));
  bad['truncated zip'] = pki.folder.write('cut.zip', zipSync({ 'a.pem': member }).subarray(0, 60));
  openssl([
    'pkcs12',
    '-export',
    '-nokeys',
    '-in',
    pki.rootCert,
    '-iter',
    '300000',
    '-passout',
    'pass:wrong',
    '-out',
    f('heavy.p12'),
  ]);
  bad['PKCS#12 with a crafted iteration count'] = f('heavy.p12');
  truncateSync(pki.folder.write('huge.pem', ''), 100 * 1024 * 1024);
  bad['a 100 MB file'] = f('huge.pem');
  bad['a missing file'] = f('does-not-exist.pem');
  mkdirSync(f('a-folder'));
  bad['a folder'] = f('a-folder');
});
afterAll(() => pki.folder.remove());

const expected: Record<string, string> = {
  'empty file': 'empty_file',
  'whitespace only': 'empty_file',
  'random bytes': 'unknown_format',
  'random DER-looking bytes': 'unknown_format',
  'truncated PEM': 'truncated_pem',
  'PEM with only a private key': 'only_private_key',
  'DER private key': 'only_private_key',
  'certificate request': 'no_certificates',
  'a CRL': 'no_certificates',
  'a DER CRL': 'unknown_format',
  'JKS with a wrong password': 'wrong_password',
  'JKS with one flipped byte': 'wrong_password',
  'zip climbing out with ../': 'unsafe_zip_entry',
  'zip with an absolute path': 'unsafe_zip_entry',
  'zip bomb (compression ratio)': 'zip_bomb',
  'zip bomb (lying sizes)': 'zip_bomb',
  'zip entry too large': 'zip_entry_too_large',
  'zip with too many entries': 'zip_too_many_entries',
  'zip with too many certificates': 'file_too_large',
  'truncated zip': 'malformed_zip',
  'PKCS#12 with a crafted iteration count': 'malformed_pkcs12',
  'a 100 MB file': 'file_too_large',
  'a missing file': 'file_not_found',
  'a folder': 'file_unreadable',
};

describe('bad input ends with one coded line, a non-zero exit and nothing written', () => {
  for (const [name, code] of Object.entries(expected)) {
    it(`${name} → ${code}`, async () => {
      const before = readdirSync(pki.folder.path).sort();
      const password = name.includes('wrong password') || name.includes('PKCS#12') ? ['--password', 'wrong'] : [];
      const inspect = await runRdspg(['cert', 'inspect', bad[name]!, ...password], env);
      expect(inspect.status).toBe(1);
      expect(inspect.stdout).toBe('');
      expect(inspect.stderr).toMatch(new RegExp(`^error \\[${code}\\]: [^\\n]+\\n$`));
      expect(inspect.stderr).not.toMatch(/\bat .+:\d+:\d+/);
      const json = await runRdspg(['cert', 'inspect', bad[name]!, '--json', ...password], env);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code } });
      const convert = await runRdspg(
        ['cert', 'convert', bad[name]!, '--to', 'pem', '--out', pki.folder.file('out.pem'), ...password],
        env,
      );
      expect(convert.status).toBe(1);
      expect(convert.stderr).toMatch(new RegExp(`^error \\[${code}\\]: [^\\n]+\\n$`));
      const store = await runRdspg(['cert', 'store', 'add', bad[name]!, '--label', 'x', ...password], env);
      expect(store.status).toBe(1);
      expect(readdirSync(pki.folder.path).sort()).toEqual(before);
    });
  }
});

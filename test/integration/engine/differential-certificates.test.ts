import { chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nothingOpen } from '../../support/leftovers';
import type { Issued, IssueRequest } from '../../support/pki';
import { openssl } from '../../support/pki';
import { cleanEnvironment, compareClients } from '../../support/reference-client';
import { createSslLab, type SslLab } from '../../support/ssl-lab';

// Host names, client certificates, CRLs and protocol limits: psql and our engine must agree case by case.

let lab: SslLab;
let home: string;
const issued: Record<string, Issued> = {};
const client: Record<string, string> = {};

const serverCertificates: Record<string, IssueRequest> = {
  'SAN localhost + IP': { commonName: 'ignored.test', dns: ['localhost'], ips: ['127.0.0.1'] },
  'CN only (localhost)': { commonName: 'localhost' },
  'CN only (127.0.0.1)': { commonName: '127.0.0.1' },
  'IP written as dNSName': { commonName: 'other.test', dns: ['127.0.0.1'] },
  'wildcard *.rds.test': { commonName: 'other.test', dns: ['*.rds.test'] },
  'dNSName only, CN is an IP': { commonName: '127.0.0.1', dns: ['db.rds.test'] },
  'iPAddress only, CN is a name': { commonName: 'localhost', ips: ['127.0.0.1'] },
  'mixed-case name': { commonName: 'other.test', dns: ['LocalHost'] },
  'IPv6 address': { commonName: 'other.test', ips: ['::1'] },
};
const hosts = ['localhost', '127.0.0.1', '127.1', 'db.rds.test', 'a.b.rds.test', 'rds.test', '::1', 'elsewhere.test'];

beforeAll(async () => {
  lab = await createSslLab();
  home = await lab.home('certificates');
  for (const [name, request] of Object.entries(serverCertificates)) issued[name] = await lab.root.issue(request);
  const folder = join(lab.folder, 'client-files');
  await (await import('node:fs/promises')).mkdir(folder, { recursive: true });
  const right = await lab.clientCa.issue({ commonName: 'postgres', purpose: 'client', keyType: 'rsa' });
  const foreign = await lab.foreign.issue({ commonName: 'postgres', purpose: 'client' });
  const otherUser = await lab.clientCa.issue({ commonName: 'someone', purpose: 'client' });
  const place = async (name: string, from: string, mode = 0o600) => {
    const path = join(folder, name);
    await copyFile(from, path);
    await chmod(path, mode);
    client[name] = path;
  };
  await place('right.crt', right.certPath);
  await place('right.key', right.keyPath);
  await place('open.key', right.keyPath, 0o644);
  await place('foreign.crt', foreign.certPath);
  await place('foreign.key', foreign.keyPath);
  await place('other.crt', otherUser.certPath);
  await place('other.key', otherUser.keyPath);
  const convert = async (name: string, args: string[]) => {
    const path = join(folder, name);
    await openssl([...args, '-in', right.keyPath, '-out', path]);
    await chmod(path, 0o600);
    client[name] = path;
  };
  await convert('pkcs8-encrypted.key', ['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-passout', 'pass:hunter2']);
  await convert('pkcs1-encrypted.key', ['rsa', '-aes256', '-traditional', '-passout', 'pass:hunter2']);
  await convert('pkcs8.der', ['pkcs8', '-topk8', '-nocrypt', '-outform', 'DER']);
  await convert('pkcs1.der', ['rsa', '-traditional', '-outform', 'DER']);
  client.home = await lab.home('client-default', {
    '.postgresql/postgresql.crt': right.certPem,
    '.postgresql/postgresql.key': right.keyPem,
    '.postgresql/root.crt': lab.root.certPem,
  });
  await writeFile(join(folder, 'unused'), '');
  client['damaged.crt'] = join(folder, 'damaged.crt');
  await writeFile(client['damaged.crt'], '-----BEGIN CERTIFICATE-----\nMIIBAAAAbad!!\n-----END CERTIFICATE-----\n');
}, 120_000);

afterAll(async () => {
  await lab?.destroy();
});

async function expectAgreement(conninfo: string, environmentHome = home, env: Record<string, string> = {}) {
  const watched = lab.clustersIn(conninfo + JSON.stringify(env));
  const { psql, ours, leftovers } = await compareClients(conninfo, cleanEnvironment(environmentHome, env), watched);
  expect({ connected: ours.connected, ssl: ours.ssl }, `psql: ${psql.detail}\nours: ${ours.detail}`).toEqual({
    connected: psql.connected,
    ssl: psql.ssl,
  });
  // Nothing may stay open on the server after either client, whatever the outcome.
  const none = nothingOpen(watched);
  expect(leftovers, `psql: ${psql.detail}\nours: ${ours.detail}`).toEqual({ psql: none, ours: none });
  return { psql, ours };
}

describe('verify-full host-name rules (subjectAltName, CN fallback, wildcards, IP spellings, hostaddr)', () => {
  for (const certificate of Object.keys(serverCertificates)) {
    describe(certificate, () => {
      beforeAll(async () => {
        await lab.reloadVariant(issued[certificate]!);
      });
      it.each(hosts)('host=%s', async (host) => {
        const conninfo = `host=${host} hostaddr=127.0.0.1 port=${lab.clusters.variant.port} dbname=postgres user=postgres password=secret sslmode=verify-full sslrootcert=${lab.files.root}`;
        await expectAgreement(conninfo);
      });
    });
  }
  it('verify-ca ignores the host name', async () => {
    await lab.reloadVariant(issued['wildcard *.rds.test']!);
    const { ours } = await expectAgreement(
      `host=elsewhere.test hostaddr=127.0.0.1 port=${lab.clusters.variant.port} dbname=postgres user=postgres password=secret sslmode=verify-ca sslrootcert=${lab.files.root}`,
    );
    expect(ours.connected).toBe(true);
  });
  it('a hostaddr without a host name cannot be verified', async () => {
    await expectAgreement(
      `hostaddr=127.0.0.1 port=${lab.clusters.variant.port} dbname=postgres user=postgres password=secret sslmode=verify-full sslrootcert=${lab.files.root}`,
    );
  });
});

describe('client certificates (cert authentication)', () => {
  const cases: [string, () => string, string?][] = [
    ['no client certificate', () => ''],
    ['right certificate and key', () => `sslcert=${client['right.crt']} sslkey=${client['right.key']}`],
    ['certificate at the default location', () => '', 'default'],
    ['certificate from a foreign CA', () => `sslcert=${client['foreign.crt']} sslkey=${client['foreign.key']}`],
    ['certificate for another user', () => `sslcert=${client['other.crt']} sslkey=${client['other.key']}`],
    ['key readable by others', () => `sslcert=${client['right.crt']} sslkey=${client['open.key']}`],
    [
      'encrypted PKCS#8 key, right passphrase',
      () => `sslcert=${client['right.crt']} sslkey=${client['pkcs8-encrypted.key']} sslpassword=hunter2`,
    ],
    [
      'encrypted PKCS#8 key, wrong passphrase',
      () => `sslcert=${client['right.crt']} sslkey=${client['pkcs8-encrypted.key']} sslpassword=wrong`,
    ],
    [
      'encrypted PKCS#1 key, right passphrase',
      () => `sslcert=${client['right.crt']} sslkey=${client['pkcs1-encrypted.key']} sslpassword=hunter2`,
    ],
    [
      'encrypted PKCS#1 key, wrong passphrase',
      () => `sslcert=${client['right.crt']} sslkey=${client['pkcs1-encrypted.key']} sslpassword=wrong`,
    ],
    ['PKCS#8 DER key', () => `sslcert=${client['right.crt']} sslkey=${client['pkcs8.der']}`],
    ['PKCS#1 DER key', () => `sslcert=${client['right.crt']} sslkey=${client['pkcs1.der']}`],
    ['key of another certificate', () => `sslcert=${client['right.crt']} sslkey=${client['other.key']}`],
    ['damaged certificate file', () => `sslcert=${client['damaged.crt']} sslkey=${client['right.key']}`],
  ];
  for (const mode of ['require', 'verify-full']) {
    it.each(cases)(`sslmode=${mode}: %s`, async (_name, keywords, where) => {
      const root = mode === 'verify-full' ? ` sslrootcert=${lab.files.root}` : '';
      const conninfo = `host=localhost port=${lab.clusters.certAuth.port} dbname=postgres user=postgres sslmode=${mode}${root} ${keywords()}`;
      await expectAgreement(conninfo, where === 'default' ? client.home! : home);
    });
  }
});

describe('certificate revocation lists and protocol limits', () => {
  it.each([
    ['revoked server certificate, CRL given', true, true],
    ['revoked server certificate, no CRL', true, false],
    ['valid server certificate, CRL given', false, true],
  ])('%s', async (_name, revoke, withCrl) => {
    const certificate = await lab.root.issue({ commonName: 'localhost', dns: ['localhost'] });
    if (revoke) await lab.root.revoke(certificate);
    const crlPath = join(lab.folder, `root-${Math.random().toString(36).slice(2)}.crl`);
    await writeFile(crlPath, await lab.root.crl());
    await lab.reloadVariant(certificate);
    const crl = withCrl ? ` sslcrl=${crlPath}` : '';
    await expectAgreement(
      `host=localhost port=${lab.clusters.variant.port} dbname=postgres user=postgres password=secret sslmode=verify-ca sslrootcert=${lab.files.root}${crl}`,
    );
  });
  it('a damaged CRL file (libpq leaves it out and checks no CRL)', async () => {
    const certificate = await lab.root.issue({ commonName: 'localhost', dns: ['localhost'] });
    await lab.root.revoke(certificate);
    const crlPath = join(lab.folder, 'damaged.crl');
    await writeFile(
      crlPath,
      `${await lab.root.crl()}-----BEGIN X509 CRL-----\nMIIBAAAAbad!!\n-----END X509 CRL-----\n`,
    );
    await lab.reloadVariant(certificate);
    const { ours } = await expectAgreement(
      `host=localhost port=${lab.clusters.variant.port} dbname=postgres user=postgres password=secret sslmode=verify-ca sslrootcert=${lab.files.root} sslcrl=${crlPath}`,
    );
    expect(ours.connected, ours.detail).toBe(true);
  });
  describe('a CRL folder (sslcrldir): OpenSSL looks CRLs up by hash name, and the folder turns the checks on', () => {
    let folder: string;
    let hashName: string;
    beforeAll(async () => {
      folder = join(lab.folder, 'crl-folders');
      await mkdir(folder, { recursive: true });
      const crlPath = join(folder, 'root.crl');
      await writeFile(crlPath, await lab.root.crl());
      hashName = `${(await openssl(['crl', '-hash', '-noout', '-in', crlPath])).trim()}.r0`;
    });
    const place = async (name: string, files: Record<string, string>) => {
      const path = join(folder, name);
      await mkdir(path, { recursive: true });
      for (const [file, content] of Object.entries(files)) await writeFile(join(path, file), content);
      return path;
    };
    it.each([
      ['an empty folder', 'valid', async () => place('empty', {})],
      ['no such folder', 'valid', async () => join(folder, 'missing')],
      ['the CA CRL under its hash name', 'valid', async () => place('hashed', { [hashName]: await lab.root.crl() })],
      ['the CA CRL under another name', 'valid', async () => place('named', { 'root.crl': await lab.root.crl() })],
      ['a revoking CRL under its hash name', 'revoked', async () => place('revoking', { [hashName]: '' })],
    ])('%s (%s server certificate)', async (_name, state, folderFor) => {
      const certificate = await lab.root.issue({ commonName: 'localhost', dns: ['localhost'] });
      if (state === 'revoked') await lab.root.revoke(certificate);
      const path = await folderFor();
      if (state === 'revoked') await writeFile(join(path, hashName), await lab.root.crl());
      await lab.reloadVariant(certificate);
      await expectAgreement(
        `host=localhost port=${lab.clusters.variant.port} dbname=postgres user=postgres password=secret sslmode=verify-ca sslrootcert=${lab.files.root} sslcrldir=${path}`,
      );
    });
    it('a damaged sslcrl file beside a folder: libpq checks no CRL at all', async () => {
      const certificate = await lab.root.issue({ commonName: 'localhost', dns: ['localhost'] });
      const damaged = join(folder, 'damaged.crl');
      await writeFile(damaged, '-----BEGIN X509 CRL-----\nMIIBAAAAbad!!\n-----END X509 CRL-----\n');
      await lab.reloadVariant(certificate);
      const { ours } = await expectAgreement(
        `host=localhost port=${lab.clusters.variant.port} dbname=postgres user=postgres password=secret sslmode=verify-ca sslrootcert=${lab.files.root} sslcrl=${damaged} sslcrldir=${join(folder, 'missing')}`,
      );
      expect(ours.connected, ours.detail).toBe(true);
    });
  });
  it('a CRL for the root only, with an intermediate in the chain (libpq checks the whole chain)', async () => {
    await lab.reloadVariant(lab.server, lab.intermediate.certPem);
    const crlPath = join(lab.folder, 'root-only.crl');
    await writeFile(crlPath, await lab.root.crl());
    await expectAgreement(
      `host=localhost port=${lab.clusters.variant.port} dbname=postgres user=postgres password=secret sslmode=verify-ca sslrootcert=${lab.files.root} sslcrl=${crlPath}`,
    );
  });
  it.each([
    ['client TLSv1.3 minimum, server TLSv1.2 maximum', 'ssl_min_protocol_version=TLSv1.3'],
    ['client TLSv1.2 maximum, server TLSv1.2 maximum', 'ssl_max_protocol_version=TLSv1.2'],
  ])('%s', async (_name, keywords) => {
    await lab.reloadVariant(lab.server, lab.intermediate.certPem, { maxProtocol: 'TLSv1.2' });
    await expectAgreement(
      `host=localhost port=${lab.clusters.variant.port} dbname=postgres user=postgres password=secret sslmode=require ${keywords}`,
    );
  });
});

describe('damaged root certificate files (libpq refuses the whole file, before any handshake)', () => {
  const damaged: Record<string, (rootPem: string) => string> = {
    'bad base64 in the only certificate': () =>
      '-----BEGIN CERTIFICATE-----\nMIIBAAAAbad!!\n-----END CERTIFICATE-----\n',
    'the right root, then a damaged certificate': (rootPem) =>
      `${rootPem}-----BEGIN CERTIFICATE-----\nMIIBAAAAbad!!\n-----END CERTIFICATE-----\n`,
    'a block that is not a certificate': () =>
      `-----BEGIN CERTIFICATE-----\n${Buffer.from('not a certificate at all').toString('base64')}\n-----END CERTIFICATE-----\n`,
  };
  beforeAll(async () => {
    await lab.reloadVariant(issued['SAN localhost + IP']!);
  });
  it('a folder as the client certificate file (the server asks for none): libpq fails, it does not skip it', async () => {
    const path = join(lab.folder, 'certificate-is-a-folder');
    await mkdir(path, { recursive: true });
    const { ours } = await expectAgreement(
      `host=localhost port=${lab.clusters.variant.port} dbname=postgres user=postgres password=secret sslmode=require sslcert=${path} sslkey=${lab.files.root}`,
    );
    expect(ours.detail).toContain('certificate_file_unreadable');
  });
  it.each(['require', 'verify-full'])('a folder as the root certificate file: sslmode=%s', async (mode) => {
    const path = join(lab.folder, 'root-is-a-folder');
    await mkdir(path, { recursive: true });
    const { ours } = await expectAgreement(
      `host=localhost port=${lab.clusters.variant.port} dbname=postgres user=postgres password=secret sslmode=${mode} sslrootcert=${path}`,
    );
    expect(ours.detail).toContain('certificate_file_unreadable');
  });
  for (const [name, content] of Object.entries(damaged)) {
    it.each(['prefer', 'require', 'verify-ca', 'verify-full'])(`${name}: sslmode=%s`, async (mode) => {
      const path = join(lab.folder, `damaged-${name.replace(/\W+/g, '-')}.crt`);
      await writeFile(path, content(await readFile(lab.files.root, 'utf8')));
      const { psql, ours } = await expectAgreement(
        `host=localhost port=${lab.clusters.variant.port} dbname=postgres user=postgres password=secret sslmode=${mode} sslrootcert=${path}`,
      );
      expect(psql.detail).toContain(`could not read root certificate file "${path}"`);
      expect(ours.detail).toContain(`certificate_file_unreadable: could not read root certificate file "${path}"`);
    });
    it.each(['allow', 'prefer', 'require'])(
      `${name}, a server that also takes plain connections: sslmode=%s`,
      async (mode) => {
        const path = join(lab.folder, `damaged-any-${name.replace(/\W+/g, '-')}.crt`);
        await writeFile(path, content(await readFile(lab.files.root, 'utf8')));
        await expectAgreement(
          `host=localhost port=${lab.clusters.sslAny.port} dbname=postgres user=postgres password=secret sslmode=${mode} sslrootcert=${path}`,
        );
      },
    );
  }
});

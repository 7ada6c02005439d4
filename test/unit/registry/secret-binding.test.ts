import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootFingerprints } from '../../../electron/engine';
import {
  bindingBreach,
  bindingOf,
  parseBinding,
  withRootContent,
} from '../../../electron/saved-servers/secret-binding';
import { sslModes } from '../../../shared/libpq-keywords';
import { blankTunnelFields } from '../../../shared/tunnel-fields';
import { TestAuthority } from '../../support/pki';

// What a saved secret was saved for, and when a connection may have it: the rule every face follows.
const env = { HOME: '/home/someone', RDSPG_OS_USER: 'someone' };
const server = { host: 'pgm-1.pg.rds.aliyuncs.com', port: '5432', user: 'app' };
const jump = { ...blankTunnelFields(), host: 'ECS.example.test', port: 22, username: 'ops' };

describe('secret bindings', () => {
  it('the sslmode may only stay or grow stricter: disable < allow < prefer < require < verify-ca < verify-full', () => {
    for (const [savedIndex, saved] of sslModes.entries()) {
      for (const [nowIndex, now] of sslModes.entries()) {
        const recorded = bindingOf({ ...server, sslmode: saved, sslrootcert: '/ca.pem' }, env, undefined);
        const breach = bindingBreach(
          'password',
          recorded,
          bindingOf({ ...server, sslmode: now, sslrootcert: '/ca.pem' }, env, undefined),
        );
        expect(breach?.code ?? null).toBe(nowIndex < savedIndex ? 'saved_password_weaker_ssl' : null);
      }
    }
  });

  it('a verified sslmode binds its root certificate; the environment counts as libpq reads it', () => {
    const recorded = bindingOf(server, { ...env, PGSSLMODE: 'verify-full', PGSSLROOTCERT: '/ca.pem' }, undefined);
    expect(recorded).toMatchObject({ sslmode: 'verify-full', sslrootcert: '/ca.pem' });
    const otherRoot = bindingOf(server, { ...env, PGSSLMODE: 'verify-full', PGSSLROOTCERT: '/other.pem' }, undefined);
    expect(bindingBreach('password', recorded, otherRoot)?.code).toBe('saved_password_weaker_ssl');
    const prefer = bindingOf(server, { ...env, PGSSLMODE: 'prefer' }, undefined);
    expect(bindingBreach('sslpassword', recorded, prefer)?.message).toMatch(
      /^the saved key passphrase was saved for sslmode=verify-full with sslrootcert=\/ca.pem; this connection uses sslmode=prefer/,
    );
    expect(bindingOf(server, env, undefined)).toMatchObject({ sslmode: 'prefer', sslrootcert: null });
  });

  it('another host, port, user or jump host is elsewhere; the jump host name is compared without case', () => {
    const recorded = bindingOf(server, env, jump);
    expect(bindingBreach('password', recorded, bindingOf(server, env, { ...jump, host: 'ecs.example.test' }))).toBe(
      null,
    );
    const elsewhere = [
      bindingOf({ ...server, port: '5433' }, env, jump),
      bindingOf({ ...server, user: 'admin' }, env, jump),
      bindingOf({ ...server, hostaddr: '10.0.0.9' }, env, jump),
      bindingOf(server, env, { ...jump, host: 'other.example.test' }),
      bindingOf(server, env, { ...jump, port: 2222 }),
      bindingOf(server, env, undefined),
    ];
    for (const now of elsewhere)
      expect(bindingBreach('password', recorded, now)?.code).toBe('saved_password_elsewhere');
    expect(bindingBreach('password', recorded, bindingOf(server, env, undefined))?.message).toBe(
      'the saved password was saved for pgm-1.pg.rds.aliyuncs.com:5432 user app through the SSH jump host ops@ecs.example.test:22; this connection now goes to pgm-1.pg.rds.aliyuncs.com:5432 user app, so it was not sent; type the password, or save it again for the new endpoint.',
    );
  });

  it('PGHOST and PGPORT move a server that names neither', () => {
    const recorded = bindingOf({ user: 'app' }, { ...env, PGHOST: 'db.test', PGPORT: '5432' }, undefined);
    const moved = bindingOf({ user: 'app' }, { ...env, PGHOST: 'db.test', PGPORT: '6432' }, undefined);
    expect(bindingBreach('password', recorded, moved)?.code).toBe('saved_password_elsewhere');
  });

  it('a record that is not one, or settings that do not resolve, send nothing', () => {
    expect(parseBinding('not json')).toBe(null);
    expect(parseBinding('{"targets":[]}')).toBe(null);
    const recorded = bindingOf(server, env, undefined);
    expect(parseBinding(JSON.stringify(recorded))).toEqual(recorded);
    expect(bindingBreach('password', null, recorded)?.code).toBe('saved_password_elsewhere');
    const broken = bindingOf({ ...server, sslmode: 'sometimes' }, env, undefined);
    expect(broken).toBe(null);
    expect(bindingBreach('password', recorded, broken)?.code).toBe('saved_password_elsewhere');
  });
});

describe('a binding to what the root certificate file holds', () => {
  let folder: string;
  let first: TestAuthority;
  let renewed: TestAuthority;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'rdspg-root-binding-'));
    first = await TestAuthority.createRoot(join(folder, 'first'), 'RDS Root CA');
    renewed = await TestAuthority.createRoot(join(folder, 'renewed'), 'RDS Root CA');
  }, 60_000);
  afterAll(() => rm(folder, { recursive: true, force: true }));

  const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256.replaceAll(':', '').toLowerCase();

  it('is the set of certificates OpenSSL reads from it: line endings, comments, order and repeats do not count', () => {
    const both = [fingerprintOf(first.certPem), fingerprintOf(renewed.certPem)].sort();
    expect(rootFingerprints(Buffer.from(first.certPem + renewed.certPem))).toEqual(both);
    const rewritten = `# the RDS CA package\r\n${renewed.certPem.replaceAll('\n', '\r\n')}${first.certPem}${first.certPem}`;
    expect(rootFingerprints(Buffer.from(rewritten))).toEqual(both);
    expect(rootFingerprints(Buffer.from(first.certPem))).toEqual([fingerprintOf(first.certPem)]);
    expect(rootFingerprints(Buffer.from('no certificate here'))).toEqual([]);
    expect(rootFingerprints(null)).toEqual([]);
  });

  it('a verified sslmode records what the file holds; system roots and unverified modes record no file', async () => {
    const path = join(folder, 'root.crt');
    await writeFile(path, first.certPem);
    const verified = await withRootContent(
      bindingOf({ ...server, sslmode: 'verify-ca', sslrootcert: path }, env, undefined),
    );
    expect(verified.binding?.rootCertificates).toEqual([fingerprintOf(first.certPem)]);
    expect(verified.root).toEqual({ path, bytes: Buffer.from(first.certPem) });
    for (const keywords of [
      { ...server, sslmode: 'verify-full', sslrootcert: 'system' },
      { ...server, sslmode: 'require', sslrootcert: path },
    ]) {
      const unread = await withRootContent(bindingOf(keywords, env, undefined));
      expect(unread.root).toBe(null);
      expect(unread.binding?.rootCertificates).toBe(undefined);
    }
    const missing = join(folder, 'missing.crt');
    const gone = await withRootContent(
      bindingOf({ ...server, sslmode: 'verify-full', sslrootcert: missing }, env, undefined),
    );
    expect(gone).toMatchObject({ binding: { rootCertificates: [] }, root: { path: missing, bytes: null } });
  });

  it('other certificates in the same file, or none, send nothing and say which file and what to do', async () => {
    const path = join(folder, 'ApsaraDB-CA-Chain.pem');
    const keywords = { ...server, sslmode: 'verify-full', sslrootcert: path };
    const now = async (content: string | null) => {
      if (content === null) await rm(path, { force: true });
      else await writeFile(path, content);
      return (await withRootContent(bindingOf(keywords, env, undefined))).binding;
    };
    const recorded = await now(first.certPem);
    expect(bindingBreach('password', recorded, await now(`\n${first.certPem}`))).toBe(null);
    const renewal = bindingBreach('password', recorded, await now(renewed.certPem));
    expect(renewal).toEqual({
      code: 'saved_password_root_changed',
      message: `the saved password was saved while the root certificate file ${path} held other certificates than it holds now (a renewed or another CA), so it was not sent; type the password, or save it again to trust the file as it is now.`,
    });
    // A package that adds the renewed CA beside the old one makes another CA trusted too.
    const added = bindingBreach('password', recorded, await now(first.certPem + renewed.certPem));
    expect(added?.code).toBe('saved_password_root_changed');
    const unreadable = bindingBreach('sslpassword', recorded, await now(null));
    expect(unreadable?.code).toBe('saved_password_root_changed');
    expect(unreadable?.message).toContain(
      `the saved key passphrase was saved for the certificates in the root certificate file ${path}, which cannot be read now`,
    );
    // A record from before the file's content was kept compares the path only (it gains the content at its next use).
    const { rootCertificates: _kept, ...pathOnly } = recorded!;
    expect(bindingBreach('password', parseBinding(JSON.stringify(pathOnly)), await now(renewed.certPem))).toBe(null);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateCoverage } from '../../../electron/rds/certificate-coverage';
import { SslFlow } from '../../../electron/rds/ssl-flow';
import { RdsSandbox } from '../../../electron/sandbox/index';
import { makeTempFolder, openssl, type TempFolder } from '../../support/cert-tools';
import { sandboxClient } from './helpers';

const fastWait = { initialDelayMs: 20, factor: 1.5, maxDelayMs: 80, timeoutMs: 10_000 };
const id = 'pgm-uf6sandbox16pg';
const internal = `${id}.pg.rds.aliyuncs.com`;
const external = `${id}o.pg.rds.aliyuncs.com`;

let folder: TempFolder;
let sandbox: RdsSandbox;

/** A self-signed RSA certificate with the given CN and, optionally, subjectAltName DNS names. */
function certificate(name: string, commonName: string, dnsNames: string[] = []): { cert: string; key: string } {
  const san = dnsNames.length > 0 ? ['-addext', `subjectAltName=${dnsNames.map((dns) => `DNS:${dns}`).join(',')}`] : [];
  const cert = folder.file(`${name}.crt`);
  const key = folder.file(`${name}.key`);
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30'].concat(
      ['-subj', `/CN=${commonName}`],
      san,
    ),
  );
  return { cert: folder.read(`${name}.crt`).toString(), key: folder.read(`${name}.key`).toString() };
}

beforeAll(async () => {
  folder = makeTempFolder('rds-coverage-');
  sandbox = new RdsSandbox({ modifyDelayMs: 20 });
  await sandbox.start();
});
afterAll(async () => {
  await sandbox.close();
  folder.remove();
});

describe('custom certificate names against the endpoints they protect', () => {
  it('follows libpq: SAN names first (one-label wildcards), the CN only without DNS SANs', () => {
    const onlyCn = certificate('cn', external);
    expect(certificateCoverage(onlyCn.cert, [external, internal])).toEqual({
      ok: true,
      value: { names: [`CN=${external}`], missing: [internal] },
    });
    const wildcard = certificate('wild', 'ignored.example.com', ['*.pg.rds.aliyuncs.com']);
    const covered = certificateCoverage(wildcard.cert, [external, internal, 'a.b.pg.rds.aliyuncs.com']);
    expect(covered.ok && covered.value.missing).toEqual(['a.b.pg.rds.aliyuncs.com']);
    const sanHidesCn = certificate('san', external, ['other.example.com']);
    const hidden = certificateCoverage(sanHidesCn.cert, [external]);
    expect(hidden.ok && hidden.value.missing).toEqual([external]);
  });

  it('refuses before sending when an endpoint is not covered, naming it; sends when every one is', async () => {
    const flow = new SslFlow(sandboxClient(sandbox));
    const before = sandbox.stats.calls.ModifyDBInstanceSSL ?? 0;
    const onlyPublic = certificate('public', external);
    const refused = await flow.run(id, {
      kind: 'custom_certificate',
      endpoint: external,
      endpoints: [external, internal],
      certificatePem: onlyPublic.cert,
      keyPem: onlyPublic.key,
    });
    expect(!refused.ok && refused.error.code).toBe('certificate_invalid');
    expect(!refused.ok && refused.error.message).toContain(`do not cover ${internal}`);
    expect(!refused.ok && refused.error.message).toContain(`subjectAltName=DNS:${external},DNS:${internal}`);
    const wrongHost = await flow.run(id, {
      kind: 'custom_certificate',
      endpoint: internal,
      certificatePem: onlyPublic.cert,
      keyPem: onlyPublic.key,
    });
    expect(!wrongHost.ok && wrongHost.error.message).toContain(`do not cover ${internal}`);
    expect(sandbox.stats.calls.ModifyDBInstanceSSL ?? 0).toBe(before);
    const both = certificate('both', external, [external, internal]);
    const applied = await flow.run(
      id,
      {
        kind: 'custom_certificate',
        endpoint: external,
        endpoints: [external, internal],
        certificatePem: both.cert,
        keyPem: both.key,
      },
      { wait: fastWait },
    );
    expect(applied.ok && applied.value).toMatchObject({ caType: 'custom', protectedEndpoint: external });
  });

  it('refuses an endpoint a custom certificate cannot protect (read/write splitting)', async () => {
    const rwId = 'pgm-bp1sandbox14rw';
    const splitting = `${rwId}rw.pg.rds.aliyuncs.com`;
    const cert = certificate('rw', `${rwId}o.pg.rds.aliyuncs.com`, [`${rwId}o.pg.rds.aliyuncs.com`, splitting]);
    const result = await new SslFlow(sandboxClient(sandbox)).run(rwId, {
      kind: 'custom_certificate',
      endpoint: `${rwId}o.pg.rds.aliyuncs.com`,
      endpoints: [splitting],
      certificatePem: cert.cert,
      keyPem: cert.key,
    });
    expect(!result.ok && result.error.code).toBe('prerequisite_not_met');
  });
});

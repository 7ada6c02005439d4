import { describe, expect, it } from 'vitest';
import { unavailableReasonFor, unavailableSslState, withAvailability } from '../../../electron/rds/ssl-availability';
import type { RdsInstance, RdsSslState } from '../../../shared/contract/rds';
import { pendingFields, reportsFailure, samePem } from '../../../shared/rds-ssl-expected';
import { sslProblemsFor } from '../../../shared/rds-ssl-flow';

const pem = (label: string, body: string) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
const certA = pem('CERTIFICATE', 'QUFBQQ==');
const certB = pem('CERTIFICATE', 'QkJCQg==');
const crl = pem('X509 CRL', 'Q1JMQ1JM');

const off: RdsSslState = {
  enabled: false,
  protectedEndpoint: null,
  caType: null,
  createdAt: null,
  expiresAt: null,
  requireUpdate: false,
  requireUpdateReason: null,
  lastModifyStatus: null,
  modifyStatusReason: null,
  serverCaUrl: null,
  serverCertificate: null,
  clientCaEnabled: false,
  clientCaCertificate: null,
  clientCrl: null,
  acl: null,
  replicationAcl: null,
  unavailableReason: null,
};
const cloud: RdsSslState = {
  ...off,
  enabled: true,
  protectedEndpoint: 'pub',
  caType: 'aliyun',
  serverCertificate: certA,
  expiresAt: '2027-01-01T00:00:00Z',
};

describe('pendingFields: expected against observed settings', () => {
  it('enable and change_endpoint need SSL on, the endpoint and a cloud certificate', () => {
    expect(pendingFields({ kind: 'enable', endpoint: 'pub' }, off, off)).toEqual([
      'SSLEnabled',
      'ConnectionString',
      'CAType',
    ]);
    expect(pendingFields({ kind: 'enable', endpoint: 'pub' }, cloud, off)).toEqual([]);
    expect(pendingFields({ kind: 'change_endpoint', endpoint: 'in' }, cloud, cloud)).toEqual(['ConnectionString']);
  });

  it('a custom certificate on the same endpoint is done only when ServerCert and CAType show it', () => {
    const change = { kind: 'custom_certificate', endpoint: 'pub', certificatePem: certB, keyPem: 'k' } as const;
    expect(pendingFields(change, cloud, cloud)).toEqual(['CAType', 'ServerCert']);
    const chain = `${certB.replace(/\n/g, '\r\n')}${certA}`;
    expect(pendingFields(change, { ...cloud, caType: 'custom', serverCertificate: chain }, cloud)).toEqual([]);
  });

  it('renew needs a new certificate; disable needs SSL off', () => {
    expect(pendingFields({ kind: 'renew' }, cloud, cloud)).toEqual(['SSLExpireTime']);
    expect(pendingFields({ kind: 'renew' }, { ...cloud, expiresAt: '2028-01-01T00:00:00Z' }, cloud)).toEqual([]);
    expect(pendingFields({ kind: 'disable' }, cloud, cloud)).toEqual(['SSLEnabled']);
    expect(pendingFields({ kind: 'disable' }, off, cloud)).toEqual([]);
  });

  it('client CA needs the CA, both ACLs and the CRL as asked', () => {
    const change = {
      kind: 'client_ca',
      certificatePem: certB,
      acl: 'cert',
      replicationAcl: 'verify-ca',
      crlPem: crl,
    } as const;
    const withCa = {
      ...cloud,
      clientCaEnabled: true,
      clientCaCertificate: certB,
      acl: 'prefer',
      replicationAcl: 'prefer',
    };
    expect(pendingFields(change, cloud, cloud)).toEqual([
      'ClientCACert',
      'ACL',
      'ReplicationACL',
      'ClientCertRevocationList',
    ]);
    expect(pendingFields(change, withCa, cloud)).toEqual(['ACL', 'ReplicationACL', 'ClientCertRevocationList']);
    const done = { ...withCa, acl: 'cert', replicationAcl: 'verify-ca', clientCrl: crl };
    expect(pendingFields(change, done, cloud)).toEqual([]);
    expect(pendingFields({ ...change, crlPem: undefined }, done, cloud)).toEqual(['ClientCertRevocationList']);
    expect(pendingFields({ kind: 'client_ca_off' }, done, done)).toEqual(['ClientCACert']);
    expect(pendingFields({ kind: 'client_ca_off' }, cloud, done)).toEqual([]);
  });

  it('compares PEM by content, not by layout', () => {
    expect(samePem(certA, certA.replace(/\n/g, '\r\n'))).toBe(true);
    expect(samePem(certA, certB)).toBe(false);
    expect(samePem(certA, null)).toBe(false);
  });
});

describe('reportsFailure', () => {
  it('reads LastModifyStatus failed, or a failure in ModifyStatusReason when LastModifyStatus is empty', () => {
    expect(reportsFailure({ ...cloud, lastModifyStatus: 'failed' })).toBe(true);
    expect(
      reportsFailure({ ...cloud, lastModifyStatus: null, modifyStatusReason: 'Modify SSL config failed: x' }),
    ).toBe(true);
    expect(reportsFailure({ ...cloud, lastModifyStatus: 'success', modifyStatusReason: '' })).toBe(false);
    expect(reportsFailure({ ...cloud, lastModifyStatus: null })).toBe(false);
  });
});

describe('SSL not available', () => {
  const instance: RdsInstance = {
    instanceId: 'pgm-1',
    regionId: 'cn-hangzhou',
    description: '',
    engine: 'PostgreSQL',
    engineVersion: '16.0',
    status: 'Running',
    category: 'HighAvailability',
    storageType: 'cloud_essd',
    instanceClass: 'pg.n2.2c.2m',
    connectionString: '',
    port: 5432,
    instanceType: 'Primary',
    primaryInstanceId: null,
  };

  it('gives the reason from the instance attributes, else the service words', () => {
    const old = { ...instance, engineVersion: '9.4', storageType: 'local_ssd' };
    expect(unavailableReasonFor(old, 'x')).toMatch(/9\.4 is too old.*local disks/);
    expect(unavailableReasonFor(instance, 'Engine not supported.')).toContain('Engine not supported.');
    expect(unavailableReasonFor(null, 'Engine not supported.')).toContain('Engine not supported.');
  });

  it('adds the service refusal as a problem only when the attributes show none', () => {
    const refused = unavailableSslState('The service reports that SSL is not available for this instance: x');
    expect(sslProblemsFor(instance, refused).map((problem) => problem.reason)).toEqual(['service_refused']);
    expect(sslProblemsFor(instance, off)).toEqual([]);
    const serverless = { ...instance, category: 'serverless_basic' };
    expect(sslProblemsFor(serverless, refused).map((problem) => problem.reason)).toEqual(['serverless']);
  });

  it('reads an "off" answer for an instance that cannot use SSL as not available, not as off', () => {
    const old = { ...instance, engineVersion: '9.4', storageType: 'local_ssd' };
    expect(withAvailability(old, off).unavailableReason).toMatch(/9\.4 is too old.*local disks/);
    expect(withAvailability({ ...instance, category: 'serverless_basic' }, off).unavailableReason).toContain(
      'Serverless',
    );
    expect(withAvailability(instance, off)).toBe(off);
  });
});

import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { SandboxCertificateAuthority } from './certificate-authority';
import { isCloudDisk, isServerless, type SandboxInstance, type SandboxSsl, sslOff } from './model';
import { type ActionBody, type ActionParameters, requireInstance, type SandboxReadState } from './read-actions';
import { ServiceErrorSignal } from './service-errors';

/** What the SSL actions need besides the instances. */
export interface SslActionContext extends SandboxReadState {
  authority: SandboxCertificateAuthority;
  now(): Date;
  /** A fresh, signed download URL for the CA package. */
  caPackageUrl(): string;
  /** Starts the change; it becomes visible later (see ssl-change-schedule.ts). */
  scheduleChange(instance: SandboxInstance, next: SandboxSsl): void;
  /** True while a change was accepted and has not finished (including before SSL_MODIFYING shows). */
  changePending(instance: SandboxInstance): boolean;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Refuses DescribeDBInstanceSSL for instances that cannot use SSL with the three codes the Terraform provider
 * tolerates on its reads (resource_alicloud_db_instance.go): so the real API answers errors, not "SSL off", for
 * them. Which code goes with which case is a guess: the provider does not say.
 */
function checkDescribable(instance: SandboxInstance): void {
  if (instance.engine !== 'PostgreSQL') return;
  if (majorVersion(instance.engineVersion) < 10)
    throw new ServiceErrorSignal('InvaildEngineInRegion.ValueNotSupported');
  if (!isCloudDisk(instance.storageType)) throw new ServiceErrorSignal('InstanceEngineType.NotSupport');
  if (isServerless(instance.category)) throw new ServiceErrorSignal('OperationDenied.DBInstanceType');
}

/** DescribeDBInstanceSSL, in the PostgreSQL form (on/off, 0/1). It includes ServerKey, as the service does. */
export function describeSsl(context: SslActionContext, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(context, parameters);
  checkDescribable(instance);
  const ssl = instance.ssl;
  if (!ssl.enabled) {
    return {
      DBInstanceId: instance.instanceId,
      SSLEnabled: 'off',
      RequireUpdate: '0',
      LastModifyStatus: ssl.lastModifyStatus,
      ModifyStatusReason: ssl.modifyStatusReason,
    };
  }
  const expiresAt = ssl.expiresAt?.getTime() ?? 0;
  const requireUpdate = expiresAt - context.now().getTime() < 30 * dayMs;
  return {
    DBInstanceId: instance.instanceId,
    SSLEnabled: 'on',
    ConnectionString: ssl.protectedEndpoint ?? '',
    CAType: ssl.caType ?? 'aliyun',
    SSLCreateTime: ssl.caType === 'aliyun' ? isoSeconds(ssl.createdAt) : '',
    SSLExpireTime: isoSeconds(ssl.expiresAt),
    RequireUpdate: requireUpdate ? '1' : '0',
    RequireUpdateItem: requireUpdate ? 'serverCert' : '',
    RequireUpdateReason: requireUpdate ? 'The server certificate expires within 30 days.' : '',
    LastModifyStatus: ssl.lastModifyStatus,
    ModifyStatusReason: ssl.modifyStatusReason,
    ServerCAUrl: ssl.caType === 'aliyun' ? context.caPackageUrl() : '',
    ServerCert: ssl.serverCert ?? '',
    ServerKey: ssl.serverKey ?? '',
    ClientCACert: ssl.clientCaEnabled ? (ssl.clientCaCert ?? '') : '',
    ClientCertRevocationList: ssl.clientCrlEnabled ? (ssl.clientCrl ?? '') : '',
    ACL: ssl.clientCaEnabled ? (ssl.acl ?? 'prefer') : '',
    ReplicationACL: ssl.clientCaEnabled ? (ssl.replicationAcl ?? 'prefer') : '',
  };
}

function isoSeconds(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 19)}Z` : '';
}

function majorVersion(version: string): number {
  return Number.parseFloat(version);
}

/**
 * ModifyDBInstanceSSL's refusals, with codes from its documented catalogue. The prerequisites (PostgreSQL 10+,
 * cloud disks, not Serverless, not the read/write-splitting endpoint) are the console documentation's; which
 * code answers which case is a guess, except IncorrectDBInstanceState (the instance state table: changes need
 * Running). A change accepted but not yet showing SSL_MODIFYING also answers IncorrectDBInstanceState (a guess).
 */
function checkPrerequisites(context: SslActionContext, instance: SandboxInstance, host: string): void {
  if (instance.engine !== 'PostgreSQL') throw new ServiceErrorSignal('InstanceEngineType.NotSupport');
  if (majorVersion(instance.engineVersion) < 10) {
    throw new ServiceErrorSignal('IncorrectEngineVersion', 'SSL needs PostgreSQL 10 or later.');
  }
  if (!isCloudDisk(instance.storageType)) throw new ServiceErrorSignal('IncorrectDBInstanceType');
  if (isServerless(instance.category)) throw new ServiceErrorSignal('OperationDenied.DBInstanceType');
  if (instance.status !== 'Running' || context.changePending(instance)) {
    throw new ServiceErrorSignal('IncorrectDBInstanceState');
  }
  const endpoint = instance.endpoints.find((item) => item.host === host);
  if (!endpoint) throw new ServiceErrorSignal('InvalidConnectionString.NotFound');
  if (endpoint.connectionStringType === 'ReadWriteSplitting') throw new ServiceErrorSignal('EnabledSSLNotSupport');
}

// Malformed certificates, keys and CRLs: the service's own code is not documented; the gateway's common
// InvalidParameter naming the field is a guess.
function checkCustomCertificate(certificatePem: string | undefined, keyPem: string | undefined): X509Certificate {
  if (!certificatePem) throw new ServiceErrorSignal('MissingParameter', 'ServerCert');
  if (!keyPem) throw new ServiceErrorSignal('MissingParameter', 'ServerKey');
  try {
    const certificate = new X509Certificate(certificatePem);
    const key = createPrivateKey(keyPem);
    if (!certificate.checkPrivateKey(key)) throw new ServiceErrorSignal('InvalidParameter', 'ServerKey');
    return certificate;
  } catch (error) {
    if (error instanceof ServiceErrorSignal) throw error;
    throw new ServiceErrorSignal('InvalidParameter', 'ServerCert');
  }
}

function applyClientCa(instance: SandboxInstance, parameters: ActionParameters, next: SandboxSsl): void {
  if (parameters.ClientCAEnabled === undefined) return;
  if (parameters.ClientCAEnabled === '0') {
    Object.assign(next, { clientCaEnabled: false, clientCaCert: null, acl: null, replicationAcl: null });
    Object.assign(next, { clientCrlEnabled: false, clientCrl: null });
    return;
  }
  if (parameters.ClientCAEnabled !== '1') throw new ServiceErrorSignal('InvalidParameter', 'ClientCAEnabled');
  const caPem = parameters.ClientCACert ?? next.clientCaCert ?? undefined;
  if (!caPem) throw new ServiceErrorSignal('MissingParameter', 'ClientCACert');
  try {
    new X509Certificate(caPem);
  } catch {
    throw new ServiceErrorSignal('InvalidParameter', 'ClientCACert');
  }
  for (const name of ['ACL', 'ReplicationACL'] as const) {
    const value = parameters[name];
    if (value === undefined) continue;
    if (!['cert', 'prefer', 'verify-ca', 'verify-full'].includes(value)) {
      throw new ServiceErrorSignal('InvalidParameter', name);
    }
    if (value === 'verify-full' && majorVersion(instance.engineVersion) < 12) {
      throw new ServiceErrorSignal('IncorrectEngineVersion', `ACL ${value} needs PostgreSQL 12 or later.`);
    }
  }
  Object.assign(next, {
    clientCaEnabled: true,
    clientCaCert: caPem,
    acl: parameters.ACL ?? next.acl ?? 'prefer',
    replicationAcl: parameters.ReplicationACL ?? next.replicationAcl ?? 'prefer',
  });
  if (parameters.ClientCrlEnabled === '1') {
    const crl = parameters.ClientCertRevocationList;
    if (!crl?.includes('-----BEGIN X509 CRL-----'))
      throw new ServiceErrorSignal('InvalidParameter', 'ClientCertRevocationList');
    Object.assign(next, { clientCrlEnabled: true, clientCrl: crl });
  } else if (parameters.ClientCrlEnabled === '0') {
    Object.assign(next, { clientCrlEnabled: false, clientCrl: null });
  }
}

/** ModifyDBInstanceSSL: validates like the service, then moves the instance through SSL_MODIFYING. */
export function modifySsl(context: SslActionContext, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(context, parameters);
  const host = parameters.ConnectionString;
  if (!host) throw new ServiceErrorSignal('MissingParameter', 'ConnectionString');
  checkPrerequisites(context, instance, host);
  const now = context.now();
  if (parameters.SSLEnabled === '0') {
    context.scheduleChange(instance, { ...sslOff(), lastModifyStatus: 'success' });
    return {};
  }
  if (parameters.SSLEnabled !== undefined && parameters.SSLEnabled !== '1') {
    throw new ServiceErrorSignal('InvalidParameter', 'SSLEnabled');
  }
  if (parameters.SSLEnabled === undefined && !instance.ssl.enabled) {
    throw new ServiceErrorSignal('MissingParameter', 'SSLEnabled');
  }
  const next: SandboxSsl = { ...instance.ssl, enabled: true, protectedEndpoint: host };
  const caType = parameters.CAType ?? (parameters.SSLEnabled === '1' ? 'aliyun' : (instance.ssl.caType ?? 'aliyun'));
  // A change without CAType or ServerCert (a client CA, an ACL) keeps the custom certificate in place (a guess:
  // the reference does not say whether the service wants the certificate again).
  const keepsCustom = caType === 'custom' && parameters.CAType === undefined && parameters.ServerCert === undefined;
  if (keepsCustom) {
    // Nothing to change on the server certificate.
  } else if (caType === 'custom') {
    const certificate = checkCustomCertificate(parameters.ServerCert, parameters.ServerKey);
    Object.assign(next, {
      caType: 'custom',
      serverCert: parameters.ServerCert,
      serverKey: parameters.ServerKey,
      createdAt: new Date(certificate.validFrom),
      expiresAt: new Date(certificate.validTo),
    });
  } else if (caType === 'aliyun') {
    if (parameters.SSLEnabled === '1' || instance.ssl.protectedEndpoint !== host || !instance.ssl.serverCert) {
      const issued = context.authority.issueServerCertificate(host, now);
      Object.assign(next, {
        caType: 'aliyun',
        serverCert: issued.chainPem,
        serverKey: issued.keyPem,
        createdAt: issued.notBefore,
        expiresAt: issued.notAfter,
      });
    }
  } else {
    throw new ServiceErrorSignal('InvalidParameter', 'CAType');
  }
  applyClientCa(instance, parameters, next);
  context.scheduleChange(instance, next);
  return {};
}

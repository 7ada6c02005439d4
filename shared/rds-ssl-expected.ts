import type { RdsSslState, SslChange } from './contract/rds';

function pemBodies(pem: string | null): string[] {
  if (!pem) return [];
  const bodies = [...pem.matchAll(/-----BEGIN [^-]+-----([\s\S]*?)-----END [^-]+-----/g)];
  return bodies.map((match) => (match[1] ?? '').replace(/\s+/g, ''));
}

/** True when `observed` carries the first PEM block of `expected` (the service may add a chain or reformat). */
export function samePem(expected: string, observed: string | null): boolean {
  const [first] = pemBodies(expected);
  return first !== undefined && pemBodies(observed).includes(first);
}

/**
 * The DescribeDBInstanceSSL fields that do not yet show what `change` asked for (empty once it is visible):
 * SSLEnabled, ConnectionString, CAType, ServerCert, the renewed certificate, ClientCACert, ACL, ReplicationACL,
 * ClientCertRevocationList. `previous` is the state before the change (null when unknown).
 */
export function pendingFields(change: SslChange, observed: RdsSslState, previous: RdsSslState | null): string[] {
  const checks: [string, boolean][] = [];
  switch (change.kind) {
    case 'enable':
    case 'change_endpoint':
      checks.push(
        ['SSLEnabled', observed.enabled],
        ['ConnectionString', observed.protectedEndpoint === change.endpoint],
      );
      checks.push(['CAType', observed.caType === 'aliyun']);
      break;
    case 'custom_certificate':
      checks.push(
        ['SSLEnabled', observed.enabled],
        ['ConnectionString', observed.protectedEndpoint === change.endpoint],
      );
      checks.push(['CAType', observed.caType === 'custom']);
      checks.push(['ServerCert', samePem(change.certificatePem, observed.serverCertificate)]);
      break;
    case 'renew': {
      const renewed =
        previous === null ||
        observed.serverCertificate !== previous.serverCertificate ||
        observed.expiresAt !== previous.expiresAt ||
        observed.createdAt !== previous.createdAt;
      checks.push(['SSLEnabled', observed.enabled], ['SSLExpireTime', renewed]);
      break;
    }
    case 'disable':
      checks.push(['SSLEnabled', !observed.enabled]);
      break;
    case 'client_ca':
      checks.push(['ClientCACert', samePem(change.certificatePem, observed.clientCaCertificate)]);
      checks.push(
        ['ACL', observed.acl === change.acl],
        ['ReplicationACL', observed.replicationAcl === change.replicationAcl],
      );
      checks.push([
        'ClientCertRevocationList',
        change.crlPem ? samePem(change.crlPem, observed.clientCrl) : observed.clientCrl === null,
      ]);
      break;
    case 'client_ca_off':
      checks.push(['ClientCACert', !observed.clientCaEnabled]);
      break;
  }
  return checks.filter(([, ok]) => !ok).map(([field]) => field);
}

/** True when the service reports a failed change: LastModifyStatus `failed`, or a ModifyStatusReason naming a failure. */
export function reportsFailure(ssl: RdsSslState): boolean {
  // LastModifyStatus may be empty (DescribeDBInstanceSSL's reference); reading "fail" in the reason is a guess.
  return ssl.lastModifyStatus === 'failed' || /fail/i.test(ssl.modifyStatusReason ?? '');
}

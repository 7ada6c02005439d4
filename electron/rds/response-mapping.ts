import type { RdsEndpoint, RdsInstance, RdsRegion, RdsSslState } from '../../shared/contract/rds';
import type { rdsSdk } from './sdk-client';

/** The fields of DescribeDBInstances / DescribeDBInstanceAttribute items that the app reads. */
interface InstanceFields {
  DBInstanceId?: string;
  regionId?: string;
  DBInstanceDescription?: string;
  engine?: string;
  engineVersion?: string;
  DBInstanceStatus?: string;
  category?: string;
  DBInstanceStorageType?: string;
  DBInstanceClass?: string;
  connectionString?: string;
  port?: string;
  DBInstanceType?: string;
  masterInstanceId?: string;
}

/** Folds DescribeRegions' per-zone items into one entry per region. */
export function toRegions(body: rdsSdk.DescribeRegionsResponseBody): RdsRegion[] {
  const regions = new Map<string, RdsRegion>();
  for (const item of body.regions?.RDSRegion ?? []) {
    if (!item.regionId || regions.has(item.regionId)) continue;
    regions.set(item.regionId, {
      regionId: item.regionId,
      localName: item.localName ?? item.regionId,
      endpoint: item.regionEndpoint ?? '',
    });
  }
  return [...regions.values()];
}

/** One instance item (list or attribute form) in the app's shape. */
export function toInstance(item: InstanceFields, regionId: string): RdsInstance {
  const port = Number(item.port);
  return {
    instanceId: item.DBInstanceId ?? '',
    regionId: item.regionId ?? regionId,
    description: item.DBInstanceDescription ?? '',
    engine: item.engine ?? '',
    engineVersion: item.engineVersion ?? '',
    status: item.DBInstanceStatus ?? '',
    category: item.category ?? '',
    storageType: item.DBInstanceStorageType ?? '',
    instanceClass: item.DBInstanceClass ?? '',
    connectionString: item.connectionString ?? '',
    port: Number.isInteger(port) && port > 0 ? port : null,
    instanceType: item.DBInstanceType || 'Primary',
    primaryInstanceId: item.DBInstanceType === 'Readonly' && item.masterInstanceId ? item.masterInstanceId : null,
  };
}

/**
 * DescribeDBInstanceNetInfo's items as endpoints. IPType is `Private`/`Public` in a VPC and `Inner`/`Public` on the
 * classic network: everything but `Public` is internal. PGBouncerPort is kept when it is a port number.
 */
export function toEndpoints(body: rdsSdk.DescribeDBInstanceNetInfoResponseBody): RdsEndpoint[] {
  return (body.DBInstanceNetInfos?.DBInstanceNetInfo ?? []).map((item) => {
    const bouncer = Number(item.PGBouncerPort);
    return {
      host: item.connectionString ?? '',
      port: Number(item.port) || 5432,
      ipAddress: item.IPAddress ?? '',
      ipType: item.IPType ?? '',
      kind: item.IPType === 'Public' ? 'public' : 'internal',
      readWriteSplitting: item.connectionStringType === 'ReadWriteSplitting',
      pgBouncerPort: Number.isInteger(bouncer) && bouncer > 0 && bouncer < 65536 ? bouncer : null,
    };
  });
}

function text(value: string | undefined): string | null {
  return value ? value : null;
}

/** DescribeDBInstanceSSL in the app's shape. ServerKey is deliberately not copied: it never leaves this function. */
export function toSslState(body: rdsSdk.DescribeDBInstanceSSLResponseBody): RdsSslState {
  const enabled = ['on', 'yes', '1', 'true'].includes(String(body.SSLEnabled ?? '').toLowerCase());
  const caType = body.CAType === 'aliyun' || body.CAType === 'custom' ? body.CAType : null;
  return {
    enabled,
    protectedEndpoint: text(body.connectionString),
    caType: enabled ? caType : null,
    createdAt: text(body.SSLCreateTime),
    expiresAt: text(body.SSLExpireTime),
    requireUpdate: ['1', 'yes'].includes(String(body.requireUpdate ?? '').toLowerCase()),
    requireUpdateReason: text(body.requireUpdateReason),
    lastModifyStatus: text(body.lastModifyStatus),
    modifyStatusReason: text(body.modifyStatusReason),
    serverCaUrl: text(body.serverCAUrl),
    serverCertificate: text(body.serverCert),
    clientCaEnabled: Boolean(body.clientCACert),
    clientCaCertificate: text(body.clientCACert),
    clientCrl: text(body.clientCertRevocationList),
    acl: text(body.ACL),
    replicationAcl: text(body.replicationACL),
    unavailableReason: null,
  };
}

/** One endpoint of a sandbox instance, shaped like DescribeDBInstanceNetInfo's items. */
export interface SandboxEndpoint {
  host: string;
  port: number;
  ipAddress: string;
  /** `Private`/`Public` in a VPC, `Inner`/`Public` on the classic network (DescribeDBInstanceNetInfo reference). */
  ipType: 'Private' | 'Inner' | 'Public';
  connectionStringType: 'Normal' | 'ReadWriteSplitting';
  /** The PgBouncer port DescribeDBInstanceNetInfo reports beside Port (PGBouncerPort), when the instance has one. */
  pgBouncerPort?: number;
}

/** The SSL settings the sandbox keeps per instance (the server key lives here, as it would in the service). */
export interface SandboxSsl {
  enabled: boolean;
  protectedEndpoint: string | null;
  caType: 'aliyun' | 'custom' | null;
  serverCert: string | null;
  serverKey: string | null;
  createdAt: Date | null;
  expiresAt: Date | null;
  lastModifyStatus: '' | 'success' | 'setting' | 'failed';
  modifyStatusReason: string;
  clientCaEnabled: boolean;
  clientCaCert: string | null;
  clientCrlEnabled: boolean;
  clientCrl: string | null;
  acl: string | null;
  replicationAcl: string | null;
}

/** One sandbox database instance and its mutable state. */
export interface SandboxInstance {
  instanceId: string;
  regionId: string;
  zoneId: string;
  description: string;
  engine: 'PostgreSQL' | 'MySQL';
  engineVersion: string;
  category: string;
  storageType: string;
  instanceClass: string;
  status: string;
  createdAt: string;
  /** DBInstanceType: `Primary`, or `Readonly` for a read-only instance listed beside its primary. */
  instanceType: 'Primary' | 'Readonly';
  /** MasterInstanceId of a read-only instance. */
  primaryInstanceId: string | null;
  /** InstanceNetworkType: `VPC` or `Classic` (classic-network endpoints have IPType `Inner`). */
  networkType: 'VPC' | 'Classic';
  endpoints: SandboxEndpoint[];
  ssl: SandboxSsl;
}

/** One sandbox region. */
export interface SandboxRegion {
  regionId: string;
  /** LocalName in Chinese (AcceptLanguage zh-CN). */
  localName: string;
  /** LocalName in English (AcceptLanguage en-US, the documented default). */
  localNameEn: string;
  zoneIds: string[];
  /** True where the API reference's Endpoints page gives the region its own rds.<region>.aliyuncs.com. */
  ownEndpoint: boolean;
}

/** The SSL state of an instance on which SSL was never configured. */
export function sslOff(): SandboxSsl {
  return {
    enabled: false,
    protectedEndpoint: null,
    caType: null,
    serverCert: null,
    serverKey: null,
    createdAt: null,
    expiresAt: null,
    lastModifyStatus: '',
    modifyStatusReason: '',
    clientCaEnabled: false,
    clientCaCert: null,
    clientCrlEnabled: false,
    clientCrl: null,
    acl: null,
    replicationAcl: null,
  };
}

/** True when the storage type is a cloud disk (ESSD, SSD or general ESSD), as SSL on RDS PostgreSQL requires. */
export function isCloudDisk(storageType: string): boolean {
  return storageType.startsWith('cloud_') || storageType === 'general_essd';
}

/** True for Serverless categories. */
export function isServerless(category: string): boolean {
  return category.toLowerCase().startsWith('serverless');
}

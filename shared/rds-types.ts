/** One region the RDS service is offered in. */
export interface RdsRegion {
  regionId: string;
  localName: string;
  endpoint: string;
}

/** One database instance as DescribeDBInstances / DescribeDBInstanceAttribute report it. */
export interface RdsInstance {
  instanceId: string;
  regionId: string;
  description: string;
  engine: string;
  engineVersion: string;
  status: string;
  category: string;
  storageType: string;
  instanceClass: string;
  connectionString: string;
  port: number | null;
}

/** One endpoint (connection string) of an instance. */
export interface RdsEndpoint {
  host: string;
  port: number;
  ipAddress: string;
  /** `Private`/`Inner` for internal endpoints, `Public` for public ones. */
  ipType: string;
  kind: 'internal' | 'public';
  /** True for the read/write-splitting endpoint, which SSL cannot protect. */
  readWriteSplitting: boolean;
}

/** The SSL settings of an instance (never carries the server's private key). */
export interface RdsSslState {
  enabled: boolean;
  protectedEndpoint: string | null;
  caType: 'aliyun' | 'custom' | null;
  createdAt: string | null;
  expiresAt: string | null;
  requireUpdate: boolean;
  requireUpdateReason: string | null;
  lastModifyStatus: string | null;
  modifyStatusReason: string | null;
  serverCaUrl: string | null;
  serverCertificate: string | null;
  clientCaEnabled: boolean;
  clientCaCertificate: string | null;
  clientCrl: string | null;
  acl: string | null;
  replicationAcl: string | null;
  /** Why this instance cannot use SSL, when DescribeDBInstanceSSL refused it as ineligible; null otherwise. */
  unavailableReason: string | null;
}

/** Client authentication method for the client CA (ACL / ReplicationACL). */
export type ClientAcl = 'cert' | 'prefer' | 'verify-ca' | 'verify-full';

/** The list of client ACL values, in the order the console shows them. */
export const clientAclValues: readonly ClientAcl[] = ['cert', 'prefer', 'verify-ca', 'verify-full'];

/** A server entry ready for the registry, prefilled from an instance and its protected endpoint. */
export interface RdsServerEntry {
  name: string;
  host: string;
  port: number;
  maintenanceDatabase: 'postgres';
  /** The maintenance database is the system database of an RDS instance: not for user data. */
  maintenanceDatabaseNote: string;
  sslmode: 'verify-full';
  sslrootcert: string | null;
  source: { provider: 'alibaba-rds'; instanceId: string; regionId: string; endpoint: string };
}

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
  /** DBInstanceType: `Primary`, `Readonly` (a read-only instance, with its own SSL settings), `Guard`, `Temp`. */
  instanceType: string;
  /** MasterInstanceId: the primary of a read-only instance; null for a primary. */
  primaryInstanceId: string | null;
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
  /** PGBouncerPort from DescribeDBInstanceNetInfo, when the endpoint has a PgBouncer port. */
  pgBouncerPort: number | null;
}

/** A scheduled O&M task of an instance (DescribeActiveOperationTasks), e.g. the cloud certificate's renewal. */
export interface RdsScheduledTask {
  taskId: number;
  instanceId: string;
  taskType: string;
  /** The task's reason in the requested language (TaskTypeEn / TaskTypeZh). */
  description: string;
  /** When the instance restarts or switches over (SwitchTime, UTC ISO). */
  switchTime: string | null;
  /** The latest switch time the task may be moved to (Deadline). */
  deadline: string | null;
  /** Impact code (e.g. TransientDisconnection) and its text in the requested language. */
  impact: string;
  impactText: string;
  /** True when the task restarts the instance or disconnects it briefly. */
  restart: boolean;
  /** True when the task renews the SSL certificate. */
  sslRenewal: boolean;
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

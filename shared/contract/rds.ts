import { z } from 'zod';
import { rdsErrorCodeList } from '../rds-errors';
import { channel, emptyRequest, emptyValue } from './channel';
import { publicEndpointResult, sslEnforcementPlan } from './rds-connect';
import { serverForm } from './server-form';

/** Failures of the cloud panel: the RDS codes and the panel's own (unknown account or job, sandbox not starting). */
export const rdsChannelErrorCodes = [
  ...rdsErrorCodeList,
  'account_not_found',
  'job_not_found',
  'change_in_progress',
  'sandbox_unavailable',
] as const;

/** A failure code of the cloud panel's channels. */
export type RdsChannelErrorCode = (typeof rdsChannelErrorCodes)[number];

/** Where an account comes from: the app's profiles (secret in the vault), the environment, the aliyun CLI, the sandbox. */
export const accountKinds = ['profile', 'environment', 'aliyun-cli', 'sandbox'] as const;

/** One account of the cloud panel; never carries a secret. */
export const rdsAccount = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(accountKinds),
  accessKeyId: z.string(),
  regionId: z.string(),
  endpoint: z.string().nullable(),
});

/** One account of the cloud panel. */
export type RdsAccountView = z.infer<typeof rdsAccount>;

/** One region the RDS service is offered in. */
export const rdsRegion = z.object({ regionId: z.string(), localName: z.string(), endpoint: z.string() });

/** One region the RDS service is offered in. */
export type RdsRegion = z.infer<typeof rdsRegion>;

/** An instance as DescribeDBInstances / DescribeDBInstanceAttribute report it. */
export const rdsInstance = z.object({
  instanceId: z.string(),
  regionId: z.string(),
  description: z.string(),
  engine: z.string(),
  engineVersion: z.string(),
  /** DBInstanceStatus: open on purpose, the RDS API adds statuses and the app shows unknown ones as they are. */
  status: z.string(),
  category: z.string(),
  storageType: z.string(),
  instanceClass: z.string(),
  connectionString: z.string(),
  port: z.number().nullable(),
  /** DBInstanceType: `Primary`, `Readonly` (a read-only instance, with its own SSL settings), `Guard`, `Temp`; open. */
  instanceType: z.string(),
  /** MasterInstanceId: the primary of a read-only instance; null for a primary. */
  primaryInstanceId: z.string().nullable(),
});

/** One database instance as DescribeDBInstances / DescribeDBInstanceAttribute report it. */
export type RdsInstance = z.infer<typeof rdsInstance>;

/** One endpoint (connection string) of an instance. */
export const rdsEndpoint = z.object({
  host: z.string(),
  port: z.number(),
  ipAddress: z.string(),
  /** `Private`/`Inner` for internal endpoints, `Public` for public ones (as the API reports it; open). */
  ipType: z.string(),
  kind: z.enum(['internal', 'public']),
  /** True for the read/write-splitting endpoint, which SSL cannot protect. */
  readWriteSplitting: z.boolean(),
  /** PGBouncerPort from DescribeDBInstanceNetInfo, when the endpoint has a PgBouncer port. */
  pgBouncerPort: z.number().nullable(),
});

/** One endpoint (connection string) of an instance. */
export type RdsEndpoint = z.infer<typeof rdsEndpoint>;

/** An endpoint as the SSL page offers it: protectable or not, and the recommended one. */
export const endpointChoice = rdsEndpoint.extend({
  protectable: z.boolean(),
  recommended: z.boolean(),
  note: z.string().nullable(),
});

/** An endpoint as the SSL page offers it. */
export type EndpointChoice = z.infer<typeof endpointChoice>;

/** The SSL settings of an instance (without the server's private key). */
export const rdsSslState = z.object({
  enabled: z.boolean(),
  protectedEndpoint: z.string().nullable(),
  caType: z.enum(['aliyun', 'custom']).nullable(),
  createdAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  requireUpdate: z.boolean(),
  requireUpdateReason: z.string().nullable(),
  /** LastModifyStatus from DescribeDBInstanceSSL: open on purpose, the API may add statuses. */
  lastModifyStatus: z.string().nullable(),
  modifyStatusReason: z.string().nullable(),
  serverCaUrl: z.string().nullable(),
  serverCertificate: z.string().nullable(),
  clientCaEnabled: z.boolean(),
  clientCaCertificate: z.string().nullable(),
  clientCrl: z.string().nullable(),
  acl: z.string().nullable(),
  replicationAcl: z.string().nullable(),
  /** Why this instance cannot use SSL, when DescribeDBInstanceSSL refused it as ineligible; null otherwise. */
  unavailableReason: z.string().nullable(),
});

/** The SSL settings of an instance (never carries the server's private key). */
export type RdsSslState = z.infer<typeof rdsSslState>;

/** Why SSL cannot be enabled. */
export const prerequisiteProblem = z.object({
  reason: z.enum(['not_postgresql', 'version_too_old', 'local_disk', 'serverless', 'not_running', 'service_refused']),
  message: z.string(),
});

/** Why SSL cannot be enabled on an instance. */
export type PrerequisiteProblem = z.infer<typeof prerequisiteProblem>;

/** The client ACL values (client authentication method for the client CA), in the order the console shows them. */
export const clientAclValues = ['cert', 'prefer', 'verify-ca', 'verify-full'] as const;

/** Client authentication method for the client CA (ACL / ReplicationACL). */
export type ClientAcl = (typeof clientAclValues)[number];

const clientAcl = z.enum(clientAclValues);
const pem = z.string().min(1).max(200_000);
const host = z.string().min(1).max(253);

/** One SSL change the user can ask for, as the console's SSL page offers them. */
export const sslChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('enable'), endpoint: host }).strict(),
  z.object({ kind: z.literal('change_endpoint'), endpoint: host }).strict(),
  z.object({ kind: z.literal('renew') }).strict(),
  z.object({ kind: z.literal('disable') }).strict(),
  z
    .object({
      kind: z.literal('custom_certificate'),
      endpoint: host,
      certificatePem: pem,
      keyPem: pem,
      endpoints: z.array(host).min(1).max(16).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('client_ca'),
      certificatePem: pem,
      acl: clientAcl,
      replicationAcl: clientAcl,
      crlPem: pem.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('client_ca_off') }).strict(),
]);

/** One SSL change; for custom_certificate, `endpoints` (default: `endpoint` alone) are all the names it must cover. */
export type SslChange = z.infer<typeof sslChange>;

/** The kinds of SSL change, as `sslChange` discriminates them. */
export const sslChangeKinds = sslChange.options.map((option) => option.shape.kind.value) as [
  SslChange['kind'],
  ...SslChange['kind'][],
];

/** The cloud changes besides SSL's that run as jobs too: the public endpoint allocated or released, SSL enforced. */
export const connectChangeKinds = ['public_endpoint_allocate', 'public_endpoint_release', 'ssl_enforce'] as const;

/** Every kind of change a job runs: an SSL change's `kind`, or one of connectChangeKinds. */
export const changeKinds = [...sslChangeKinds, ...connectChangeKinds] as [ChangeKind, ...ChangeKind[]];

/** The kind of change a job runs. */
export type ChangeKind = SslChange['kind'] | (typeof connectChangeKinds)[number];

const flowError = z.object({ code: z.enum(rdsErrorCodeList), message: z.string() });

/** The state of a started change (SSL, public endpoint, enforced SSL), as `rds:flow-status` reports it. */
export const flowStatus = z.object({
  jobId: z.string(),
  instanceId: z.string(),
  /** The kind of the change (an SSL change's `kind`, or one of connectChangeKinds). */
  change: z.enum(changeKinds),
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  /** The steps of shared/rds-ssl-flow.ts's SslFlowStep reached so far, in order. */
  steps: z.array(z.enum(['prerequisites', 'choose_endpoint', 'restart_warning', 'sent', 'waiting', 'done', 'failed'])),
  /** DBInstanceStatus and LastModifyStatus as the API reports them: open, the API may add statuses. */
  instanceStatus: z.string().nullable(),
  lastModifyStatus: z.string().nullable(),
  polls: z.number(),
  elapsedMs: z.number(),
  ssl: rdsSslState.nullable(),
  reminder: z.string().nullable(),
  /** What an allocated or released public endpoint is, once done. */
  publicEndpoint: publicEndpointResult.nullable(),
  /** The pg_hba change that ran, once SSL enforcement is done. */
  enforcement: sslEnforcementPlan.nullable(),
  error: flowError.nullable(),
  /**
   * After "Stop waiting" once the change was sent: the app still checks the instance in the background and refuses
   * a new change of it (`changing`) until the change ended at the service (`ended`) or the check failed
   * (`check_failed`: the instance is freed, `error` says why). Null when the wait was not stopped after sending.
   */
  afterStop: z.object({ state: z.enum(['changing', 'ended', 'check_failed']), error: flowError.nullable() }).nullable(),
});

/** The state of a started change. */
export type FlowStatus = z.infer<typeof flowStatus>;

/** One file offered for saving. */
export const savedFile = z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string() });

/** One line of the fleet audit: one PostgreSQL instance and its SSL posture. */
export const auditRow = z.object({
  regionId: z.string(),
  instanceId: z.string(),
  description: z.string(),
  engineVersion: z.string(),
  /** DBInstanceStatus: open on purpose, the RDS API adds statuses. */
  status: z.string(),
  sslEnabled: z.boolean().nullable(),
  protectedEndpoint: z.string().nullable(),
  caType: rdsSslState.shape.caType,
  expiresAt: z.string().nullable(),
  daysLeft: z.number().nullable(),
  requireUpdate: z.boolean().nullable(),
  clientCa: z.boolean().nullable(),
  /** Why the instance cannot use SSL (from its own attributes), when the service refused to describe SSL. */
  sslUnavailableReason: z.string().nullable(),
  error: z.object({ code: z.enum(rdsErrorCodeList), message: z.string() }).nullable(),
  /** DBInstanceType: Primary, or Readonly for a read-only instance (its SSL settings are its own). */
  instanceType: z.string(),
  /** The primary of a read-only instance. */
  primaryInstanceId: z.string().nullable(),
  /** When the scheduled renewal of the cloud certificate switches over (DescribeActiveOperationTasks SwitchTime). */
  renewalScheduledAt: z.string().nullable(),
  /** True when that renewal restarts the instance (transient disconnection). */
  renewalRestart: z.boolean().nullable(),
});

/** One line of the fleet audit. */
export type AuditRow = z.infer<typeof auditRow>;

/** A scheduled O&M task (DescribeActiveOperationTasks), e.g. the cloud certificate's automatic renewal. */
export const scheduledTask = z.object({
  taskId: z.number(),
  instanceId: z.string(),
  taskType: z.string(),
  description: z.string(),
  switchTime: z.string().nullable(),
  deadline: z.string().nullable(),
  impact: z.string(),
  impactText: z.string(),
  restart: z.boolean(),
  sslRenewal: z.boolean(),
});

/** A scheduled O&M task of an instance, e.g. the cloud certificate's renewal. */
export type RdsScheduledTask = z.infer<typeof scheduledTask>;

/** A server entry ready for the registry, prefilled from an instance and its protected endpoint. */
export const rdsServerEntry = z.object({
  name: z.string(),
  host: z.string(),
  port: z.number(),
  maintenanceDatabase: z.literal('postgres'),
  /** The maintenance database is the system database of an RDS instance: not for user data. */
  maintenanceDatabaseNote: z.string(),
  sslmode: z.literal('verify-full'),
  sslrootcert: z.string().nullable(),
  source: z.object({
    provider: z.literal('alibaba-rds'),
    instanceId: z.string(),
    regionId: z.string(),
    endpoint: z.string(),
  }),
});

/** A server entry ready for the registry. */
export type RdsServerEntry = z.infer<typeof rdsServerEntry>;

/** The UI language, for the texts the API localizes (AcceptLanguage en-US / zh-CN). */
export const apiLanguage = z.enum(['en', 'zh-CN']);

/** The documented shape of an ApsaraDB RDS instance id: a prefix (pgm-, pgr-, rm-, rr-) and lowercase alphanumerics. */
export const rdsInstanceIdPattern = /^(pgm|pgr|rm|rr)-[a-z0-9]{1,60}$/;

/** The documented shape of an Alibaba Cloud region id, such as cn-hangzhou or ap-southeast-1. */
export const regionIdPattern = /^[a-z]{2,}(-[a-z0-9]+){1,4}$/;

/** An RDS instance id, checked against its documented shape (it also names files in the data folder). */
export const rdsInstanceId = z
  .string()
  .regex(rdsInstanceIdPattern, 'An instance id is pgm-, pgr-, rm- or rr- and lowercase letters or digits.');

const accountId = z.string().min(1).max(200);
const regionId = z.string().max(64).regex(regionIdPattern, 'A region id looks like cn-hangzhou or ap-southeast-1.');
/** A request about one instance of one account in one region. */
export const instanceRequest = z.object({ accountId, regionId, instanceId: rdsInstanceId }).strict();
const codes = rdsChannelErrorCodes;

/** A started change: poll `rds:flow-status` with its job id (random, and known only to the session that started it). */
export const startedJob = z.object({ jobId: z.string() });

/** The cloud panel's channels: accounts, regions, instances, the SSL page, the CA download, register, the audit. */
export const rdsChannels = {
  'rds:accounts': channel(emptyRequest, z.object({ accounts: z.array(rdsAccount) }), codes),
  'rds:account-add': channel(
    z
      .object({
        name: z.string().min(1, 'Give the profile a name.').max(64),
        accessKeyId: z.string().min(1, 'Enter the AccessKey ID.').max(128),
        accessKeySecret: z.string().min(1, 'Enter the AccessKey secret.').max(256),
        regionId,
        endpoint: z.string().max(300).optional(),
      })
      .strict(),
    rdsAccount,
    codes,
  ),
  'rds:sandbox-start': channel(emptyRequest, rdsAccount, codes),
  'rds:regions': channel(
    z.object({ accountId, language: apiLanguage.optional() }).strict(),
    z.object({ regions: z.array(rdsRegion.pick({ regionId: true, localName: true })) }),
    codes,
  ),
  'rds:instances': channel(
    z.object({ accountId, regionId }).strict(),
    z.object({ instances: z.array(rdsInstance) }),
    codes,
  ),
  'rds:instance': channel(
    instanceRequest.extend({ language: apiLanguage.optional() }).strict(),
    z.object({
      instance: rdsInstance,
      choices: z.array(endpointChoice),
      ssl: rdsSslState,
      problems: z.array(prerequisiteProblem),
      restartWarning: z.string(),
      /** The pending automatic renewal of the cloud certificate, when one is scheduled. */
      renewal: scheduledTask.nullable(),
    }),
    codes,
  ),
  'rds:flow-start': channel(instanceRequest.extend({ change: sslChange }).strict(), startedJob, codes),
  'rds:flow-status': channel(z.object({ jobId: z.string().min(1) }).strict(), flowStatus, codes),
  'rds:flow-cancel': channel(z.object({ jobId: z.string().min(1) }).strict(), emptyValue, codes),
  /** The caller's changes of an instance that run, or ended in the last minutes, newest first (a reloaded page finds its own). */
  'rds:flow-jobs': channel(instanceRequest, z.object({ jobs: z.array(flowStatus) }), codes),
  'rds:ca-download': channel(
    instanceRequest,
    z.object({
      rootCertificatePath: z.string(),
      endpoint: z.string(),
      certificates: z.array(z.object({ subject: z.string(), fingerprintSha256: z.string(), notAfter: z.string() })),
      files: z.object({ pem: savedFile, jks: savedFile, p7b: savedFile }),
    }),
    codes,
  ),
  'rds:register-form': channel(
    instanceRequest
      .extend({
        endpoint: host,
        rootCertificatePath: z.string().min(1),
        /** The database account to connect as (one of the instance's accounts); never prefilled as postgres. */
        username: z.string().max(63).optional(),
      })
      .strict(),
    z.object({ form: serverForm }),
    codes,
  ),
  'rds:audit': channel(
    z.object({ accountId }).strict(),
    z.object({ generatedAt: z.string(), regions: z.number(), rows: z.array(auditRow) }),
    codes,
  ),
} as const;

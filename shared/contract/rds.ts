import { z } from 'zod';
import { rdsErrorCodeList } from '../rds-errors';
import { clientAclValues } from '../rds-types';
import { channel, emptyRequest, emptyValue } from './channel';
import { serverForm } from './server-form';

/** Failures of the cloud panel: the RDS codes and the panel's own (unknown account or job, sandbox not starting). */
export const rdsChannelErrorCodes = [
  ...rdsErrorCodeList,
  'account_not_found',
  'job_not_found',
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

/** An instance as DescribeDBInstances / DescribeDBInstanceAttribute report it. */
export const rdsInstance = z.object({
  instanceId: z.string(),
  regionId: z.string(),
  description: z.string(),
  engine: z.string(),
  engineVersion: z.string(),
  status: z.string(),
  category: z.string(),
  storageType: z.string(),
  instanceClass: z.string(),
  connectionString: z.string(),
  port: z.number().nullable(),
});

/** An endpoint as the SSL page offers it. */
export const endpointChoice = z.object({
  host: z.string(),
  port: z.number(),
  ipAddress: z.string(),
  ipType: z.string(),
  kind: z.enum(['internal', 'public']),
  readWriteSplitting: z.boolean(),
  protectable: z.boolean(),
  recommended: z.boolean(),
  note: z.string().nullable(),
});

/** The SSL settings of an instance (without the server's private key). */
export const rdsSslState = z.object({
  enabled: z.boolean(),
  protectedEndpoint: z.string().nullable(),
  caType: z.enum(['aliyun', 'custom']).nullable(),
  createdAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  requireUpdate: z.boolean(),
  requireUpdateReason: z.string().nullable(),
  lastModifyStatus: z.string().nullable(),
  modifyStatusReason: z.string().nullable(),
  serverCaUrl: z.string().nullable(),
  serverCertificate: z.string().nullable(),
  clientCaEnabled: z.boolean(),
  clientCaCertificate: z.string().nullable(),
  clientCrl: z.string().nullable(),
  acl: z.string().nullable(),
  replicationAcl: z.string().nullable(),
});

/** Why SSL cannot be enabled. */
export const prerequisiteProblem = z.object({
  reason: z.enum(['not_postgresql', 'version_too_old', 'local_disk', 'serverless', 'not_running']),
  message: z.string(),
});

const clientAcl = z.enum(clientAclValues as unknown as ['cert', 'prefer', 'verify-ca', 'verify-full']);
const pem = z.string().min(1).max(200_000);
const host = z.string().min(1).max(253);

/** One SSL change, as shared/rds-ssl-flow.ts's SslChange. */
export const sslChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('enable'), endpoint: host }).strict(),
  z.object({ kind: z.literal('change_endpoint'), endpoint: host }).strict(),
  z.object({ kind: z.literal('renew') }).strict(),
  z.object({ kind: z.literal('disable') }).strict(),
  z.object({ kind: z.literal('custom_certificate'), endpoint: host, certificatePem: pem, keyPem: pem }).strict(),
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

/** The state of a started SSL change, as `rds:flow-status` reports it. */
export const flowStatus = z.object({
  jobId: z.string(),
  instanceId: z.string(),
  change: z.string(),
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  steps: z.array(z.string()),
  instanceStatus: z.string().nullable(),
  lastModifyStatus: z.string().nullable(),
  polls: z.number(),
  elapsedMs: z.number(),
  ssl: rdsSslState.nullable(),
  reminder: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

/** The state of a started SSL change. */
export type FlowStatus = z.infer<typeof flowStatus>;

/** One file offered for saving. */
export const savedFile = z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string() });

/** One line of the fleet audit. */
export const auditRow = z.object({
  regionId: z.string(),
  instanceId: z.string(),
  description: z.string(),
  engineVersion: z.string(),
  status: z.string(),
  sslEnabled: z.boolean().nullable(),
  protectedEndpoint: z.string().nullable(),
  caType: z.string().nullable(),
  expiresAt: z.string().nullable(),
  daysLeft: z.number().nullable(),
  requireUpdate: z.boolean().nullable(),
  clientCa: z.boolean().nullable(),
  error: z.object({ code: z.enum(rdsErrorCodeList), message: z.string() }).nullable(),
});

const accountId = z.string().min(1).max(200);
const regionId = z.string().min(1).max(64);
const instanceRequest = z.object({ accountId, regionId, instanceId: z.string().min(1).max(64) }).strict();
const codes = rdsChannelErrorCodes;

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
    z.object({ accountId }).strict(),
    z.object({ regions: z.array(z.object({ regionId: z.string(), localName: z.string() })) }),
    codes,
  ),
  'rds:instances': channel(
    z.object({ accountId, regionId }).strict(),
    z.object({ instances: z.array(rdsInstance) }),
    codes,
  ),
  'rds:instance': channel(
    instanceRequest,
    z.object({
      instance: rdsInstance,
      choices: z.array(endpointChoice),
      ssl: rdsSslState,
      problems: z.array(prerequisiteProblem),
      restartWarning: z.string(),
    }),
    codes,
  ),
  'rds:flow-start': channel(
    instanceRequest.extend({ change: sslChange }).strict(),
    z.object({ jobId: z.string() }),
    codes,
  ),
  'rds:flow-status': channel(z.object({ jobId: z.string().min(1) }).strict(), flowStatus, codes),
  'rds:flow-cancel': channel(z.object({ jobId: z.string().min(1) }).strict(), emptyValue, codes),
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
    instanceRequest.extend({ endpoint: host, rootCertificatePath: z.string().min(1) }).strict(),
    z.object({ form: serverForm }),
    codes,
  ),
  'rds:audit': channel(
    z.object({ accountId }).strict(),
    z.object({ generatedAt: z.string(), regions: z.number(), rows: z.array(auditRow) }),
    codes,
  ),
} as const;

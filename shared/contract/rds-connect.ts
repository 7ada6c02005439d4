import { z } from 'zod';
import { doctorFinding } from './doctor-finding';

/** The whitelist group the app writes to, so that the user's own groups are never rewritten. */
export const appWhitelistGroup = 'rdspg';

/** One whitelist group of an instance (DescribeDBInstanceIPArrayList). */
export const whitelistGroup = z.object({
  name: z.string(),
  attribute: z.string(),
  ips: z.array(z.string()),
});

/** One whitelist group of an instance. */
export type WhitelistGroup = z.infer<typeof whitelistGroup>;

/** A whitelist change to show before it is made: the app's group before and after, and whether it changes. */
export const whitelistPlan = z.object({
  action: z.enum(['add', 'remove']),
  address: z.string(),
  group: z.string(),
  before: z.array(z.string()),
  after: z.array(z.string()),
  changed: z.boolean(),
  /** Whether the address is already allowed by some group (the app's or the user's) once the change is made. */
  allowedAfter: z.boolean(),
});

/** A whitelist change to show before it is made. */
export type WhitelistPlan = z.infer<typeof whitelistPlan>;

/** The outcome of a whitelist change: the plan and the groups read back afterwards. */
export const whitelistChangeResult = z.object({ plan: whitelistPlan, groups: z.array(whitelistGroup) });

/** The outcome of a whitelist change. */
export type WhitelistChangeResult = z.infer<typeof whitelistChangeResult>;

/** The two kinds of database account RDS creates: standard (Normal) and privileged (Super). */
export const databaseAccountTypes = ['Normal', 'Super'] as const;

/** One database account of an instance (DescribeAccounts); never carries a password. */
export const databaseAccount = z.object({
  name: z.string(),
  type: z.string(),
  status: z.string(),
  description: z.string(),
});

/** One database account of an instance. */
export type DatabaseAccount = z.infer<typeof databaseAccount>;

/** A request to create a database account: the password goes to the service and the vault, nowhere else. */
export const createDatabaseAccountRequest = z.object({
  instanceId: z.string().min(1),
  name: z.string().min(1),
  type: z.enum(databaseAccountTypes),
  password: z.string().min(1),
  description: z.string().optional(),
});

/** A request to create a database account. */
export type CreateDatabaseAccountRequest = z.infer<typeof createDatabaseAccountRequest>;

/** One pg_hba entry of an instance (DescribePGHbaConfig / ModifyPGHbaConfig's HbaItem). */
export const hbaItem = z.object({
  priorityId: z.number(),
  type: z.string(),
  database: z.string(),
  user: z.string(),
  address: z.string(),
  mask: z.string(),
  method: z.string(),
  option: z.string(),
});

/** One pg_hba entry of an instance. */
export type HbaItem = z.infer<typeof hbaItem>;

/** What `ssl enforce on|off` changes: the entries before and after, and how the change takes effect. */
export const sslEnforcementPlan = z.object({
  enforce: z.boolean(),
  /** True when some entry (host or hostnossl) still accepts connections without SSL, before the change. */
  plainAcceptedBefore: z.boolean(),
  plainAcceptedAfter: z.boolean(),
  changes: z.array(z.object({ before: hbaItem, after: hbaItem })),
  /** pg_hba changes are applied with a reload, without a restart. */
  takesEffect: z.literal('reload'),
  /** Set when a client CA is configured: the ACL (cert, verify-ca, verify-full) is the other way to enforce SSL. */
  clientCaNote: z.string().nullable(),
});

/** What `ssl enforce on|off` changes. */
export type SslEnforcementPlan = z.infer<typeof sslEnforcementPlan>;

/**
 * One check of `rdspg rds doctor`: its name, whether it passed, what was seen and what to do about it (in English,
 * rendered from the finding), and the finding itself for the UI to render in its language.
 */
export const doctorCheck = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  fix: z.string().nullable(),
  finding: doctorFinding,
});

/** One check of `rdspg rds doctor`. */
export type DoctorCheck = z.infer<typeof doctorCheck>;

/** The outcome of allocating or releasing the public endpoint, with the SSL reminder when it applies. */
export const publicEndpointResult = z.object({
  instanceId: z.string(),
  endpoint: z.string(),
  port: z.number().nullable(),
  /** Set when SSL is on: a cloud certificate protects one endpoint only. */
  sslReminder: z.string().nullable(),
});

/** The outcome of allocating or releasing the public endpoint. */
export type PublicEndpointView = z.infer<typeof publicEndpointResult>;

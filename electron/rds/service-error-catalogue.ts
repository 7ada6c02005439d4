import type { RdsErrorCode } from '../../shared/rds-errors';

/** One documented service code: the app's code for it and the next step a person should take. */
export interface CatalogueEntry {
  code: RdsErrorCode;
  step: string;
}

/**
 * The documented error catalogue of DescribeDBInstanceSSL / ModifyDBInstanceSSL (api.alibabacloud.com,
 * document/Rds/2014-08-15) mapped to the app's closed set, each with its own next step. The three codes the
 * Terraform provider tolerates on its SSL reads mean "this instance cannot use SSL" (ssl_unavailable).
 */
export const serviceErrorCatalogue: Record<string, CatalogueEntry> = {
  // 400; RDS's own spelling. Tolerated by the provider's reads of DescribeDBInstanceSSL.
  'InvaildEngineInRegion.ValueNotSupported': {
    code: 'ssl_unavailable',
    step: 'this engine or version cannot use SSL in this region; SSL needs PostgreSQL 10 or later — see "rdspg rds show ID"',
  },
  'InstanceEngineType.NotSupport': {
    code: 'ssl_unavailable',
    step: 'this instance type cannot use SSL (PostgreSQL 10 or later on cloud disks, not Serverless) — see "rdspg rds show ID"',
  },
  'OperationDenied.DBInstanceType': {
    code: 'ssl_unavailable',
    step: 'SSL is not offered for this kind of instance (for example Serverless) — see "rdspg rds show ID"',
  },
  IncorrectEngineVersion: {
    code: 'operation_not_supported',
    step: 'the engine version is too old: SSL needs PostgreSQL 10 or later and ACL verify-full needs 12 or later; upgrade the major version first',
  },
  IncorrectDBInstanceType: {
    code: 'operation_not_supported',
    step: 'this instance type does not support the change (SSL needs a cloud-disk instance that is not Serverless); pick another instance',
  },
  CloudSSDNotSupport: {
    code: 'operation_not_supported',
    step: 'the storage type of this instance does not support the change; upgrade the storage to ESSD in the console, then retry',
  },
  EnabledSSLNotSupport: {
    code: 'operation_not_supported',
    step: 'SSL cannot be enabled for this instance or endpoint; check the prerequisites with "rdspg rds show ID"',
  },
  IncorrectDBInstanceLockMode: {
    code: 'instance_locked',
    step: 'the instance is locked (for example an overdue payment or full storage); unlock it in the console first',
  },
  IncorrectDBInstanceState: {
    code: 'instance_busy',
    step: 'the instance is busy with another change; wait until its status is Running, then retry',
  },
  'InvalidDBInstanceId.NotFound': {
    code: 'instance_not_found',
    step: 'check the instance ID and the region, or list the instances with "rdspg rds instances"',
  },
  'InvalidConnectionString.NotFound': {
    code: 'endpoint_not_found',
    step: 'the endpoint is not one of this instance; choose one of those listed by "rdspg rds show ID"',
  },
  // 400: too many tasks at once; retried with backoff like throttling.
  ConcurrentLimit: {
    code: 'throttled',
    step: 'too many tasks are running at once on this account or instance; wait a little and retry',
  },
  // 500: failures of the service's own back ends; retried a bounded number of times.
  ExternalFailure: {
    code: 'internal_error',
    step: 'a back-end service of RDS failed; retry in a minute and, if it persists, open a ticket with the request id',
  },
  InvokeProxyFailure: {
    code: 'internal_error',
    step: 'RDS could not reach its proxy; retry in a minute and, if it persists, open a ticket with the request id',
  },
  // The whitelist and account actions (ModifySecurityIps, CreateAccount, ResetAccountPassword).
  'InvalidSecurityIps.Malformed': {
    code: 'invalid_parameter',
    step: 'give an IPv4 address or a CIDR block such as 203.0.113.7 or 203.0.113.0/24',
  },
  'InvalidAccountName.Duplicate': {
    code: 'invalid_parameter',
    step: 'an account with this name exists already; pick another name or list them with "rdspg rds accounts ID"',
  },
  'InvalidAccountName.NotFound': {
    code: 'invalid_parameter',
    step: 'no account has this name; list them with "rdspg rds accounts ID"',
  },
  'InvalidAccountName.Malformed': {
    code: 'invalid_parameter',
    step: 'use 2 to 63 lower-case letters, digits and underscores, starting with a letter, not pg_ nor a reserved name',
  },
  'InvalidAccountPassword.Malformed': {
    code: 'invalid_parameter',
    step: 'use 8 to 32 characters with at least three of: upper-case, lower-case, digits, !@#$%^&*()_+-=',
  },
  'Parameters.Invalid': { code: 'invalid_parameter', step: 'correct the parameter named in the message and retry' },
  'RequiredParam.NotFound': {
    code: 'invalid_parameter',
    step: 'a required parameter is missing; report this as a bug',
  },
};

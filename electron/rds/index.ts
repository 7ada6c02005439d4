// The RDS domain's public API: accounts and clients, the SSL flow, the CA download, register and the fleet audit.
export { type ApiEndpoint, parseApiEndpoint } from './api-endpoint';
export { type CaDownload, type CaDownloadPorts, downloadServerCa, sniffCaPayload } from './ca-download';
export { type AccessKeyProfile, type ResolvedCredentials, resolveCredentials, type SecretStore } from './credentials';
export { type AuditOptions, auditFleet } from './fleet-audit';
export {
  jsonProfileStore,
  type ProfileStore,
  type RdsAccountPorts,
  RdsAccounts,
  type WritableSecretStore,
} from './rds-accounts';
export { type CallOptions, RdsClient, type RdsClientOptions, type SslChangeParameters } from './rds-client';
export { maintenanceDatabaseNote, serverEntryFor } from './register';
export { defaultRetryPolicy, type RetryPolicy } from './retry';
export { pendingRenewal } from './scheduled-renewal';
export { defaultWaitOptions, type FlowRunOptions, SslFlow, type SslPlan, type WaitOptions } from './ssl-flow';
export { type ApiLanguage, apiLanguageOf, scheduledRenewal, toScheduledTasks } from './task-mapping';
export { accessKeySecretAddress, type VaultSecrets, vaultSecretStore } from './vault-secret-store';

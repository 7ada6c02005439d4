/** Every way a call to the RDS OpenAPI can fail, as a closed set; each message says what to do next. */
export const rdsErrorCodeList = [
  'instance_busy',
  'throttled',
  'service_unavailable',
  'internal_error',
  'access_key_not_found',
  'signature_mismatch',
  'security_token_invalid',
  'permission_denied',
  'instance_not_found',
  'endpoint_not_found',
  'invalid_parameter',
  'operation_not_supported',
  'ssl_unavailable',
  'instance_locked',
  'network_timeout',
  'network_unreachable',
  'insecure_endpoint',
  'invalid_endpoint',
  'credentials_missing',
  'profile_not_found',
  'cancelled',
  'wait_timeout',
  'ssl_change_failed',
  'prerequisite_not_met',
  'ca_download_failed',
  'ca_package_invalid',
  'certificate_invalid',
  'rejected',
  'vault_corrupt',
  'vault_newer',
] as const;

/** One of the ways a call to the RDS OpenAPI can fail. */
export type RdsErrorCode = (typeof rdsErrorCodeList)[number];

/** Codes that a bounded retry with backoff may clear on its own. */
export const retryableRdsErrorCodes: readonly RdsErrorCode[] = [
  'throttled',
  'service_unavailable',
  'internal_error',
  'network_timeout',
];

/** True when the code is a throttling refusal from the service. */
export function isThrottlingCode(serviceCode: string): boolean {
  return /throttling/i.test(serviceCode);
}

/** The next step a person should take for each code, appended to the service's own words. */
export const rdsNextSteps: Record<RdsErrorCode, string> = {
  instance_busy: 'the instance is busy with another change; wait until its status is Running, then retry',
  throttled: 'the service is limiting the request rate; wait a little and retry, or lower the concurrency',
  service_unavailable: 'the service is temporarily unavailable; retry in a minute',
  internal_error:
    'the service failed internally; retry in a minute and, if it persists, open a ticket with the request id',
  access_key_not_found: 'the AccessKey ID is unknown; check the profile or create a new AccessKey in the RAM console',
  signature_mismatch: 'the AccessKey secret does not match the AccessKey ID; re-enter the secret for this profile',
  security_token_invalid: 'the STS security token is invalid or expired; obtain a new one',
  permission_denied: 'ask an administrator to grant the missing RAM action to this user or role',
  instance_not_found: 'check the instance ID and the region, or list the instances with "rdspg rds instances"',
  endpoint_not_found: 'choose one of the endpoints listed by "rdspg rds show ID"',
  invalid_parameter: 'correct the parameter and retry',
  operation_not_supported: 'this instance does not support the operation; see the prerequisites',
  ssl_unavailable:
    'this instance cannot use SSL (it needs PostgreSQL 10 or later on cloud disks, not Serverless); see "rdspg rds show ID" for why',
  instance_locked: 'the instance is locked (for example an overdue payment); unlock it in the console first',
  network_timeout: 'the API endpoint did not answer in time; check the network or the endpoint URL and retry',
  network_unreachable: 'the API endpoint cannot be reached; check the network, a proxy or the endpoint URL',
  insecure_endpoint: 'use an https:// endpoint (plain http is allowed only on loopback)',
  invalid_endpoint: 'give the endpoint as a URL such as https://rds.aliyuncs.com',
  credentials_missing:
    'set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, add an AccessKey profile, or pass --profile',
  profile_not_found: 'list the profiles with "aliyun configure list" or add one in the app',
  cancelled: 'the wait was cancelled; the change may still be running on the instance',
  wait_timeout: 'the instance did not return to Running in time; check its status later with "rdspg rds ssl show ID"',
  ssl_change_failed: 'the service reported that the SSL change failed; check the settings and retry',
  prerequisite_not_met: 'SSL cannot be enabled on this instance as it is',
  ca_download_failed:
    'the CA package could not be downloaded; read the SSL settings again to get a fresh URL and retry',
  ca_package_invalid: 'the downloaded CA package is not a zip, PEM or DER certificate; download it from the console',
  certificate_invalid: 'fix the certificate or key file and retry',
  rejected: 'the service refused the request; read its message above',
  vault_corrupt: 'restore the vault with "rdspg vault restore" or reset it with "rdspg vault reset"',
  vault_newer: 'update RDS PG Connect to read the vault',
};

import type { RdsInstance, RdsSslState } from '../../shared/contract/rds';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { sslPrerequisiteProblems } from '../../shared/rds-ssl-flow';
import { ok, type Result } from '../../shared/result';
import type { CallOptions, RdsClient } from './rds-client';

/** The SSL state of an instance that cannot use SSL: off, with the reason. */
export function unavailableSslState(reason: string): RdsSslState {
  return {
    enabled: false,
    protectedEndpoint: null,
    caType: null,
    createdAt: null,
    expiresAt: null,
    requireUpdate: false,
    requireUpdateReason: null,
    lastModifyStatus: null,
    modifyStatusReason: null,
    serverCaUrl: null,
    serverCertificate: null,
    clientCaEnabled: false,
    clientCaCertificate: null,
    clientCrl: null,
    acl: null,
    replicationAcl: null,
    unavailableReason: reason,
  };
}

/** Why an instance cannot use SSL, from its own attributes; the service's words when they show nothing. */
export function unavailableReasonFor(instance: RdsInstance | null, serviceMessage: string): string {
  const problems = instance ? sslPrerequisiteProblems(instance) : [];
  if (problems.length > 0) return problems.map((problem) => problem.message).join(' ');
  return `The service reports that SSL is not available for this instance: ${serviceMessage}`;
}

/** An "off" answer for an instance whose type or version cannot use SSL, as "not available" with the reason. */
export function withAvailability(instance: RdsInstance, ssl: RdsSslState): RdsSslState {
  if (ssl.enabled || ssl.unavailableReason || sslPrerequisiteProblems(instance).length === 0) return ssl;
  return unavailableSslState(unavailableReasonFor(instance, ''));
}

/**
 * DescribeDBInstanceSSL, read as the Terraform provider reads it: the answers it tolerates for instances that
 * cannot use SSL (ssl_unavailable) become "SSL not available" with the reason, not a failure. `instance` spares
 * a DescribeDBInstanceAttribute call when the caller already has the attributes; with it, an "off" answer for an
 * instance whose type or version cannot use SSL (too old, local disks, Serverless) is "not available" too.
 */
export async function readSslState(
  client: RdsClient,
  instanceId: string,
  options: CallOptions & { instance?: RdsInstance } = {},
): Promise<Result<RdsSslState, RdsErrorCode>> {
  const { instance, ...callOptions } = options;
  const ssl = await client.sslState(instanceId, callOptions);
  if (ssl.ok) return instance ? ok(withAvailability(instance, ssl.value)) : ssl;
  if (ssl.error.code !== 'ssl_unavailable') return ssl;
  const attributes = instance ? ok(instance) : await client.instance(instanceId, callOptions);
  if (!attributes.ok && attributes.error.code === 'cancelled') return attributes;
  return ok(unavailableSslState(unavailableReasonFor(attributes.ok ? attributes.value : null, ssl.error.message)));
}

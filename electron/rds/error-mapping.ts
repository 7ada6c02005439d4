import { isThrottlingCode, type RdsErrorCode, rdsNextSteps } from '../../shared/rds-errors';
import type { Failure } from '../../shared/result';
import { serviceErrorCatalogue } from './service-error-catalogue';

/** A mapped failure of one API call, with what the retry loop needs to know. */
export interface CallFailure extends Failure<RdsErrorCode> {
  serviceCode: string | null;
  requestId: string | null;
  retryable: boolean;
}

const serviceCodes: [RegExp, RdsErrorCode][] = [
  [/^(IncorrectDBInstanceState|OperationDenied\.DBInstanceStatus)$/, 'instance_busy'],
  [/Throttling/i, 'throttled'],
  [/^ServiceUnavailable$/, 'service_unavailable'],
  [/^(InternalError|UnknownError)$/, 'internal_error'],
  [/^InvalidAccessKeyId/, 'access_key_not_found'],
  [/^(SignatureDoesNotMatch|IncompleteSignature)$/, 'signature_mismatch'],
  [/^InvalidSecurityToken/, 'security_token_invalid'],
  [/^(Forbidden\.RAM|NoPermission|Forbidden)/, 'permission_denied'],
  [/^(InvalidDBInstanceId\.NotFound|InvalidDBInstanceName\.NotFound)$/, 'instance_not_found'],
  [/^InvalidConnectionString/, 'endpoint_not_found'],
  [/^IncorrectDBInstanceLockMode$/, 'instance_locked'],
  [/^(InvalidEngine|InvalidStorageType|OperationDenied\.|InvalidACL)/, 'operation_not_supported'],
  [/^(MissingParameter|InvalidParameter|Invalid[A-Za-z]*\.Malformed|InvalidServerCert)/, 'invalid_parameter'],
];

const retryable = new Set<RdsErrorCode>(['throttled', 'service_unavailable', 'internal_error', 'network_timeout']);

const timeoutNames = /timeout/i;
const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function cleanServiceMessage(message: string): string {
  return message
    .replace(/^code: \d+, /, '')
    .replace(/ request id: .*$/, '')
    .replace(/server string to sign is:.*$/, '')
    .trim();
}

/** Maps whatever the SDK threw for `action` to a coded failure with the next step (never includes secrets). */
export function mapSdkError(error: unknown, action: string): CallFailure {
  const shape = (error ?? {}) as {
    code?: string;
    name?: string;
    message?: string;
    statusCode?: number;
    requestId?: string;
    data?: Record<string, unknown>;
    accessDeniedDetail?: Record<string, unknown> | null;
  };
  const serviceCode = typeof shape.statusCode === 'number' && shape.code ? String(shape.code) : null;
  const requestId = shape.requestId && shape.requestId !== 'undefined' ? shape.requestId : null;
  if (serviceCode) {
    const documented = Object.hasOwn(serviceErrorCatalogue, serviceCode) ? serviceErrorCatalogue[serviceCode] : null;
    const code = documented?.code ?? serviceCodes.find(([pattern]) => pattern.test(serviceCode))?.[1] ?? 'rejected';
    const serviceMessage = cleanServiceMessage(String(shape.data?.Message ?? shape.message ?? ''));
    let step = documented?.step ?? rdsNextSteps[code];
    if (code === 'permission_denied') {
      const ramAction = String(shape.accessDeniedDetail?.AuthAction ?? `rds:${action}`);
      step = `the RAM action ${ramAction} is missing; ask an administrator to grant ${ramAction} to this user or role`;
    }
    const reference = requestId ? ` (request ${requestId})` : '';
    return {
      code,
      serviceCode,
      requestId,
      retryable: retryable.has(code) || isThrottlingCode(serviceCode) || (shape.statusCode ?? 0) >= 500,
      message: `${action} failed with ${serviceCode}: ${serviceMessage}${reference} — ${step}.`,
    };
  }
  if (error instanceof SyntaxError) {
    return {
      code: 'invalid_endpoint',
      serviceCode: null,
      requestId: null,
      retryable: false,
      message: `${action} got an answer that is not the RDS API's JSON; check the endpoint URL or a proxy in between.`,
    };
  }
  const name = `${shape.name ?? ''} ${shape.code ?? ''} ${shape.message ?? ''}`;
  if (timeoutNames.test(name) || shape.code === 'ETIMEDOUT') {
    return {
      code: 'network_timeout',
      serviceCode: null,
      requestId: null,
      retryable: true,
      message: `${action} timed out — ${rdsNextSteps.network_timeout}.`,
    };
  }
  if (shape.code && unreachableCodes.has(shape.code)) {
    return {
      code: 'network_unreachable',
      serviceCode: null,
      requestId: null,
      retryable: shape.code === 'ECONNRESET',
      message: `${action} could not reach the API endpoint (${shape.code}) — ${rdsNextSteps.network_unreachable}.`,
    };
  }
  if (/credential|profile/i.test(shape.message ?? '')) {
    return {
      code: 'credentials_missing',
      serviceCode: null,
      requestId: null,
      retryable: false,
      message: `${action} could not obtain credentials: ${shape.message} — ${rdsNextSteps.credentials_missing}.`,
    };
  }
  throw error;
}

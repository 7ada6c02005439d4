import { randomUUID } from 'node:crypto';

/** An error answer of the sandbox: HTTP status and the RPC-style JSON body the SDK parses. */
export interface ServiceErrorAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * The error codes the sandbox answers with, their HTTP status and a message. Sources: the gateway's common errors
 * (MissingParameter … InternalError, shared by every Alibaba Cloud RPC API) and the error catalogue of
 * DescribeDBInstanceSSL / ModifyDBInstanceSSL on api.alibabacloud.com (document/Rds/2014-08-15). The codes and
 * statuses are the documented ones; the message texts are paraphrased, not copied from live answers.
 */
export const serviceErrors = {
  MissingParameter: [400, 'The input parameter "%s" that is mandatory for processing this request is not supplied.'],
  InvalidParameter: [400, 'The specified parameter "%s" is not valid.'],
  'InvalidAccessKeyId.NotFound': [404, 'Specified access key is not found.'],
  'InvalidAccessKeyId.Inactive': [400, 'Specified access key is disabled.'],
  SignatureDoesNotMatch: [400, 'Specified signature is not matched with our calculation. server string to sign is:%s'],
  IncompleteSignature: [400, 'The request signature does not conform to Aliyun standards. %s'],
  'InvalidTimeStamp.Expired': [400, 'Specified time stamp or date value is expired.'],
  SignatureNonceUsed: [400, 'Specified signature nonce was used already.'],
  'InvalidSecurityToken.Expired': [400, 'Specified SecurityToken is expired.'],
  'Forbidden.RAM': [403, "User not authorized to operate on the specified resource, or this API doesn't support RAM."],
  InvalidAction: [400, 'Specified api is not found, please check your url and method.'],
  'InvalidDBInstanceId.NotFound': [404, 'Specified instance does not exist or not support.'],
  'InvalidRegionId.NotFound': [404, 'Specified region does not exist.'],
  IncorrectDBInstanceState: [403, 'Current DB instance state does not support this operation.'],
  'OperationDenied.DBInstanceStatus': [403, 'The operation is not permitted due to status of instance.'],
  'InvalidConnectionString.NotFound': [404, 'Specified connection string does not exist.'],
  'InvaildEngineInRegion.ValueNotSupported': [400, 'The engine is not supported in this region.'],
  'InstanceEngineType.NotSupport': [403, 'The instance engine type does not support this operation.'],
  'OperationDenied.DBInstanceType': [403, 'The operation is not permitted due to type of instance.'],
  IncorrectEngineVersion: [403, 'Current engine version does not support this operation. %s'],
  IncorrectDBInstanceType: [403, 'Current DB instance type does not support this operation.'],
  IncorrectDBInstanceLockMode: [403, 'Current DB instance lock mode does not support this operation.'],
  CloudSSDNotSupport: [403, 'Cloud SSD storage does not support this operation.'],
  EnabledSSLNotSupport: [404, 'Enabling SSL is not supported for this instance or connection string.'],
  // The whitelist and account actions' refusals: the codes follow the service's Invalid<Field>.<Problem> form; the
  // exact codes and statuses are guesses where their API reference pages list none.
  'InvalidSecurityIps.Malformed': [400, 'The specified parameter "SecurityIps" is not valid.'],
  'InvalidAccountName.Malformed': [400, 'The specified parameter "AccountName" is not valid.'],
  'InvalidAccountName.Duplicate': [400, 'The specified account name already exists.'],
  'InvalidAccountName.NotFound': [404, 'The specified account does not exist.'],
  'InvalidAccountPassword.Malformed': [400, 'The specified parameter "AccountPassword" is not valid.'],
  'InvalidConnectionStringPrefix.Malformed': [400, 'The specified parameter "ConnectionStringPrefix" is not valid.'],
  'InvalidPort.Malformed': [400, 'The specified parameter "Port" is not valid.'],
  NetTypeExists: [400, 'The instance already has a connection of this network type.'],
  'InvalidConnectionString.Duplicate': [400, 'The specified connection string already exists.'],
  ConcurrentLimit: [400, 'Too many tasks are running concurrently; try again later.'],
  ExternalFailure: [500, 'An external service failed.'],
  InvokeProxyFailure: [500, 'Invoking the proxy failed.'],
  'Throttling.User': [400, 'Request was denied due to user flow control.'],
  ServiceUnavailable: [503, 'The request has failed due to a temporary failure of the server.'],
  InternalError: [500, 'The request processing has failed due to some unknown error, exception or failure.'],
} as const satisfies Record<string, readonly [number, string]>;

/** One of the codes in the sandbox's error catalogue. */
export type ServiceErrorCode = keyof typeof serviceErrors;

/** A new request id, in the service's upper-case UUID form. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** Builds the error answer for a code, as the service writes it (Code, Message, RequestId, HostId, Recommend). */
export function serviceError(
  code: ServiceErrorCode,
  options: { requestId?: string; detail?: string; extra?: Record<string, unknown>; host?: string } = {},
): ServiceErrorAnswer {
  const [status, template] = serviceErrors[code];
  const requestId = options.requestId ?? newRequestId();
  return {
    status,
    body: {
      RequestId: requestId,
      HostId: options.host ?? 'rds.aliyuncs.com',
      Code: code,
      Message: template.replace('%s', options.detail ?? ''),
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=Rds&requestId=${requestId}`,
      ...options.extra,
    },
  };
}

/** Thrown by action handlers to answer with a service error. */
export class ServiceErrorSignal extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    readonly detail?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(code);
  }
}

import * as openApi from '@alicloud/openapi-core';
import { describe, expect, it } from 'vitest';
import { mapSdkError } from '../../../electron/rds/error-mapping';

const sdk = (
  openApi.ClientError ? openApi : (openApi as unknown as { default: typeof openApi }).default
) as typeof openApi;

function clientError(statusCode: number, code: string, extra: Record<string, unknown> = {}) {
  return new sdk.ClientError({
    statusCode,
    code,
    message: `code: ${statusCode}, The message. request id: REQ-1`,
    data: { Code: code, Message: 'The message.', RequestId: 'REQ-1' },
    requestId: 'REQ-1',
    ...extra,
  });
}

describe('mapSdkError', () => {
  it('maps the busy-instance codes so that the user waits and retries', () => {
    for (const code of ['IncorrectDBInstanceState', 'OperationDenied.DBInstanceStatus']) {
      const failure = mapSdkError(clientError(403, code), 'ModifyDBInstanceSSL');
      expect(failure).toMatchObject({ code: 'instance_busy', retryable: false, requestId: 'REQ-1' });
      expect(failure.message).toContain('wait until its status is Running');
    }
  });

  it('maps every documented code of the SSL actions to the closed set, each with its own next step', () => {
    const table: [number, string, string, boolean, string][] = [
      [403, 'IncorrectEngineVersion', 'operation_not_supported', false, 'PostgreSQL 10 or later'],
      [403, 'InstanceEngineType.NotSupport', 'ssl_unavailable', false, 'cannot use SSL'],
      [403, 'IncorrectDBInstanceType', 'operation_not_supported', false, 'instance type'],
      [403, 'OperationDenied.DBInstanceType', 'ssl_unavailable', false, 'Serverless'],
      [403, 'CloudSSDNotSupport', 'operation_not_supported', false, 'ESSD'],
      [403, 'IncorrectDBInstanceLockMode', 'instance_locked', false, 'unlock it'],
      [403, 'IncorrectDBInstanceState', 'instance_busy', false, 'wait until its status is Running'],
      [404, 'EnabledSSLNotSupport', 'operation_not_supported', false, 'SSL cannot be enabled'],
      [404, 'InvalidDBInstanceId.NotFound', 'instance_not_found', false, 'rdspg rds instances'],
      [404, 'InvalidConnectionString.NotFound', 'endpoint_not_found', false, 'rdspg rds show ID'],
      [400, 'InvaildEngineInRegion.ValueNotSupported', 'ssl_unavailable', false, 'PostgreSQL 10'],
      [400, 'ConcurrentLimit', 'throttled', true, 'too many tasks'],
      [500, 'ExternalFailure', 'internal_error', true, 'back-end service'],
      [500, 'InvokeProxyFailure', 'internal_error', true, 'proxy'],
    ];
    const steps = new Set<string>();
    for (const [status, serviceCode, code, retryable, step] of table) {
      const error =
        status >= 500
          ? new sdk.ServerError({ statusCode: status, code: serviceCode, message: 'x', data: { Message: 'x' } })
          : clientError(status, serviceCode);
      const failure = mapSdkError(error, 'ModifyDBInstanceSSL');
      expect([serviceCode, failure.code, failure.retryable]).toEqual([serviceCode, code, retryable]);
      expect(failure.serviceCode).toBe(serviceCode);
      expect(failure.message).toContain(step);
      steps.add(failure.message.split(' — ')[1] ?? '');
    }
    expect(steps.size).toBe(table.length);
  });

  it('marks throttling and 5xx as retryable', () => {
    const throttled = new sdk.ThrottlingError({ statusCode: 400, code: 'Throttling.User', message: 'x', data: {} });
    expect(mapSdkError(throttled, 'DescribeRegions')).toMatchObject({ code: 'throttled', retryable: true });
    const unavailable = new sdk.ServerError({ statusCode: 503, code: 'ServiceUnavailable', message: 'x', data: {} });
    expect(mapSdkError(unavailable, 'DescribeRegions')).toMatchObject({ code: 'service_unavailable', retryable: true });
    const internal = new sdk.ServerError({ statusCode: 500, code: 'InternalError', message: 'x', data: {} });
    expect(mapSdkError(internal, 'DescribeRegions')).toMatchObject({ code: 'internal_error', retryable: true });
  });

  it('names the missing RAM action', () => {
    const denied = clientError(403, 'Forbidden.RAM', {
      accessDeniedDetail: { AuthAction: 'rds:DescribeDBInstanceSSL' },
    });
    const failure = mapSdkError(denied, 'DescribeDBInstanceSSL');
    expect(failure.code).toBe('permission_denied');
    expect(failure.message).toContain('rds:DescribeDBInstanceSSL');
    const withoutDetail = mapSdkError(clientError(403, 'Forbidden.RAM'), 'ModifyDBInstanceSSL');
    expect(withoutDetail.message).toContain('rds:ModifyDBInstanceSSL');
  });

  it('maps credentials and lookup failures, and keeps unknown codes with the service message', () => {
    expect(mapSdkError(clientError(404, 'InvalidAccessKeyId.NotFound'), 'A').code).toBe('access_key_not_found');
    expect(mapSdkError(clientError(400, 'SignatureDoesNotMatch'), 'A').code).toBe('signature_mismatch');
    expect(mapSdkError(clientError(404, 'InvalidDBInstanceId.NotFound'), 'A').code).toBe('instance_not_found');
    const other = mapSdkError(clientError(400, 'Something.New'), 'A');
    expect(other).toMatchObject({ code: 'rejected', serviceCode: 'Something.New' });
    expect(other.message).toContain('The message.');
  });

  it('maps network failures and lets real bugs through', () => {
    const timeout = Object.assign(new Error('Read timeout'), { name: 'ReadTimeoutError' });
    expect(mapSdkError(timeout, 'A')).toMatchObject({ code: 'network_timeout', retryable: true });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(mapSdkError(refused, 'A').code).toBe('network_unreachable');
    expect(() => mapSdkError(new TypeError('x is not a function'), 'A')).toThrow(TypeError);
  });
});

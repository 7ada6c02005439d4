import { parseApiEndpoint } from '../../../electron/rds/api-endpoint';
import { RdsClient, type RdsClientOptions } from '../../../electron/rds/rds-client';
import type { RdsSandbox } from '../../../electron/sandbox/index';

/** A client of the sandbox through the real SDK, with fast retries unless told otherwise. */
export function sandboxClient(
  sandbox: RdsSandbox,
  overrides: Partial<RdsClientOptions> & { accessKeyId?: string; accessKeySecret?: string } = {},
): RdsClient {
  const endpoint = parseApiEndpoint(sandbox.endpoint);
  if (!endpoint.ok) throw new Error(endpoint.error.message);
  const { accessKeyId, accessKeySecret, ...rest } = overrides;
  return new RdsClient({
    credentials: {
      kind: 'access_key',
      source: 'test',
      accessKeyId: accessKeyId ?? sandbox.accessKey.accessKeyId,
      accessKeySecret: accessKeySecret ?? sandbox.accessKey.accessKeySecret,
      regionId: 'cn-hangzhou',
    },
    endpoint: endpoint.value,
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
    ...rest,
  });
}

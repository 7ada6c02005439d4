import * as openApi from '@alicloud/openapi-core';
import * as rdsSdk from '@alicloud/rds20140815';
import type { ApiEndpoint } from './api-endpoint';
import type { ResolvedCredentials } from './credentials';

/** The SDK's client class (`@alicloud/rds20140815`), the only thing that signs and sends our calls. */
export type RdsSdkClient = InstanceType<typeof rdsSdk.default>;

/** The SDK's request and response models, re-exported for the client. */
export { rdsSdk };

function clientClass(): typeof rdsSdk.default {
  // The SDK is CommonJS: depending on the loader the class is `default` or `default.default`.
  const candidate = rdsSdk.default as unknown as { default?: typeof rdsSdk.default };
  return typeof candidate === 'function' ? rdsSdk.default : (candidate.default as typeof rdsSdk.default);
}

function configClass(): typeof openApi.$OpenApiUtil.Config {
  const namespace = (openApi.$OpenApiUtil ??
    (openApi as unknown as { default: { $OpenApiUtil: typeof openApi.$OpenApiUtil } }).default
      .$OpenApiUtil) as typeof openApi.$OpenApiUtil;
  return namespace.Config;
}

/** Creates an SDK client for one region, with the endpoint override when there is one. */
export function createSdkClient(
  credentials: ResolvedCredentials,
  regionId: string,
  endpoint: ApiEndpoint | null,
  timeoutMs: number,
): RdsSdkClient {
  const Config = configClass();
  const config = new Config({
    regionId,
    readTimeout: timeoutMs,
    connectTimeout: timeoutMs,
    ...(endpoint ? { endpoint: endpoint.host, protocol: endpoint.protocol } : {}),
    ...(credentials.kind === 'access_key'
      ? {
          accessKeyId: credentials.accessKeyId,
          accessKeySecret: credentials.accessKeySecret,
          ...(credentials.securityToken ? { securityToken: credentials.securityToken } : {}),
        }
      : { credential: credentials.credential }),
  });
  const Client = clientClass();
  return new Client(config);
}

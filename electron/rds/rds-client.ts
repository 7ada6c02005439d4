import type { RdsEndpoint, RdsInstance, RdsRegion, RdsScheduledTask, RdsSslState } from '../../shared/contract/rds';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, ok, type Result } from '../../shared/result';
import { type Clock, systemClock } from '../platform/clock';
import type { ApiEndpoint } from './api-endpoint';
import type { ResolvedCredentials } from './credentials';
import { mapSdkError } from './error-mapping';
import { regionalEndpoint } from './regional-endpoint';
import { toEndpoints, toInstance, toRegions, toSslState } from './response-mapping';
import { type CallStats, defaultRetryPolicy, emptyCallStats, type RetryPolicy, withRetries } from './retry';
import { createSdkClient, type RdsSdkClient, rdsSdk } from './sdk-client';
import { type ApiLanguage, toScheduledTasks } from './task-mapping';
import { transientCodes } from './transient-codes';

/** What the RDS client is built from: credentials, an optional endpoint override and its ports. */
export interface RdsClientOptions {
  credentials: ResolvedCredentials;
  endpoint?: ApiEndpoint | null;
  /** The region used for calls that are not tied to one (default: the credentials' region, else cn-hangzhou). */
  regionId?: string;
  clock?: Clock;
  random?: () => number;
  retry?: RetryPolicy;
  timeoutMs?: number;
}

/** The parameters of one ModifyDBInstanceSSL call in camelCase; `modifySsl` maps them to the SDK's request fields. */
export interface SslChangeParameters {
  instanceId: string;
  connectionString: string;
  sslEnabled?: 0 | 1;
  caType?: 'aliyun' | 'custom';
  serverCert?: string;
  serverKey?: string;
  clientCaEnabled?: 0 | 1;
  clientCaCert?: string;
  clientCrlEnabled?: 0 | 1;
  clientCrl?: string;
  acl?: string;
  replicationAcl?: string;
}

/** Per-call options: cancellation and a hook the fleet audit uses to slow down when throttled. */
export interface CallOptions {
  signal?: AbortSignal;
  onThrottled?: () => void;
  /** The language of the texts the API localizes (region names, task reasons); default en-US. */
  language?: ApiLanguage;
}

/** The app's client of the RDS OpenAPI: every call goes through `@alicloud/rds20140815`, with retries and mapping. */
export class RdsClient {
  readonly stats: CallStats = emptyCallStats();
  readonly regionId: string;
  private readonly clients = new Map<string, RdsSdkClient>();
  private regionEndpoints: Promise<Map<string, string> | null> | null = null;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly policy: RetryPolicy;

  constructor(private readonly options: RdsClientOptions) {
    this.regionId = options.regionId ?? options.credentials.regionId ?? 'cn-hangzhou';
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.policy = options.retry ?? defaultRetryPolicy;
  }

  private sdk(regionId: string, endpoint: ApiEndpoint | null): RdsSdkClient {
    const key = `${regionId} ${endpoint?.url ?? ''}`;
    let client = this.clients.get(key);
    if (!client) {
      const { credentials, timeoutMs } = this.options;
      client = createSdkClient(credentials, regionId, endpoint, timeoutMs ?? 15_000);
      this.clients.set(key, client);
    }
    return client;
  }

  /** RegionEndpoint per region from DescribeRegions, asked once; null (the default endpoint) when that fails. */
  private async endpointFor(regionId: string, options: CallOptions): Promise<ApiEndpoint | null> {
    const override = this.options.endpoint ?? null;
    this.regionEndpoints ??= this.regions(options).then((regions) => {
      if (regions.ok) return new Map(regions.value.map((region) => [region.regionId, region.endpoint]));
      // A transient failure is asked again next time; a lasting one (say a RAM policy without DescribeRegions)
      // keeps the default endpoint rather than doubling every call.
      const code = regions.error.code;
      if (transientCodes.has(code) || code === 'cancelled') this.regionEndpoints = null;
      return null;
    });
    const endpoints = await this.regionEndpoints;
    return regionalEndpoint(endpoints?.get(regionId) ?? '', override);
  }

  /** Sends one action through the SDK (to the region's endpoint) with retries, mapping failures to coded results. */
  async call<Body, Value>(
    action: string,
    send: (client: RdsSdkClient) => Promise<{ body?: Body }>,
    convert: (body: Body) => Value,
    options: CallOptions & { regionId?: string } = {},
  ): Promise<Result<Value, RdsErrorCode>> {
    // Nothing goes out once the caller stopped: a change stopped before it was sent is never sent.
    if (options.signal?.aborted)
      return fail('cancelled', `Stopped before ${action} was sent; nothing was asked of the service.`);
    const regionId = options.regionId ?? this.regionId;
    const endpoint =
      action === 'DescribeRegions' ? (this.options.endpoint ?? null) : await this.endpointFor(regionId, options);
    const client = this.sdk(regionId, endpoint);
    return withRetries(
      async () => {
        try {
          const response = await send(client);
          return ok(convert(response.body as Body));
        } catch (error) {
          return { ok: false as const, error: mapSdkError(error, action) };
        }
      },
      { policy: this.policy, clock: this.clock, random: this.random, stats: this.stats, ...options },
    );
  }

  /** DescribeRegions: the regions (zones folded) the account can use, named in the language asked for. */
  regions(options: CallOptions = {}): Promise<Result<RdsRegion[], RdsErrorCode>> {
    return this.call(
      'DescribeRegions',
      (client) =>
        client.describeRegions(new rdsSdk.DescribeRegionsRequest({ acceptLanguage: options.language ?? 'en-US' })),
      toRegions,
      options,
    );
  }

  /**
   * DescribeActiveOperationTasks: the scheduled O&M tasks (e.g. the certificate's renewal) of one region, or of one
   * instance when `instanceId` is given, walking every page.
   */
  async scheduledTasks(
    regionId: string,
    instanceId: string | null,
    options: CallOptions = {},
  ): Promise<Result<RdsScheduledTask[], RdsErrorCode>> {
    const all: RdsScheduledTask[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const request = new rdsSdk.DescribeActiveOperationTasksRequest({
        region: regionId,
        ...(instanceId ? { insName: instanceId } : {}),
        productId: 'RDS',
        taskType: 'all',
        status: -1,
        pageNumber,
        pageSize: 100,
      });
      const page = await this.call(
        'DescribeActiveOperationTasks',
        (client) => client.describeActiveOperationTasks(request),
        (body: rdsSdk.DescribeActiveOperationTasksResponseBody) => ({
          items: toScheduledTasks(body, options.language ?? 'en-US'),
          total: body.totalRecordCount ?? 0,
        }),
        { ...options, regionId },
      );
      if (!page.ok) return page;
      all.push(...page.value.items);
      if (page.value.items.length === 0 || all.length >= page.value.total) return ok(all);
    }
  }

  /** DescribeDBInstances for one region and engine, walking every page. */
  async instances(
    regionId: string,
    engine = 'PostgreSQL',
    options: CallOptions = {},
  ): Promise<Result<RdsInstance[], RdsErrorCode>> {
    const all: RdsInstance[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await this.call(
        'DescribeDBInstances',
        (client) =>
          client.describeDBInstances(
            new rdsSdk.DescribeDBInstancesRequest({ regionId, engine, pageNumber, pageSize: 100 }),
          ),
        (body: rdsSdk.DescribeDBInstancesResponseBody) => ({
          items: (body.items?.DBInstance ?? []).map((item) => toInstance(item, regionId)),
          total: body.totalRecordCount ?? 0,
        }),
        { ...options, regionId },
      );
      if (!page.ok) return page;
      all.push(...page.value.items);
      if (page.value.items.length === 0 || all.length >= page.value.total) return ok(all);
    }
  }

  /** DescribeDBInstanceAttribute: one instance's attributes. */
  instance(instanceId: string, options: CallOptions = {}): Promise<Result<RdsInstance, RdsErrorCode>> {
    return this.call(
      'DescribeDBInstanceAttribute',
      (client) =>
        client.describeDBInstanceAttribute(new rdsSdk.DescribeDBInstanceAttributeRequest({ DBInstanceId: instanceId })),
      (body: rdsSdk.DescribeDBInstanceAttributeResponseBody) => {
        const item = body.items?.DBInstanceAttribute?.[0];
        return toInstance(item ?? {}, item?.regionId ?? this.regionId);
      },
      options,
    );
  }

  /** DescribeDBInstanceNetInfo: the endpoints of an instance. */
  endpoints(instanceId: string, options: CallOptions = {}): Promise<Result<RdsEndpoint[], RdsErrorCode>> {
    return this.call(
      'DescribeDBInstanceNetInfo',
      (client) =>
        client.describeDBInstanceNetInfo(new rdsSdk.DescribeDBInstanceNetInfoRequest({ DBInstanceId: instanceId })),
      toEndpoints,
      options,
    );
  }

  /** DescribeDBInstanceSSL: the SSL settings. The server's private key in the answer is dropped here, unread. */
  sslState(instanceId: string, options: CallOptions = {}): Promise<Result<RdsSslState, RdsErrorCode>> {
    return this.call(
      'DescribeDBInstanceSSL',
      (client) => client.describeDBInstanceSSL(new rdsSdk.DescribeDBInstanceSSLRequest({ DBInstanceId: instanceId })),
      toSslState,
      options,
    );
  }

  /** ModifyDBInstanceSSL: sends one SSL change; the instance then restarts (see the SSL flow for the wait). */
  modifySsl(
    change: SslChangeParameters,
    options: CallOptions = {},
  ): Promise<Result<{ requestId: string }, RdsErrorCode>> {
    const request = new rdsSdk.ModifyDBInstanceSSLRequest({
      DBInstanceId: change.instanceId,
      connectionString: change.connectionString,
      SSLEnabled: change.sslEnabled,
      CAType: change.caType,
      serverCert: change.serverCert,
      serverKey: change.serverKey,
      clientCAEnabled: change.clientCaEnabled,
      clientCACert: change.clientCaCert,
      clientCrlEnabled: change.clientCrlEnabled,
      clientCertRevocationList: change.clientCrl,
      ACL: change.acl,
      replicationACL: change.replicationAcl,
    });
    return this.call(
      'ModifyDBInstanceSSL',
      (client) => client.modifyDBInstanceSSL(request),
      (body: rdsSdk.ModifyDBInstanceSSLResponseBody) => ({ requestId: body.requestId ?? '' }),
      options,
    );
  }
}

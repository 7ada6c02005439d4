import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAccount, describeAccounts, lockAccount, resetAccountPassword, unlockAccount } from './account-actions';
import { authenticate, type SandboxAccessKey } from './authenticate';
import { SandboxCertificateAuthority } from './certificate-authority';
import { type SandboxConnectRecord, SandboxConnectState } from './connect-state';
import { sslAnswerForEngine } from './engine-forms';
import { FaultInjector, type SandboxFaults } from './faults';
import { describePgHbaConfig, modifyPgHbaConfig } from './hba-actions';
import type { SandboxEndpoint, SandboxInstance, SandboxRegion, SandboxSsl } from './model';
import { NetChangeSchedule } from './net-change-schedule';
import {
  allocatePublicConnection,
  type PublicEndpointContext,
  releasePublicConnection,
} from './public-endpoint-actions';
import {
  type ActionParameters,
  describeAttribute,
  describeInstances,
  describeNetInfo,
  describeRegions,
} from './read-actions';
import { checkServedRegion } from './regional-endpoints';
import { applyDueRenewals, describeActiveOperationTasks } from './scheduled-tasks';
import { generatedFleet, seededInstances, seededRegions } from './seed';
import { newRequestId, ServiceErrorSignal, serviceError } from './service-errors';
import { describeSsl, modifySsl, type SslActionContext } from './ssl-actions';
import { defaultSslChangeTiming, SslChangeSchedule } from './ssl-change-schedule';
import { type ConnectActionContext, describeIpArrayList, modifySecurityIps } from './whitelist-actions';

/** How a sandbox starts. Everything is optional: the defaults give the seeded account on a free loopback port. */
export interface SandboxOptions {
  port?: number;
  /** Extra AccessKeys (for example one with a narrow RAM policy); a fresh full-access key is always added. */
  accessKeys?: SandboxAccessKey[];
  /** Replace the seeded account with a generated fleet. */
  fleet?: { regions: number; perRegion: number };
  /** How long an accepted SSL change keeps the old settings and `Running` first (default 2000 ms; 0 = at once). */
  modifyStartDelayMs?: number;
  /** How long an SSL change keeps the instance in SSL_MODIFYING (default 3000 ms). */
  modifyDelayMs?: number;
  /** The status shown during an SSL change (default SSL_MODIFYING); clients must not depend on it. */
  modifyingStatus?: string;
  /** False leaves LastModifyStatus empty, as DescribeDBInstanceSSL may (default true). */
  reportLastModifyStatus?: boolean;
  faults?: SandboxFaults;
  /** Runs while an instance is in SSL_MODIFYING with its new settings (the `--postgres` backing applies them). */
  applySsl?: (instance: SandboxInstance, next: SandboxSsl) => Promise<void>;
  /** Runs after the whitelist, the pg_hba entries or the accounts of an instance changed (the `--postgres` backing). */
  applyConnect?: (instance: SandboxInstance, record: SandboxConnectRecord) => Promise<void>;
  /** Points a newly allocated endpoint where clients can reach it (the `--postgres` backing's relay). */
  attachEndpoint?: (instance: SandboxInstance, endpoint: SandboxEndpoint) => void;
  /** How long a public endpoint takes to be allocated or released (NET_CREATING / NET_DELETING; default 1500 ms). */
  netChangeDelayMs?: number;
  /** The sandbox's notion of now, for certificates and timestamps. */
  now?: () => Date;
}

/** Counters the tests and the benchmark read. */
export interface SandboxStats {
  calls: Record<string, number>;
  throttled: number;
  injectedServerErrors: number;
  rejected: number;
}

type ActionContext = SslActionContext & ConnectActionContext & PublicEndpointContext;

/** The actions whose change the backing applies before the answer is sent (ModifyPGHbaConfig applies later). */
const connectChanges = new Set([
  'ModifySecurityIps',
  'CreateAccount',
  'ResetAccountPassword',
  'LockAccount',
  'UnlockAccount',
]);

const answers: Record<string, (context: ActionContext, parameters: ActionParameters) => Record<string, unknown>> = {
  DescribeRegions: describeRegions,
  DescribeDBInstances: describeInstances,
  DescribeDBInstanceAttribute: describeAttribute,
  DescribeDBInstanceNetInfo: describeNetInfo,
  DescribeDBInstanceSSL: (context, parameters) =>
    sslAnswerForEngine(context, parameters, describeSsl(context, parameters)),
  ModifyDBInstanceSSL: modifySsl,
  DescribeActiveOperationTasks: describeActiveOperationTasks,
  DescribeDBInstanceIPArrayList: describeIpArrayList,
  ModifySecurityIps: modifySecurityIps,
  DescribeAccounts: describeAccounts,
  CreateAccount: createAccount,
  ResetAccountPassword: resetAccountPassword,
  LockAccount: lockAccount,
  UnlockAccount: unlockAccount,
  AllocateInstancePublicConnection: allocatePublicConnection,
  ReleaseInstancePublicConnection: releasePublicConnection,
  DescribePGHbaConfig: describePgHbaConfig,
  ModifyPGHbaConfig: modifyPgHbaConfig,
};

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Splits a raw query string into decoded parameters ('+' stays '+': the SDK encodes spaces as %20). */
export function decodeQuery(raw: string): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const key = decodeURIComponent(equals < 0 ? pair : pair.slice(0, equals));
    parameters[key] = equals < 0 ? '' : decodeURIComponent(pair.slice(equals + 1));
  }
  return parameters;
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
  response.end(text);
}

/** A local RDS service on loopback that speaks the OpenAPI wire protocol of the installed SDK. */
export class RdsSandbox {
  readonly regions: SandboxRegion[];
  readonly instances = new Map<string, SandboxInstance>();
  readonly authority: SandboxCertificateAuthority;
  readonly accessKey: SandboxAccessKey;
  readonly injector: FaultInjector;
  readonly stats: SandboxStats = { calls: {}, throttled: 0, injectedServerErrors: 0, rejected: 0 };
  /** The whitelist groups and database accounts of each instance. */
  readonly connect = new SandboxConnectState();
  private readonly keys = new Map<string, SandboxAccessKey>();
  private readonly nonces = new Set<string>();
  private readonly changes: SslChangeSchedule;
  private readonly netChanges: NetChangeSchedule;
  private readonly urlSecret = randomBytes(16);
  private servers: Server[] = [];
  private baseUrl = '';
  /** The loopback listener standing for each region that has its own API endpoint (rds.<region>.aliyuncs.com). */
  private readonly regionalUrls = new Map<string, string>();

  constructor(private readonly options: SandboxOptions = {}) {
    const fleet = options.fleet ? generatedFleet(options.fleet.regions, options.fleet.perRegion) : null;
    this.regions = fleet?.regions ?? seededRegions.map((region) => ({ ...region }));
    for (const instance of fleet?.instances ?? seededInstances()) this.instances.set(instance.instanceId, instance);
    this.authority = SandboxCertificateAuthority.create(this.now());
    this.accessKey = {
      accessKeyId: `LTAI5tSandbox${randomBytes(6).toString('hex')}`,
      accessKeySecret: randomBytes(18).toString('base64url'),
    };
    for (const key of [this.accessKey, ...(options.accessKeys ?? [])]) this.keys.set(key.accessKeyId, key);
    this.injector = new FaultInjector(options.faults ?? {});
    this.netChanges = new NetChangeSchedule(options.netChangeDelayMs ?? 1500);
    const defaults = defaultSslChangeTiming;
    this.changes = new SslChangeSchedule(
      {
        startDelayMs: options.modifyStartDelayMs ?? defaults.startDelayMs,
        modifyDelayMs: options.modifyDelayMs ?? defaults.modifyDelayMs,
        modifyingStatus: options.modifyingStatus ?? defaults.modifyingStatus,
        reportLastModifyStatus: options.reportLastModifyStatus ?? defaults.reportLastModifyStatus,
      },
      options.applySsl,
    );
  }

  /** The sandbox's current time. */
  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** The API endpoint URL, e.g. http://127.0.0.1:40123 (after start). */
  get endpoint(): string {
    return this.baseUrl;
  }

  private async listen(port: number, served: string | null): Promise<string> {
    const server = createServer((request, response) => {
      this.handle(request, response, served).catch((error: unknown) => {
        send(response, 500, serviceError('InternalError', { detail: String(error) }).body);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /**
   * Listens on 127.0.0.1 (the given port, or a free one) for the shared endpoint rds.aliyuncs.com, and on one more
   * free loopback port per region with its own endpoint; DescribeRegions' RegionEndpoint names those listeners.
   */
  async start(): Promise<void> {
    try {
      this.baseUrl = await this.listen(this.options.port ?? 0, null);
      for (const region of this.regions.filter((item) => item.ownEndpoint)) {
        this.regionalUrls.set(region.regionId, await this.listen(0, region.regionId));
      }
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  /** Stops listening and cancels pending state changes. */
  async close(): Promise<void> {
    this.changes.close();
    this.netChanges.close();
    const servers = this.servers;
    this.servers = [];
    await Promise.all(
      servers.map((server) => {
        server.closeAllConnections();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      }),
    );
  }

  private context(): ActionContext {
    return {
      connect: this.connect,
      netChange: (instance, busyStatus, change) => this.netChanges.run(instance, busyStatus, change),
      connectChanged: async (instance) => this.options.applyConnect?.(instance, this.connect.of(instance)),
      attachEndpoint: (instance, endpoint) => this.options.attachEndpoint?.(instance, endpoint),
      regions: this.regions,
      instances: this.instances,
      authority: this.authority,
      now: () => this.now(),
      regionEndpoint: (region) => new URL(this.regionalUrls.get(region.regionId) ?? this.baseUrl).host,
      caPackageUrl: () => this.caPackageUrl(),
      scheduleChange: (instance, next) => this.changes.schedule(instance, next),
      changePending: (instance) => this.changes.isPending(instance),
    };
  }

  private caPackageUrl(): string {
    const expires = Math.floor(this.now().getTime() / 1000) + 3600;
    const signature = createHmac('sha256', this.urlSecret).update(String(expires)).digest('base64url');
    return `${this.baseUrl}/ca/ApsaraDB-CA-Chain.zip?Expires=${expires}&OSSAccessKeyId=LTAI5tSandboxOss&Signature=${signature}`;
  }

  private serveCaPackage(url: URL, response: ServerResponse): void {
    const expires = Number(url.searchParams.get('Expires'));
    const expected = createHmac('sha256', this.urlSecret).update(String(expires)).digest('base64url');
    const valid = url.searchParams.get('Signature') === expected;
    const expired = expires * 1000 < this.now().getTime();
    if (!valid || expired) {
      const message = expired ? 'Request has expired.' : 'The request signature we calculated does not match.';
      response.writeHead(403, { 'content-type': 'application/xml' });
      response.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${message}</Message><RequestId>${newRequestId()}</RequestId></Error>\n`,
      );
      return;
    }
    response.writeHead(200, {
      'content-type': 'application/zip',
      'content-disposition': 'attachment; filename="ApsaraDB-CA-Chain.zip"',
    });
    response.end(Buffer.from(this.authority.packageZip()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse, served: string | null): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && url.pathname.startsWith('/ca/')) return this.serveCaPackage(url, response);
    const requestId = newRequestId();
    const latency = this.injector.faults.latencyMs ?? 0;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const rawQuery = (request.url ?? '').split('?')[1] ?? '';
    const query = decodeQuery(rawQuery);
    const signed = { method: request.method ?? 'POST', pathname: url.pathname, query, headers: request.headers, body };
    try {
      const { action, key } = authenticate(signed, this.keys, this.nonces, this.now().getTime());
      this.stats.calls[action] = (this.stats.calls[action] ?? 0) + 1;
      const injected = this.injector.pick(action, key.accessKeyId);
      if (injected) {
        if (injected.startsWith('Throttling')) this.stats.throttled += 1;
        else this.stats.injectedServerErrors += 1;
        throw new ServiceErrorSignal(injected);
      }
      const answer = answers[action];
      if (!answer) throw new ServiceErrorSignal('InvalidAction');
      const form = request.headers['content-type']?.includes('x-www-form-urlencoded')
        ? decodeQuery(body.toString())
        : {};
      const context = this.context();
      const parameters = { ...query, ...form };
      checkServedRegion(action, parameters, context, served);
      applyDueRenewals(context, this.authority, this.now());
      const answered = answer(context, parameters);
      const changed = parameters.DBInstanceId ? this.instances.get(parameters.DBInstanceId) : undefined;
      if (changed && connectChanges.has(action)) await context.connectChanged(changed);
      send(response, 200, { RequestId: requestId, ...answered });
    } catch (error) {
      if (!(error instanceof ServiceErrorSignal)) throw error;
      this.stats.rejected += 1;
      const answer = serviceError(error.code, { requestId, detail: error.detail, extra: error.extra });
      send(response, answer.status, answer.body);
    }
  }
}

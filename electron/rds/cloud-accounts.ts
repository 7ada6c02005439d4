import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { RdsAccountView } from '../../shared/contract/rds';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { ok, type Result } from '../../shared/result';
import { writeFileAtomic } from '../platform/atomic-write';
import { parseApiEndpoint } from './api-endpoint';
import { readAliyunCliConfig } from './credentials';
import { jsonProfileStore, RdsAccounts, type WritableSecretStore } from './rds-accounts';
import type { RdsClient } from './rds-client';

/** The environment variable that sets the API endpoint URL when nothing else does (handy with the sandbox). */
export const apiEndpointVariable = 'RDSPG_RDS_ENDPOINT';

/** The id of the account made from the ALIBABA_CLOUD_* variables. */
export const environmentAccountId = 'environment';

/** What adding an app AccessKey profile takes; the secret goes to the vault, never to a file. */
export interface AccessKeyProfileInput {
  name: string;
  accessKeyId: string;
  accessKeySecret: string;
  regionId: string;
  endpoint?: string;
}

/**
 * The cloud accounts, once for every face (the GUI's cloud panel and `rdspg rds`): the app's AccessKey profiles
 * (secret in the vault, API endpoint override in `rds-endpoints.json`), the ALIBABA_CLOUD_* environment and the
 * aliyun CLI's profiles, and the clients made from them.
 */
export class CloudAccounts {
  private readonly accounts: RdsAccounts;
  private readonly endpointsPath: string;
  private readonly userHome: string;

  constructor(
    private readonly ports: {
      appHome: string;
      env: Record<string, string | undefined>;
      secrets: WritableSecretStore | null;
    },
  ) {
    this.userHome = ports.env.HOME || homedir();
    this.accounts = new RdsAccounts({
      profiles: jsonProfileStore(ports.appHome),
      secrets: ports.secrets,
      env: ports.env,
      home: this.userHome,
    });
    this.endpointsPath = join(ports.appHome, 'rds-endpoints.json');
  }

  private async endpointOverrides(): Promise<Record<string, string>> {
    try {
      const parsed = JSON.parse(await readFile(this.endpointsPath, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  /** Whether `name` is one of the app's own AccessKey profiles (whose secret lives in the vault). */
  async hasProfile(name: string): Promise<boolean> {
    return (await this.accounts.listProfiles()).some((profile) => profile.name === name);
  }

  /** Every account without secrets: app profiles, then the environment, then the aliyun CLI's profiles. */
  async list(): Promise<RdsAccountView[]> {
    const env = this.ports.env;
    const overrides = await this.endpointOverrides();
    const listed: RdsAccountView[] = (await this.accounts.listProfiles()).map((profile) => ({
      id: `profile:${profile.name}`,
      name: profile.name,
      kind: 'profile',
      accessKeyId: profile.accessKeyId,
      regionId: profile.regionId,
      endpoint: overrides[profile.name] ?? null,
    }));
    if (env.ALIBABA_CLOUD_ACCESS_KEY_ID && env.ALIBABA_CLOUD_ACCESS_KEY_SECRET) {
      listed.push({
        id: environmentAccountId,
        name: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
        kind: 'environment',
        accessKeyId: env.ALIBABA_CLOUD_ACCESS_KEY_ID,
        regionId: env.ALIBABA_CLOUD_REGION_ID || 'cn-hangzhou',
        endpoint: env[apiEndpointVariable] ?? null,
      });
    }
    for (const profile of (await readAliyunCliConfig(this.userHome))?.profiles ?? []) {
      if (!profile.name) continue;
      listed.push({
        id: `aliyun-cli:${profile.name}`,
        name: profile.name,
        kind: 'aliyun-cli',
        accessKeyId: profile.access_key_id ?? '',
        regionId: profile.region_id || 'cn-hangzhou',
        endpoint: null,
      });
    }
    return listed;
  }

  /** Adds or replaces an app AccessKey profile: the secret into the vault, the endpoint override (if any) beside. */
  async add(input: AccessKeyProfileInput): Promise<Result<RdsAccountView, RdsErrorCode>> {
    const endpoint = input.endpoint?.trim() ? parseApiEndpoint(input.endpoint.trim()) : null;
    if (endpoint && !endpoint.ok) return endpoint;
    const { name, accessKeyId, accessKeySecret, regionId } = input;
    const saved = await this.accounts.saveProfile(name, accessKeyId, accessKeySecret, regionId, endpoint?.value.url);
    if (!saved.ok) return saved;
    const overrides = await this.endpointOverrides();
    if (endpoint) overrides[name] = endpoint.value.url;
    else delete overrides[name];
    await writeFileAtomic(this.endpointsPath, `${JSON.stringify(overrides, null, 2)}\n`);
    const view: RdsAccountView = {
      id: `profile:${name}`,
      name,
      kind: 'profile',
      accessKeyId,
      regionId,
      endpoint: endpoint?.value.url ?? null,
    };
    return ok(view);
  }

  /** A client for a profile (app profiles, then the aliyun CLI's) or the environment, with optional overrides. */
  client(
    options: { profile?: string; endpoint?: string; regionId?: string } = {},
  ): Promise<Result<RdsClient, RdsErrorCode>> {
    return this.accounts.client(options);
  }
}

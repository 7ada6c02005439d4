import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { RdsAccountView, RdsChannelErrorCode } from '../../shared/contract/rds';
import { fail, ok, type Result } from '../../shared/result';
import { writeFileAtomic } from '../platform/atomic-write';
import { readAliyunCliConfig } from '../rds/credentials';
import { jsonProfileStore, parseApiEndpoint, RdsAccounts, RdsClient, vaultSecretStore } from '../rds/index';
import type { VaultPort } from './ports';
import type { InProcessSandbox } from './rds-sandbox';

/** The id of the sandbox's account. */
export const sandboxAccountId = 'sandbox';

/** The id of the account made from the ALIBABA_CLOUD_* variables. */
export const environmentAccountId = 'environment';

/** The environment variable that overrides the API endpoint of the environment account (as the CLI reads it). */
const endpointVariable = 'RDSPG_RDS_ENDPOINT';

/** An account's client for one region, and the account it belongs to. */
export interface AccountClient {
  account: RdsAccountView;
  client: RdsClient;
}

/** The accounts of the cloud panel: app profiles (secret in the vault), the environment, the aliyun CLI, the sandbox. */
export class RdsPanel {
  private readonly accounts: RdsAccounts;
  private readonly clients = new Map<string, RdsClient>();
  private readonly endpointsPath: string;

  constructor(
    private readonly ports: {
      home: string;
      env: Record<string, string | undefined>;
      vault: VaultPort;
      sandbox: InProcessSandbox;
    },
  ) {
    this.accounts = new RdsAccounts({
      profiles: jsonProfileStore(ports.home),
      secrets: vaultSecretStore(ports.vault),
      env: ports.env,
      home: this.userHome,
    });
    this.endpointsPath = join(ports.home, 'rds-endpoints.json');
  }

  private get userHome(): string {
    return this.ports.env.HOME || homedir();
  }

  private async endpointOverrides(): Promise<Record<string, string>> {
    try {
      const parsed = JSON.parse(await readFile(this.endpointsPath, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  /** Every account the panel can use, without secrets. */
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
        endpoint: env[endpointVariable] ?? null,
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
    const sandbox = await this.ports.sandbox.running();
    if (sandbox) {
      listed.push({
        id: sandboxAccountId,
        name: 'Local sandbox',
        kind: 'sandbox',
        accessKeyId: sandbox.info.accessKeyId,
        regionId: sandbox.info.regionId,
        endpoint: sandbox.info.endpoint,
      });
    }
    return listed;
  }

  /** Every account; the vault's damage instead when there are app profiles (their secrets live in the vault). */
  async checkedList(): Promise<Result<RdsAccountView[], RdsChannelErrorCode>> {
    const accounts = await this.list();
    if (!accounts.some((account) => account.kind === 'profile')) return ok(accounts);
    return (await this.vaultDamage()) ?? ok(accounts);
  }

  /** The vault's damage as a failure; null when the vault file reads. */
  private async vaultDamage() {
    const { damage } = await this.ports.vault.status();
    if (!damage) return null;
    return fail(damage.code === 'vault_newer' ? 'vault_newer' : 'vault_corrupt', damage.message);
  }

  /** Adds an AccessKey profile: the secret goes into the vault, the endpoint override (if any) beside the profiles. */
  async add(input: {
    name: string;
    accessKeyId: string;
    accessKeySecret: string;
    regionId: string;
    endpoint?: string;
  }): Promise<Result<RdsAccountView, RdsChannelErrorCode>> {
    const endpoint = input.endpoint?.trim() ? parseApiEndpoint(input.endpoint.trim()) : null;
    if (endpoint && !endpoint.ok) return endpoint;
    const { name, accessKeyId, accessKeySecret, regionId } = input;
    const saved = await this.accounts.saveProfile(name, accessKeyId, accessKeySecret, regionId, endpoint?.value.url);
    if (!saved.ok) return saved;
    const overrides = await this.endpointOverrides();
    if (endpoint) overrides[input.name] = endpoint.value.url;
    else delete overrides[input.name];
    await writeFileAtomic(this.endpointsPath, `${JSON.stringify(overrides, null, 2)}\n`);
    for (const key of this.clients.keys()) if (key.startsWith(`profile:${input.name}|`)) this.clients.delete(key);
    return ok({
      id: `profile:${input.name}`,
      name: input.name,
      kind: 'profile',
      accessKeyId: input.accessKeyId,
      regionId: input.regionId,
      endpoint: endpoint?.value.url ?? null,
    });
  }

  /** Starts the in-process sandbox (once) and answers its account. */
  async startSandbox(): Promise<Result<RdsAccountView, RdsChannelErrorCode>> {
    try {
      await this.ports.sandbox.start();
    } catch (error) {
      return fail(
        'sandbox_unavailable',
        `The local sandbox did not start (${(error as Error).message}); install PostgreSQL or set RDSPG_SANDBOX_POSTGRES=off.`,
      );
    }
    const account = (await this.list()).find((item) => item.id === sandboxAccountId);
    return account ? ok(account) : fail('sandbox_unavailable', 'The local sandbox stopped; start it again.');
  }

  /** A client of an account for one region (kept for later calls). */
  async client(accountId: string, regionId?: string): Promise<Result<AccountClient, RdsChannelErrorCode>> {
    const account = (await this.list()).find((item) => item.id === accountId);
    if (!account) {
      return fail('account_not_found', `There is no account "${accountId}"; add it again or pick another account.`);
    }
    const region = regionId ?? account.regionId;
    const key = `${accountId}|${region}`;
    const cached = this.clients.get(key);
    if (cached) return ok({ account, client: cached });
    const made = await this.makeClient(account, region);
    if (!made.ok) return made;
    this.clients.set(key, made.value);
    return ok({ account, client: made.value });
  }

  private async makeClient(account: RdsAccountView, regionId: string): Promise<Result<RdsClient, RdsChannelErrorCode>> {
    const endpoint = account.endpoint ? { endpoint: account.endpoint } : {};
    if (account.kind === 'sandbox') {
      const sandbox = await this.ports.sandbox.running();
      const parsed = account.endpoint ? parseApiEndpoint(account.endpoint) : null;
      if (!sandbox || !parsed?.ok)
        return fail('sandbox_unavailable', 'The local sandbox is not running; start it again.');
      const { accessKeyId, accessKeySecret } = sandbox.info;
      return ok(
        new RdsClient({
          credentials: { kind: 'access_key', source: 'sandbox', accessKeyId, accessKeySecret, regionId },
          endpoint: parsed.value,
          regionId,
        }),
      );
    }
    if (account.kind === 'environment') return this.accounts.client({ ...endpoint, regionId });
    const damaged = await this.vaultDamage();
    if (damaged) return damaged;
    return this.accounts.client({ profile: account.name, ...endpoint, regionId });
  }

  /** Stops the sandbox (on quit). */
  close(): Promise<void> {
    return this.ports.sandbox.stop();
  }
}

import type { RdsAccountView, RdsChannelErrorCode } from '../../shared/contract/rds';
import { fail, ok, type Result } from '../../shared/result';
import { type AccessKeyProfileInput, CloudAccounts } from '../rds/cloud-accounts';
import { parseApiEndpoint, RdsClient, vaultSecretStore } from '../rds/index';
import type { VaultPort } from './ports';
import type { InProcessSandbox } from './rds-sandbox';

/** The id of the sandbox's account. */
export const sandboxAccountId = 'sandbox';

/** An account's client for one region, and the account it belongs to. */
export interface AccountClient {
  account: RdsAccountView;
  client: RdsClient;
}

/** The accounts of the cloud panel: app profiles (secret in the vault), the environment, the aliyun CLI, the sandbox. */
export class RdsPanel {
  private readonly accounts: CloudAccounts;
  private readonly clients = new Map<string, RdsClient>();

  constructor(
    private readonly ports: {
      home: string;
      env: Record<string, string | undefined>;
      vault: VaultPort;
      sandbox: InProcessSandbox;
    },
  ) {
    this.accounts = new CloudAccounts({ appHome: ports.home, env: ports.env, secrets: vaultSecretStore(ports.vault) });
  }

  /** Every account the panel can use, without secrets: the cloud accounts, then the sandbox when it runs. */
  async list(): Promise<RdsAccountView[]> {
    const listed = await this.accounts.list();
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
  async add(input: AccessKeyProfileInput): Promise<Result<RdsAccountView, RdsChannelErrorCode>> {
    const added = await this.accounts.add(input);
    if (added.ok)
      for (const key of this.clients.keys()) if (key.startsWith(`${added.value.id}|`)) this.clients.delete(key);
    return added;
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

  /** The loopback port of the sandbox's PostgreSQL when it backs this instance (it serves every endpoint); else null. */
  async sandboxPort(instanceId: string): Promise<number | null> {
    const postgres = (await this.ports.sandbox.running())?.info.postgres;
    return postgres?.instanceId === instanceId ? postgres.port : null;
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

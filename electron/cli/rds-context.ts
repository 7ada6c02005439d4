import type { RdsErrorCode } from '../../shared/rds-errors';
import { type Failure, fail, ok, type Result } from '../../shared/result';
import { resolveAppHome } from '../platform/app-home';
import { apiEndpointVariable, CloudAccounts } from '../rds/cloud-accounts';
import type { WritableSecretStore } from '../rds/rds-accounts';
import type { RdsClient } from '../rds/rds-client';
import { vaultSecretStore } from '../rds/vault-secret-store';
import type { CliIo } from './command';
import { cliVault, unlockForCommand } from './vault-session';

export { apiEndpointVariable } from '../rds/cloud-accounts';

/** What the CLI needs to build a client: the flags it got and its environment. */
export interface ClientFlags {
  apiEndpoint?: string;
  profile?: string;
  region?: string;
  env: NodeJS.ProcessEnv;
  /** The command's streams, to unlock the vault for an app profile (prompt or RDSPG_MASTER_PASSWORD). */
  io?: CliIo;
}

/** Builds the RDS client for a CLI run: --profile (app profiles, then the aliyun CLI's), else the environment. */
export async function clientFromFlags(flags: ClientFlags): Promise<Result<RdsClient, RdsErrorCode>> {
  const appHome = resolveAppHome(flags.env);
  const profiles = new CloudAccounts({ appHome, env: flags.env, secrets: null });
  const secrets = flags.profile && flags.io ? await vaultSecretsFor(flags.profile, profiles, flags.io) : null;
  if (secrets && 'error' in secrets) return secrets;
  const accounts = new CloudAccounts({ appHome, env: flags.env, secrets });
  const endpoint = flags.apiEndpoint ?? flags.env[apiEndpointVariable];
  return accounts.client({
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(endpoint ? { endpoint } : {}),
    ...(flags.region ? { regionId: flags.region } : {}),
  });
}

/** The app's data folder as the CLI sees it (RDSPG_HOME or the platform default). */
export function cliAppHome(env: NodeJS.ProcessEnv): string {
  return resolveAppHome(env);
}

/** A usage failure for a DB host given where an API URL belongs, or the reverse. */
export function checkDatabaseHost(host: string): Result<string, RdsErrorCode> {
  if (host.includes('://')) {
    return fail(
      'invalid_parameter',
      `--endpoint here names the database endpoint (a host such as pgm-xxx.pg.rds.aliyuncs.com), not "${host}"; give the API URL with --api-endpoint.`,
    );
  }
  return ok(host);
}

/**
 * The vault as the secret store, unlocked as every CLI command unlocks it (OS keychain, RDSPG_MASTER_PASSWORD, or a
 * prompt) — only when --profile names one of the app's own profiles, whose AccessKey secret lives in the vault. A
 * damaged vault is its own failure, never "no secret".
 */
async function vaultSecretsFor(
  profile: string,
  accounts: CloudAccounts,
  io: CliIo,
): Promise<WritableSecretStore | null | { ok: false; error: Failure<'vault_corrupt' | 'vault_newer'> }> {
  if (!(await accounts.hasProfile(profile))) return null;
  const vault = cliVault(io);
  const unlocked = await unlockForCommand(vault, io);
  if (!unlocked.ok && (unlocked.error.code === 'vault_corrupt' || unlocked.error.code === 'vault_newer')) {
    return fail(unlocked.error.code, unlocked.error.message);
  }
  return unlocked.ok ? vaultSecretStore(vault) : null;
}

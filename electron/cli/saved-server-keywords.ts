import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import type { Result } from '../../shared/result';
import type { RegistryErrorCode } from '../../shared/server-schema';
import { resolveAppHome } from '../platform/app-home';
import { ServerRegistry } from '../registry';
import { connectionKeywordsFor } from '../saved-servers/saved-servers';
import type { CliIo } from './command';
import { type CliVaultErrorCode, cliVault, unlockForCommand } from './vault-session';

/**
 * For `rdspg check --server NAME`: the saved server's libpq keywords with its saved password and sslpassword, the
 * vault unlocked as every CLI command unlocks it (OS keychain, else RDSPG_MASTER_PASSWORD, else a prompt), and
 * only when the server has a saved secret.
 */
export async function savedServerKeywords(
  io: CliIo,
  nameOrId: string,
): Promise<Result<ConnectionKeywords, RegistryErrorCode | CliVaultErrorCode>> {
  const registry = new ServerRegistry({ folder: resolveAppHome(io.env) });
  const vault = cliVault(io);
  const server = await registry.get(nameOrId);
  if (!server.ok) return server;
  const saved = await vault.savedSecrets('server', server.value.id);
  if (!saved.ok) return saved;
  if (saved.value.length) {
    const unlocked = await unlockForCommand(vault, io);
    if (!unlocked.ok) return unlocked;
  }
  return connectionKeywordsFor(registry, vault, server.value.id);
}

import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import type { Result } from '../../shared/result';
import { resolveAppHome } from '../platform/app-home';
import { connectionKeywordsFor, ServerRegistry, serverSecret } from '../registry';
import { cliVault, unlockForCommand } from '../vault/cli-session';
import type { CliIo } from './command';

/**
 * The keywords of a saved server for `rdspg check --server NAME`, with its saved password and sslpassword.
 * The vault is unlocked only when the server has a saved secret (keychain, RDSPG_MASTER_PASSWORD, or a prompt).
 */
export async function savedServerKeywords(name: string, io: CliIo): Promise<Result<ConnectionKeywords>> {
  const registry = new ServerRegistry({ folder: resolveAppHome(io.env) });
  const server = await registry.get(name);
  if (!server.ok) return server;
  const vault = cliVault(io);
  const secrets = await Promise.all(
    ['password', 'sslpassword'].map((field) => vault.hasSecret(serverSecret(server.value.id, field))),
  );
  if (secrets.some(Boolean)) {
    const unlocked = await unlockForCommand(vault, io);
    if (!unlocked.ok) return unlocked;
  }
  return connectionKeywordsFor(registry, vault, server.value.id);
}

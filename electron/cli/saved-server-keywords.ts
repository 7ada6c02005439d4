import type { ConnectErrorCode } from '../../shared/connect-errors';
import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import { ok, type Result } from '../../shared/result';
import { type RegistryErrorCode, secretKeywords } from '../../shared/server-schema';
import { resolveAppHome } from '../platform/app-home';
import { ServerRegistry } from '../registry';
import { endpointOf } from '../saved-servers/saved-endpoint';
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

function withoutSecrets(keywords: ConnectionKeywords): ConnectionKeywords {
  return Object.fromEntries(
    Object.entries(keywords).filter(([keyword]) => !(secretKeywords as readonly string[]).includes(keyword)),
  );
}

/**
 * A saved server's keywords under the typed ones. Its saved secrets stay only while the result still goes to the
 * host, hostaddr, port and user they were saved for (as in the app); otherwise the typed conninfo must give them.
 */
function mergeTyped(
  saved: ConnectionKeywords,
  typed: ConnectionKeywords,
  env: Record<string, string | undefined>,
): ConnectionKeywords {
  const merged = { ...saved, ...typed };
  if (Object.keys(typed).length === 0) return merged;
  const savedFor = endpointOf(withoutSecrets(saved), env);
  if (savedFor !== null && endpointOf(withoutSecrets(merged), env) === savedFor) return merged;
  return { ...withoutSecrets(saved), ...typed };
}

/** For `rdspg check --server NAME [CONNINFO]`: the saved server's keywords (with its secrets) under the typed ones. */
export async function checkKeywords(
  io: CliIo,
  nameOrId: string,
  typed: Result<ConnectionKeywords, ConnectErrorCode>,
): Promise<Result<ConnectionKeywords, RegistryErrorCode | CliVaultErrorCode | ConnectErrorCode>> {
  const saved = await savedServerKeywords(io, nameOrId);
  if (!saved.ok) return saved;
  return typed.ok ? ok(mergeTyped(saved.value, typed.value, io.env)) : typed;
}

import type { ConnectErrorCode, TunnelErrorCode } from '../../shared/connect-errors';
import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import { ok, type Result } from '../../shared/result';
import { type RegistryErrorCode, secretKeywords } from '../../shared/server-schema';
import type { GatewayOpener } from '../engine';
import { resolveAppHome } from '../platform/app-home';
import { ServerRegistry } from '../registry';
import { endpointOf } from '../saved-servers/saved-endpoint';
import { connectionKeywordsFor, tunnelGatewayFor } from '../saved-servers/saved-servers';
import { knownHostsFiles } from '../ssh-tunnel/tunnel-gateway';
import type { CliIo } from './command';
import { type CliVaultErrorCode, cliVault, unlockForCommand } from './vault-session';

/** A saved server as `rdspg check --server` connects with it: keywords with saved secrets, and its SSH tunnel. */
export interface SavedServerConnection {
  keywords: ConnectionKeywords;
  gateway: GatewayOpener | undefined;
}

/**
 * For `rdspg check --server NAME`: the saved server's libpq keywords with its saved password and sslpassword, the
 * vault unlocked as every CLI command unlocks it (OS keychain, else RDSPG_MASTER_PASSWORD, else a prompt), and
 * only when the server has a saved secret; and the gateway of its SSH tunnel with the saved tunnel password. With
 * `acceptHostKey` (the fingerprint the user confirmed), the jump host's key is trusted first when it has it.
 */
export async function savedServerKeywords(
  io: CliIo,
  nameOrId: string,
  acceptHostKey?: string,
): Promise<Result<SavedServerConnection, RegistryErrorCode | CliVaultErrorCode | TunnelErrorCode>> {
  const home = resolveAppHome(io.env);
  const registry = new ServerRegistry({ folder: home });
  const vault = cliVault(io);
  const server = await registry.get(nameOrId);
  if (!server.ok) return server;
  const saved = await vault.savedSecrets('server', server.value.id);
  if (!saved.ok) return saved;
  if (saved.value.length) {
    const unlocked = await unlockForCommand(vault, io);
    if (!unlocked.ok) return unlocked;
  }
  const keywords = await connectionKeywordsFor(registry, vault, server.value.id);
  if (!keywords.ok) return keywords;
  const files = knownHostsFiles(home, io.env);
  const tunnel = server.value.tunnel;
  if (tunnel && acceptHostKey) {
    const { trustHostKey } = await import('../ssh-tunnel/host-key-trust');
    const trusted = await trustHostKey({ host: tunnel.host, port: tunnel.port }, acceptHostKey, files);
    if (!trusted.ok) return trusted;
  }
  const gateway = await tunnelGatewayFor(vault, server.value, tunnel, undefined, files);
  return gateway.ok ? ok({ keywords: keywords.value, gateway: gateway.value }) : gateway;
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

/**
 * For `rdspg check --server NAME [CONNINFO]`: the saved server's keywords (with its secrets) under the typed ones,
 * and its SSH tunnel.
 */
export async function checkKeywords(
  io: CliIo,
  nameOrId: string,
  typed: Result<ConnectionKeywords, ConnectErrorCode>,
  acceptHostKey?: string,
): Promise<Result<SavedServerConnection, RegistryErrorCode | CliVaultErrorCode | TunnelErrorCode | ConnectErrorCode>> {
  const saved = await savedServerKeywords(io, nameOrId, acceptHostKey);
  if (!saved.ok) return saved;
  if (!typed.ok) return typed;
  return ok({ keywords: mergeTyped(saved.value.keywords, typed.value, io.env), gateway: saved.value.gateway });
}

import type { ConnectErrorCode, TunnelErrorCode } from '../../shared/connect-errors';
import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import { ok, type Result } from '../../shared/result';
import type { RegistryErrorCode } from '../../shared/server-schema';
import type { GatewayOpener } from '../engine';
import { resolveAppHome } from '../platform/app-home';
import { ServerRegistry } from '../registry';
import { serverKeywords } from '../registry/server-keywords';
import { tunnelGatewayFor, type WithSavedSecrets, withSavedSecrets } from '../saved-servers/saved-servers';
import { knownHostsFiles } from '../ssh-tunnel/tunnel-gateway';
import type { CliIo } from './command';
import { type CliVaultErrorCode, cliVault, unlockForCommand } from './vault-session';

/**
 * A saved server as `rdspg check --server` connects with it: keywords with the saved secrets that may go with them
 * (and why one was kept back), and its SSH tunnel.
 */
export interface SavedServerConnection extends WithSavedSecrets {
  gateway: GatewayOpener | undefined;
}

/**
 * For `rdspg check --server NAME [CONNINFO]` and `rdspg rds doctor --server NAME`: the saved server's libpq keywords
 * under the typed ones, with its saved password and sslpassword only where they were saved for (withSavedSecrets),
 * the vault unlocked as every CLI command unlocks it (OS keychain, else RDSPG_MASTER_PASSWORD, else a prompt), and
 * only when the server has a saved secret; and the gateway of its SSH tunnel with the saved tunnel password. With
 * `acceptHostKey` (the fingerprint the user confirmed), the jump host's key is trusted first when it has it.
 */
export async function savedServerKeywords(
  io: CliIo,
  nameOrId: string,
  acceptHostKey?: string,
  typed: ConnectionKeywords = {},
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
  const tunnel = server.value.tunnel;
  const keywords = { ...serverKeywords(server.value), ...typed };
  const completed = await withSavedSecrets(vault, server.value, keywords, io.env, tunnel);
  if (!completed.ok) return completed;
  const files = knownHostsFiles(home, io.env);
  if (tunnel && acceptHostKey) {
    const { trustHostKey } = await import('../ssh-tunnel/host-key-trust');
    const trusted = await trustHostKey({ host: tunnel.host, port: tunnel.port }, acceptHostKey, files);
    if (!trusted.ok) return trusted;
  }
  const gateway = await tunnelGatewayFor(vault, server.value, tunnel, undefined, files);
  return gateway.ok ? ok({ ...completed.value, gateway: gateway.value }) : gateway;
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
  if (!typed.ok) return typed;
  return savedServerKeywords(io, nameOrId, acceptHostKey, typed.value);
}

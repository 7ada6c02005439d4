// Saved servers with their secrets, once for every face: the GUI's handlers, `rdspg servers` and
// `rdspg check --server` all save, connect with and delete a server here, the registry and the vault together.
import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import { type Failure, fail, ok, type Result } from '../../shared/result';
import { type RegistryErrorCode, type SavedServer, secretKeywords } from '../../shared/server-schema';
import { type TunnelFields, tunnelEndpointOf, tunnelSecretField } from '../../shared/tunnel-fields';
import type { SecretAddress, SecretOwnerKind, VaultErrorCode } from '../../shared/vault-types';
import type { GatewayOpener } from '../engine';
import { serverKeywords } from '../registry/server-keywords';
import type { KnownHostsFiles } from '../ssh-tunnel/known-hosts';
import { tunnelGateway, tunnelSettingsOf } from '../ssh-tunnel/tunnel-gateway';
import { endpointOf } from './saved-endpoint';

/** The registry as saved servers use it; `F` is what creating a server takes. */
export interface ServerStore<F> {
  get(nameOrId: string): Promise<Result<SavedServer, RegistryErrorCode>>;
  create(fields: F): Promise<Result<SavedServer, RegistryErrorCode>>;
  remove(nameOrId: string): Promise<Result<unknown, RegistryErrorCode>>;
}

/** The vault as saved servers use it: the subset of electron/vault's Vault they call. */
export interface SecretVault {
  hasSecret(address: SecretAddress): Promise<Result<boolean, VaultErrorCode>>;
  savedSecrets(ownerKind?: SecretOwnerKind): Promise<Result<SecretAddress[], VaultErrorCode>>;
  readSecret(address: SecretAddress): Promise<Result<string | null, VaultErrorCode>>;
  writeSecret(address: SecretAddress, value: string): Promise<Result<void, VaultErrorCode>>;
  deleteSecrets(ownerKind: SecretOwnerKind, ownerId: string, field?: string): Promise<Result<number, VaultErrorCode>>;
}

/** Where the vault keeps one secret of a saved server (`password`, `sslpassword`). */
export function serverSecret(serverId: string, field: string): SecretAddress {
  return { ownerKind: 'server', ownerId: serverId, field };
}

/** Writes a server's secrets (field -> value) to the vault; the first failure stops. */
export async function writeServerSecrets(
  vault: SecretVault,
  serverId: string,
  secrets: Record<string, string>,
): Promise<Result<void, VaultErrorCode>> {
  for (const [field, value] of Object.entries(secrets)) {
    const written = await vault.writeSecret(serverSecret(serverId, field), value);
    if (!written.ok) return written;
  }
  return ok(undefined);
}

/** Creates a server and saves its secrets; when a secret cannot be saved, the new server is removed again. */
export async function saveServerWithSecrets<F>(
  store: ServerStore<F>,
  vault: SecretVault,
  fields: F,
  secrets: Record<string, string>,
): Promise<Result<SavedServer, RegistryErrorCode | VaultErrorCode>> {
  const created = await store.create(fields);
  if (!created.ok) return created;
  const saved = await writeServerSecrets(vault, created.value.id, secrets);
  if (saved.ok) return created;
  await store.remove(created.value.id);
  return saved;
}

/** Adds a server's saved secrets (password, sslpassword) to keywords that do not give them. */
async function mergeSavedSecrets(
  vault: SecretVault,
  serverId: string,
  keywords: ConnectionKeywords,
): Promise<Result<ConnectionKeywords, VaultErrorCode>> {
  for (const field of secretKeywords) {
    if (keywords[field]) continue;
    const saved = await vault.hasSecret(serverSecret(serverId, field));
    if (!saved.ok) return saved;
    if (!saved.value) continue;
    const secret = await vault.readSecret(serverSecret(serverId, field));
    if (!secret.ok) return secret;
    if (secret.value) keywords[field] = secret.value;
  }
  return ok(keywords);
}

/**
 * Adds a saved server's secrets to a request's keywords where the request gave none, but only when the request
 * goes where they were saved for: the same host, hostaddr, port and user. Otherwise the user types them again.
 */
export async function withSavedSecrets(
  vault: SecretVault,
  server: SavedServer,
  keywords: ConnectionKeywords,
  env: Record<string, string | undefined>,
): Promise<Result<ConnectionKeywords, VaultErrorCode>> {
  const savedFor = endpointOf(serverKeywords(server), env);
  if (savedFor === null || endpointOf(keywords, env) !== savedFor) return ok(keywords);
  return mergeSavedSecrets(vault, server.id, keywords);
}

/**
 * The libpq keywords to connect with a saved server as it is saved (`rdspg check --server NAME`): its host, port,
 * dbname, user and parameters, with the saved password and sslpassword from the vault merged in.
 */
export async function connectionKeywordsFor(
  store: Pick<ServerStore<unknown>, 'get'>,
  vault: SecretVault,
  nameOrId: string,
): Promise<Result<ConnectionKeywords, RegistryErrorCode | VaultErrorCode>> {
  const server = await store.get(nameOrId);
  if (!server.ok) return server;
  return mergeSavedSecrets(vault, server.value.id, serverKeywords(server.value));
}

/**
 * Deletes a server and its saved secrets. The secrets go first: when they cannot be deleted (a locked or damaged
 * vault) the server stays and the failure says why. `unlock` runs before, only when there are secrets to delete.
 */
export async function deleteServerWithSecrets<E extends string = never>(
  store: ServerStore<unknown>,
  vault: SecretVault,
  nameOrId: string,
  unlock: () => Promise<Result<unknown, E>> = async () => ok(undefined),
): Promise<Result<SavedServer, RegistryErrorCode | VaultErrorCode | E>> {
  const server = await store.get(nameOrId);
  if (!server.ok) return server;
  const saved = await vault.savedSecrets('server');
  if (!saved.ok) return saved;
  if (saved.value.some((address) => address.ownerId === server.value.id)) {
    const unlocked = await unlock();
    if (!unlocked.ok) return unlocked as { ok: false; error: Failure<E> };
    const deleted = await vault.deleteSecrets('server', server.value.id);
    if (!deleted.ok) return deleted;
  }
  const removed = await store.remove(server.value.id);
  return removed.ok ? ok(server.value) : removed;
}

/** A vault failure with a face's own words for a locked vault; damage keeps its own words. */
export function lockedAs<C extends string>(error: Failure<C>, message: string): { ok: false; error: Failure<C> } {
  return error.code === 'vault_locked' ? fail(error.code, message) : { ok: false, error };
}

/**
 * The engine's gateway for a server's SSH tunnel (none without one): with the typed password or passphrase, else
 * the saved one, but only while the tunnel goes to the jump host, port, user and key it was saved for.
 */
export async function tunnelGatewayFor(
  vault: SecretVault,
  saved: SavedServer | null,
  tunnel: TunnelFields | undefined,
  typed: string | undefined,
  knownHosts: KnownHostsFiles,
): Promise<Result<GatewayOpener | undefined, VaultErrorCode>> {
  if (!tunnel) return ok(undefined);
  let secret = typed || null;
  if (!secret && saved && tunnelEndpointOf(saved.tunnel) === tunnelEndpointOf(tunnel)) {
    const address = serverSecret(saved.id, tunnelSecretField);
    const has = await vault.hasSecret(address);
    if (!has.ok) return has;
    if (has.value) {
      const read = await vault.readSecret(address);
      if (!read.ok) return read;
      secret = read.value;
    }
  }
  return ok(tunnelGateway(tunnelSettingsOf(tunnel, secret), { knownHosts }));
}

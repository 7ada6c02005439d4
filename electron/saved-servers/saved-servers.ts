// Saved servers with their secrets, once for every face: the GUI's handlers, `rdspg servers` and
// `rdspg check --server` all save, connect with and delete a server here, the registry and the vault together.
import type { SavedSecretErrorCode } from '../../shared/connect-errors';
import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import { type Failure, fail, ok, type Result } from '../../shared/result';
import {
  type RegistryErrorCode,
  type SavedServer,
  type ServerFields,
  secretKeywords,
} from '../../shared/server-schema';
import { type TunnelFields, tunnelEndpointOf, tunnelSecretField } from '../../shared/tunnel-fields';
import { bindingField, type SecretAddress, type SecretOwnerKind, type VaultErrorCode } from '../../shared/vault-types';
import type { GatewayOpener, RootCertificateFile } from '../engine';
import { serverKeywords } from '../registry/server-keywords';
import type { KnownHostsFiles } from '../ssh-tunnel/known-hosts';
import { tunnelGateway, tunnelSettingsOf } from '../ssh-tunnel/tunnel-gateway';
import {
  type BindingWithRoot,
  bindingBreach,
  bindingOf,
  parseBinding,
  type SecretBinding,
  withRootContent,
} from './secret-binding';

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

/**
 * Writes a server's secrets (field -> value) to the vault; the first failure stops. Beside each password and
 * sslpassword goes what it is saved for: where the server's settings resolve now (service file and environment
 * included), its sslmode and root certificate (the file's certificates too, when it can be read), and its SSH jump
 * host; beside the tunnel's password or passphrase goes its jump host, port, user and key file.
 */
export async function writeServerSecrets(
  vault: SecretVault,
  server: SavedServer,
  secrets: Record<string, string>,
  env: Record<string, string | undefined>,
): Promise<Result<void, VaultErrorCode>> {
  const { binding } = await withRootContent(bindingOf(serverKeywords(server), env, server.tunnel));
  // A root certificate file that cannot be read now binds by its path, and gains its certificates at first use.
  if (binding && !binding.rootCertificates?.length) delete binding.rootCertificates;
  const records = new Map<string, unknown>(secretKeywords.map((field) => [field, binding]));
  records.set(tunnelSecretField, tunnelEndpointOf(server.tunnel));
  // The secret goes first: an interrupted save leaves a new secret under an old record (not sent), never the reverse.
  for (const [field, value] of Object.entries(secrets)) {
    const written = await vault.writeSecret(serverSecret(server.id, field), value);
    if (!written.ok) return written;
    if (!records.has(field)) continue;
    const recorded = await vault.writeSecret(
      serverSecret(server.id, bindingField(field)),
      JSON.stringify(records.get(field)),
    );
    if (!recorded.ok) return recorded;
  }
  return ok(undefined);
}

/** Creates a server and saves its secrets; when a secret cannot be saved, the new server is removed again. */
export async function saveServerWithSecrets<F>(
  store: ServerStore<F>,
  vault: SecretVault,
  fields: F,
  secrets: Record<string, string>,
  env: Record<string, string | undefined>,
): Promise<Result<SavedServer, RegistryErrorCode | VaultErrorCode>> {
  const created = await store.create(fields);
  if (!created.ok) return created;
  const saved = await writeServerSecrets(vault, created.value, secrets, env);
  if (saved.ok) return created;
  await store.remove(created.value.id);
  return saved;
}

/**
 * Keywords with the saved secrets that may go with them, why a saved one was kept back (null if none was), and the
 * root certificate file as the check read it, for the engine to trust as read (ConnectRequest.rootCertificate).
 */
export interface WithSavedSecrets {
  keywords: ConnectionKeywords;
  withheld: Failure<SavedSecretErrorCode> | null;
  rootCertificate?: RootCertificateFile;
}

/**
 * What a saved secret was saved for. A secret saved before these records existed keeps the old rule once: it is
 * bound now to where the server's own settings resolve, and held to that record from then on.
 */
async function recordedBinding(
  vault: SecretVault,
  server: SavedServer,
  field: string,
  env: Record<string, string | undefined>,
): Promise<Result<SecretBinding | null, VaultErrorCode>> {
  const address = serverSecret(server.id, bindingField(field));
  const read = await vault.readSecret(address);
  if (!read.ok) return read;
  if (read.value !== null) return ok(parseBinding(read.value));
  const binding = bindingOf(serverKeywords(server), env, server.tunnel);
  const written = await vault.writeSecret(address, JSON.stringify(binding));
  return written.ok ? ok(binding) : written;
}

/**
 * A record without the root certificate file's certificates (saved before they were kept, or while the file could not
 * be read) gains them when its secret is sent: from then on it goes only while the file holds the certificates it
 * was sent under. That narrows where the secret may go and never widens it.
 */
async function pinRootContent(
  vault: SecretVault,
  server: SavedServer,
  field: string,
  recorded: SecretBinding | null,
  now: SecretBinding | null,
): Promise<Result<void, VaultErrorCode>> {
  if (!recorded?.sslrootcert || recorded.rootCertificates || !now?.rootCertificates?.length) return ok(undefined);
  const pinned = { ...recorded, rootCertificates: now.rootCertificates };
  return vault.writeSecret(serverSecret(server.id, bindingField(field)), JSON.stringify(pinned));
}

/**
 * Adds a saved server's password and sslpassword to a connection's keywords where they give none, but only when the
 * connection (its keywords, the environment and SSH tunnel now) goes where each was saved for and checks the server
 * at least as strictly, against the same root certificates (see bindingBreach); otherwise it goes without, as psql
 * would, and `withheld` says why. The root certificate file is read once, here, and handed on to the engine.
 */
export async function withSavedSecrets(
  vault: SecretVault,
  server: SavedServer,
  keywords: ConnectionKeywords,
  env: Record<string, string | undefined>,
  tunnel: TunnelFields | undefined,
): Promise<Result<WithSavedSecrets, VaultErrorCode>> {
  let now: BindingWithRoot | null = null;
  const merged = { ...keywords };
  let withheld: Failure<SavedSecretErrorCode> | null = null;
  for (const field of secretKeywords) {
    if (keywords[field]) continue;
    const saved = await vault.hasSecret(serverSecret(server.id, field));
    if (!saved.ok) return saved;
    if (!saved.value) continue;
    const recorded = await recordedBinding(vault, server, field, env);
    if (!recorded.ok) return recorded;
    now ??= await withRootContent(bindingOf(keywords, env, tunnel));
    const breach = bindingBreach(field, recorded.value, now.binding);
    if (breach) {
      withheld ??= breach;
      continue;
    }
    const secret = await vault.readSecret(serverSecret(server.id, field));
    if (!secret.ok) return secret;
    if (!secret.value) continue;
    const pinned = await pinRootContent(vault, server, field, recorded.value, now.binding);
    if (!pinned.ok) return pinned;
    merged[field] = secret.value;
  }
  return ok({ keywords: merged, withheld, ...(now?.root && { rootCertificate: now.root }) });
}

/**
 * The libpq keywords to connect with a saved server as it is saved (`rdspg check --server NAME`, the doctor): its
 * host, port, dbname, user and parameters, with the saved password and sslpassword where withSavedSecrets allows.
 */
export async function connectionKeywordsFor(
  store: Pick<ServerStore<unknown>, 'get'>,
  vault: SecretVault,
  nameOrId: string,
  env: Record<string, string | undefined>,
): Promise<Result<WithSavedSecrets, RegistryErrorCode | VaultErrorCode>> {
  const server = await store.get(nameOrId);
  if (!server.ok) return server;
  return withSavedSecrets(vault, server.value, serverKeywords(server.value), env, server.value.tunnel);
}

/**
 * The saved password and sslpassword an edit leaves behind: when the server's new settings go to another endpoint or
 * jump host, or check the server less strictly (bindingBreach), each one not given again is forgotten.
 */
export async function secretsLeftBehind(
  vault: SecretVault,
  before: SavedServer,
  after: ServerFields,
  given: readonly string[],
  env: Record<string, string | undefined>,
): Promise<Result<string[], VaultErrorCode>> {
  const was = bindingOf(serverKeywords(before), env, before.tunnel);
  const now = bindingOf(serverKeywords(after), env, after.tunnel);
  if (was === null ? now === null : !bindingBreach('password', was, now)) return ok([]);
  const left: string[] = [];
  for (const field of secretKeywords) {
    if (given.includes(field)) continue;
    const saved = await vault.hasSecret(serverSecret(before.id, field));
    if (!saved.ok) return saved;
    if (saved.value) left.push(field);
  }
  return ok(left);
}

/** Forgets one saved secret of a server and the record of what it was saved for. */
export async function deleteServerSecret(
  vault: SecretVault,
  serverId: string,
  field: string,
): Promise<Result<number, VaultErrorCode>> {
  const deleted = await vault.deleteSecrets('server', serverId, field);
  if (!deleted.ok) return deleted;
  const record = await vault.deleteSecrets('server', serverId, bindingField(field));
  return record.ok ? ok(deleted.value) : record;
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
 * The saved tunnel password or passphrase, when there is one and this tunnel goes to the jump host, port, user and key
 * file that the vault recorded beside it (not the registry's copy, a plain file); else null. One saved before these
 * records existed is bound at its first use to the server's tunnel as saved then.
 */
async function savedTunnelSecret(
  vault: SecretVault,
  saved: SavedServer,
  tunnel: TunnelFields,
): Promise<Result<string | null, VaultErrorCode>> {
  const address = serverSecret(saved.id, tunnelSecretField);
  const has = await vault.hasSecret(address);
  if (!has.ok || !has.value) return has.ok ? ok(null) : has;
  const recordAddress = serverSecret(saved.id, bindingField(tunnelSecretField));
  const read = await vault.readSecret(recordAddress);
  if (!read.ok) return read;
  let recorded = read.value;
  if (recorded === null) {
    recorded = JSON.stringify(tunnelEndpointOf(saved.tunnel));
    const written = await vault.writeSecret(recordAddress, recorded);
    if (!written.ok) return written;
  }
  return recorded === JSON.stringify(tunnelEndpointOf(tunnel)) ? vault.readSecret(address) : ok(null);
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
  const secret = typed || !saved ? ok(typed || null) : await savedTunnelSecret(vault, saved, tunnel);
  return secret.ok ? ok(tunnelGateway(tunnelSettingsOf(tunnel, secret.value), { knownHosts })) : secret;
}

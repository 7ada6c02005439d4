import type { ServerForm } from '../../../shared/contract/server-form';
import type { ServerErrorCode, ServerSummary } from '../../../shared/contract/servers';
import { type Failure, fail, ok, type Result } from '../../../shared/result';
import { tunnelEndpointOf, tunnelSecretField } from '../../../shared/tunnel-fields';
import { type VaultErrorCode, vaultErrorCodes } from '../../../shared/vault-types';
import {
  deleteServerSecret,
  deleteServerWithSecrets,
  saveServerWithSecrets,
  secretsLeftBehind,
  serverSecret,
  writeServerSecrets,
} from '../../saved-servers/saved-servers';
import type { HandlerTable } from '../handler-table';
import type { AppPorts, SavedServer, ServerFields } from '../ports';

type ServerHandlers = Pick<
  HandlerTable,
  | 'servers:list'
  | 'servers:get'
  | 'servers:create'
  | 'servers:update'
  | 'servers:delete'
  | 'servers:clear-password'
  | 'servers:restore'
>;

/** Parameters whose values are secrets: kept in the vault, never in the registry. */
export const secretParameters = ['sslpassword'];

/** The registry fields of a dialog form: no password, no secret parameters. */
export function fieldsOfForm(form: ServerForm): ServerFields {
  return {
    name: form.name,
    group: form.group,
    background: form.background,
    foreground: form.foreground,
    comments: form.comments,
    host: form.host,
    port: form.port,
    maintenanceDatabase: form.maintenanceDatabase,
    username: form.username,
    ...(form.role !== undefined ? { role: form.role } : {}),
    ...(form.service !== undefined ? { service: form.service } : {}),
    ...(form.tunnel ? { tunnel: form.tunnel } : {}),
    savePassword: form.savePassword,
    parameters: form.parameters.filter((row) => !secretParameters.includes(row.keyword)),
  };
}

/** The dialog form of a saved server (secrets left empty). */
export function formOfServer(server: SavedServer): ServerForm {
  const { id: _id, ...fields } = server;
  return { ...fields, parameters: server.parameters.map((row) => ({ ...row })), password: '', connectNow: false };
}

/** The summary of a server with whether its password is saved. */
function summaryOf(server: SavedServer, passwordSaved: boolean): ServerSummary {
  return {
    id: server.id,
    name: server.name,
    group: server.group,
    background: server.background,
    foreground: server.foreground,
    host: server.host,
    port: server.port,
    username: server.username,
    maintenanceDatabase: server.maintenanceDatabase,
    ...(server.service ? { service: server.service } : {}),
    sslmode: server.parameters.find((row) => row.keyword === 'sslmode')?.value ?? 'prefer',
    passwordSaved,
  };
}

/** The summary of a server, looking up in the vault whether its password is saved; a damaged vault is a failure. */
async function lookedUpSummary(ports: AppPorts, server: SavedServer): Promise<Result<ServerSummary, ServerErrorCode>> {
  const saved = await ports.vault.hasSecret(serverSecret(server.id, 'password'));
  return saved.ok ? ok(summaryOf(server, saved.value)) : vaultFailure(saved.error);
}

/** A vault failure as the server channels report it: damage as such, anything else as a locked vault. */
function vaultFailure(error: Failure<VaultErrorCode>): { ok: false; error: Failure<ServerErrorCode> } {
  return error.code === 'vault_corrupt' || error.code === 'vault_newer'
    ? fail(error.code, error.message)
    : fail('vault_locked', 'unlock the vault with the master password to save passwords.');
}

/** A failure of saving or deleting a server: the registry's as it is, the vault's as vaultFailure words it. */
function serverFailure(error: Failure<ServerErrorCode | VaultErrorCode>): {
  ok: false;
  error: Failure<ServerErrorCode>;
} {
  return (vaultErrorCodes as readonly string[]).includes(error.code)
    ? vaultFailure(error as Failure<VaultErrorCode>)
    : fail(error.code as ServerErrorCode, error.message);
}

/** The secrets a form carries: the passwords whose Save password? is on, and secret parameters. */
function secretsOfForm(form: ServerForm): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const row of form.parameters) if (secretParameters.includes(row.keyword)) secrets[row.keyword] = row.value;
  if (form.savePassword && form.password) secrets.password = form.password;
  if (form.tunnel?.savePassword && form.tunnelPassword) secrets[tunnelSecretField] = form.tunnelPassword;
  return secrets;
}

function needsVault(form: ServerForm): boolean {
  return Object.keys(secretsOfForm(form)).length > 0;
}

/** The saved tunnel secret an update forgets: the tunnel moved or went, or its Save password? was switched off. */
async function staleTunnelSecret(
  ports: AppPorts,
  server: SavedServer,
  form: ServerForm,
): Promise<Result<string[], ServerErrorCode>> {
  const moved = tunnelEndpointOf(server.tunnel) !== tunnelEndpointOf(form.tunnel) || !form.tunnel?.savePassword;
  if (!moved || (form.tunnel?.savePassword && form.tunnelPassword)) return ok([]);
  const saved = await ports.vault.hasSecret(serverSecret(server.id, tunnelSecretField));
  if (!saved.ok) return vaultFailure(saved.error);
  return ok(saved.value ? [tunnelSecretField] : []);
}

/** The registry channels; secrets go to the vault, and the renderer only learns whether one is saved. */
export function createServerHandlers(ports: AppPorts, onDelete: (id: string) => Promise<void>): ServerHandlers {
  const { registry, vault } = ports;
  const lockedFailure = fail('vault_locked', 'unlock the vault with the master password to save passwords.');
  return {
    'servers:list': async () => {
      const listed = await registry.list();
      if (!listed.ok) return listed;
      const secrets = await vault.savedSecrets('server');
      if (!secrets.ok) return vaultFailure(secrets.error);
      const saved = new Set(
        secrets.value.filter((address) => address.field === 'password').map((address) => address.ownerId),
      );
      const servers = listed.value.servers.map((server) => summaryOf(server, saved.has(server.id)));
      return ok({ groups: listed.value.groups, servers });
    },
    'servers:get': async ({ id }) => {
      const found = await registry.get(id);
      if (!found.ok) return found;
      const summary = await lookedUpSummary(ports, found.value);
      return summary.ok ? ok({ summary: summary.value, form: formOfServer(found.value) }) : summary;
    },
    'servers:create': async ({ form }) => {
      if (needsVault(form) && !(await vault.status()).unlocked) return lockedFailure;
      const created = await saveServerWithSecrets(registry, vault, fieldsOfForm(form), secretsOfForm(form), ports.env);
      return created.ok ? lookedUpSummary(ports, created.value) : serverFailure(created.error);
    },
    'servers:update': async ({ id, form }) => {
      const before = await registry.get(id);
      if (!before.ok) return before;
      // Another endpoint or jump host, or a weaker sslmode: the secrets saved for the old settings are forgotten.
      const given = form.parameters.map((row) => row.keyword);
      if (form.savePassword && form.password) given.push('password');
      const staleResult = await secretsLeftBehind(vault, before.value, fieldsOfForm(form), given, ports.env);
      if (!staleResult.ok) return vaultFailure(staleResult.error);
      const staleTunnel = await staleTunnelSecret(ports, before.value, form);
      if (!staleTunnel.ok) return staleTunnel;
      const stale = [...staleResult.value, ...staleTunnel.value];
      // The secrets to forget go before the server changes, so that a vault locked in between never leaves the
      // old endpoint's password behind for the new one.
      const forget = [...stale];
      if (!form.savePassword && !forget.includes('password')) {
        const kept = await vault.hasSecret(serverSecret(id, 'password'));
        if (!kept.ok) return vaultFailure(kept.error);
        if (kept.value) forget.push('password');
      }
      if ((needsVault(form) || forget.length) && !(await vault.status()).unlocked)
        return stale.length
          ? fail('vault_locked', 'unlock the vault first: moving the server forgets the password saved for it.')
          : lockedFailure;
      for (const field of forget) {
        const deleted = await deleteServerSecret(vault, id, field);
        if (!deleted.ok) return vaultFailure(deleted.error);
      }
      const updated = await registry.update(id, fieldsOfForm(form));
      if (!updated.ok) return updated;
      const saved = await writeServerSecrets(vault, updated.value, secretsOfForm(form), ports.env);
      return saved.ok ? lookedUpSummary(ports, updated.value) : vaultFailure(saved.error);
    },
    'servers:delete': async ({ id }) => {
      await onDelete(id);
      const removed = await deleteServerWithSecrets(registry, vault, id);
      if (removed.ok) return ok({});
      if (removed.error.code !== 'vault_locked') return serverFailure(removed.error);
      return fail('vault_locked', 'unlock the vault first: deleting the server deletes the password saved for it.');
    },
    'servers:clear-password': async ({ id }) => {
      const found = await registry.get(id);
      if (!found.ok) return found;
      const cleared = await deleteServerSecret(vault, id, 'password');
      if (!cleared.ok) return vaultFailure(cleared.error);
      return lookedUpSummary(ports, found.value);
    },
    'servers:restore': () => registry.restore(),
  };
}

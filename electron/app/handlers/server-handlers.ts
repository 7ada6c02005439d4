import type { ServerForm } from '../../../shared/contract/server-form';
import type { ServerSummary } from '../../../shared/contract/servers';
import { fail, ok, type Result } from '../../../shared/result';
import type { SecretAddress } from '../../../shared/vault-types';
import type { HandlerTable } from '../handler-table';
import type { AppPorts, SavedServer, ServerFields } from '../ports';

type ServerHandlers = Pick<
  HandlerTable,
  'servers:list' | 'servers:get' | 'servers:create' | 'servers:update' | 'servers:delete' | 'servers:clear-password'
>;

/** Where the vault keeps one secret of a saved server (`password`, `sslpassword`). */
export function secretAddress(serverId: string, field: string): SecretAddress {
  return { ownerKind: 'server', ownerId: serverId, field };
}

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
    savePassword: form.savePassword,
    parameters: form.parameters.filter((row) => !secretParameters.includes(row.keyword)),
  };
}

/** The dialog form of a saved server (secrets left empty). */
export function formOfServer(server: SavedServer): ServerForm {
  const { id: _id, ...fields } = server;
  return { ...fields, parameters: server.parameters.map((row) => ({ ...row })), password: '', connectNow: false };
}

/** The summary of a server; `passwordSaved` is looked up unless the caller already knows it. */
async function summaryOf(ports: AppPorts, server: SavedServer, passwordSaved?: boolean): Promise<ServerSummary> {
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
    sslmode: server.parameters.find((row) => row.keyword === 'sslmode')?.value ?? 'prefer',
    passwordSaved: passwordSaved ?? (await ports.vault.hasSecret(secretAddress(server.id, 'password'))),
  };
}

/** Saves the secrets a form carries: the password when Save password? is on, and secret parameters. */
async function saveSecrets(ports: AppPorts, id: string, form: ServerForm): Promise<Result<void, 'vault_locked'>> {
  const secrets: [string, string][] = form.parameters
    .filter((row) => secretParameters.includes(row.keyword))
    .map((row) => [row.keyword, row.value]);
  if (form.savePassword && form.password) secrets.push(['password', form.password]);
  if (!form.savePassword) await ports.vault.deleteSecrets('server', id, 'password');
  for (const [field, value] of secrets) {
    const written = await ports.vault.writeSecret(secretAddress(id, field), value);
    if (!written.ok) return fail('vault_locked', 'unlock the vault with the master password to save passwords.');
  }
  return ok(undefined);
}

function needsVault(form: ServerForm): boolean {
  return (
    (form.savePassword && form.password !== '') || form.parameters.some((row) => secretParameters.includes(row.keyword))
  );
}

/** The registry channels; secrets go to the vault, and the renderer only learns whether one is saved. */
export function createServerHandlers(ports: AppPorts, onDelete: (id: string) => Promise<void>): ServerHandlers {
  const { registry, vault } = ports;
  const lockedFailure = fail('vault_locked', 'unlock the vault with the master password to save passwords.');
  return {
    'servers:list': async () => {
      const listed = await registry.list();
      if (!listed.ok) return listed;
      const saved = new Set(
        (await vault.savedSecrets('server'))
          .filter((address) => address.field === 'password')
          .map((address) => address.ownerId),
      );
      const servers = await Promise.all(
        listed.value.servers.map((server) => summaryOf(ports, server, saved.has(server.id))),
      );
      return ok({ groups: listed.value.groups, servers });
    },
    'servers:get': async ({ id }) => {
      const found = await registry.get(id);
      return found.ok ? ok({ summary: await summaryOf(ports, found.value), form: formOfServer(found.value) }) : found;
    },
    'servers:create': async ({ form }) => {
      if (needsVault(form) && !(await vault.status()).unlocked) return lockedFailure;
      const created = await registry.create(fieldsOfForm(form));
      if (!created.ok) return created;
      const saved = await saveSecrets(ports, created.value.id, form);
      return saved.ok ? ok(await summaryOf(ports, created.value)) : saved;
    },
    'servers:update': async ({ id, form }) => {
      if (needsVault(form) && !(await vault.status()).unlocked) return lockedFailure;
      const updated = await registry.update(id, fieldsOfForm(form));
      if (!updated.ok) return updated;
      const saved = await saveSecrets(ports, id, form);
      return saved.ok ? ok(await summaryOf(ports, updated.value)) : saved;
    },
    'servers:delete': async ({ id }) => {
      await onDelete(id);
      const removed = await registry.remove(id);
      if (!removed.ok) return removed;
      await vault.deleteSecrets('server', id);
      return ok({});
    },
    'servers:clear-password': async ({ id }) => {
      const found = await registry.get(id);
      if (!found.ok) return found;
      const cleared = await vault.deleteSecrets('server', id, 'password');
      if (!cleared.ok) return lockedFailure;
      return ok(await summaryOf(ports, found.value));
    },
  };
}

import { explainWithheld } from '../../../shared/connect-errors';
import { keywordsOfForm, type ServerForm } from '../../../shared/contract/server-form';
import { fail, ok } from '../../../shared/result';
import {
  lockedAs,
  tunnelGatewayFor,
  type WithSavedSecrets,
  withSavedSecrets,
  writeServerSecrets,
} from '../../saved-servers/saved-servers';
import { knownHostsFiles } from '../../ssh-tunnel/tunnel-gateway';
import type { HandlerTable } from '../handler-table';
import type { AppPorts, SavedServer } from '../ports';
import type { SessionRegistry } from '../sessions';
import { formOfServer } from './server-handlers';

type ConnectionHandlers = Pick<
  HandlerTable,
  | 'connection:test'
  | 'connection:cancel-test'
  | 'connection:connect'
  | 'connection:disconnect'
  | 'connection:list'
  | 'connection:databases'
>;

/** The connection channels: Test connection, Connect, Disconnect, and the open connections. */
export function createConnectionHandlers(ports: AppPorts, sessions: SessionRegistry): ConnectionHandlers {
  const { engine, registry, vault, env } = ports;
  // A PGPASSWORD in the app's environment would apply to every server; only the dialog, the vault or a
  // password file (as in psql) supply passwords.
  const engineEnv = { ...env, PGPASSWORD: undefined };
  // The running tests that named themselves, so that Cancel can abort them.
  const running = new Map<string, AbortController>();
  const knownHosts = knownHostsFiles(ports.home, env);
  const gatewayFor = async (form: ServerForm, saved: SavedServer | null) => {
    const gateway = await tunnelGatewayFor(vault, saved, form.tunnel, form.tunnelPassword, knownHosts);
    return gateway.ok
      ? gateway
      : lockedAs(gateway.error, 'unlock the vault with the master password to use the saved tunnel password.');
  };
  const savedSecretsFor = async (server: SavedServer, keywords: Record<string, string>, form: ServerForm) => {
    const completed = await withSavedSecrets(vault, server, keywords, engineEnv, form.tunnel);
    return completed.ok
      ? completed
      : lockedAs(completed.error, 'unlock the vault with the master password to use the saved password.');
  };
  return {
    'connection:test': async ({ form, serverId, testId }) => {
      const controller = new AbortController();
      if (testId) running.set(testId, controller);
      try {
        const saved = serverId ? await registry.get(serverId) : null;
        const completed = saved?.ok
          ? await savedSecretsFor(saved.value, keywordsOfForm(form), form)
          : ok<WithSavedSecrets>({ keywords: keywordsOfForm(form), withheld: null });
        if (!completed.ok) return completed;
        const gateway = await gatewayFor(form, saved?.ok ? saved.value : null);
        if (!gateway.ok) return gateway;
        const checked = await engine.check({
          keywords: completed.value.keywords,
          env: engineEnv,
          signal: controller.signal,
          role: form.role || undefined,
          gateway: gateway.value,
          rootCertificate: completed.value.rootCertificate,
        });
        return checked.ok ? checked : { ok: false, error: explainWithheld(checked.error, completed.value.withheld) };
      } finally {
        if (testId && running.get(testId) === controller) running.delete(testId);
      }
    },
    'connection:cancel-test': async ({ testId }) => {
      const controller = running.get(testId);
      controller?.abort();
      return ok({ cancelled: controller !== undefined });
    },
    'connection:connect': async ({ id, password, savePassword }) => {
      const found = await registry.get(id);
      if (!found.ok) return found;
      const form = { ...formOfServer(found.value), password: password ?? '' };
      const completed = await savedSecretsFor(found.value, keywordsOfForm(form), form);
      if (!completed.ok) return completed;
      const gateway = await gatewayFor(form, found.value);
      if (!gateway.ok) return gateway;
      const opened = await engine.open({
        keywords: completed.value.keywords,
        env: engineEnv,
        role: found.value.role || undefined,
        gateway: gateway.value,
        rootCertificate: completed.value.rootCertificate,
      });
      if (!opened.ok) return { ok: false, error: explainWithheld(opened.error, completed.value.withheld) };
      if (password && savePassword) {
        const written = await writeServerSecrets(vault, found.value, { password }, env);
        if (!written.ok) {
          await opened.value.close();
          return fail('vault_locked', 'unlock the vault with the master password to save the password.');
        }
      }
      return ok(await sessions.add(id, opened.value));
    },
    'connection:disconnect': async ({ id }) =>
      (await sessions.close(id))
        ? ok({})
        : fail('not_connected', 'the server is not connected; nothing to disconnect.'),
    'connection:list': async () => ok(sessions.list()),
    'connection:databases': async ({ id }) => {
      const list = sessions.get(id)?.listDatabases;
      if (!list) return fail('not_connected', 'the server is not connected; connect to it to see its databases.');
      const listed = await list();
      return listed.ok ? ok({ databases: listed.value }) : listed;
    },
  };
}

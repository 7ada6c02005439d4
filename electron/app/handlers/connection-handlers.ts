import { keywordsOfForm } from '../../../shared/contract/server-form';
import { fail, ok } from '../../../shared/result';
import type { HandlerTable } from '../handler-table';
import type { AppPorts, SavedServer } from '../ports';
import type { SessionRegistry } from '../sessions';
import { endpointOf } from './saved-endpoint';
import { formOfServer, secretAddress, secretParameters } from './server-handlers';

type ConnectionHandlers = Pick<
  HandlerTable,
  'connection:test' | 'connection:cancel-test' | 'connection:connect' | 'connection:disconnect' | 'connection:list'
>;

/**
 * Adds a saved server's secrets (password, sslpassword) to a request's keywords where the request gave none, but
 * only when the request goes where they were saved for: the same host, hostaddr, port and user. Otherwise the
 * user types them again.
 */
async function withSavedSecrets(
  ports: AppPorts,
  server: SavedServer,
  keywords: Record<string, string>,
  env: Record<string, string | undefined>,
) {
  const savedFor = endpointOf(keywordsOfForm(formOfServer(server)), env);
  if (savedFor === null || endpointOf(keywords, env) !== savedFor) return ok(keywords);
  for (const field of ['password', ...secretParameters]) {
    const address = secretAddress(server.id, field);
    if (keywords[field]) continue;
    const saved = await ports.vault.hasSecret(address);
    if (!saved.ok) return saved;
    if (!saved.value) continue;
    const secret = await ports.vault.readSecret(address);
    if (!secret.ok) return fail('vault_locked', 'unlock the vault with the master password to use the saved password.');
    if (secret.value) keywords[field] = secret.value;
  }
  return ok(keywords);
}

/** The connection channels: Test connection, Connect, Disconnect, and the open connections. */
export function createConnectionHandlers(ports: AppPorts, sessions: SessionRegistry): ConnectionHandlers {
  const { engine, registry, vault, env } = ports;
  // A PGPASSWORD in the app's environment would apply to every server; only the dialog, the vault or a
  // password file (as in psql) supply passwords.
  const engineEnv = { ...env, PGPASSWORD: undefined };
  // The running tests that named themselves, so that Cancel can abort them.
  const running = new Map<string, AbortController>();
  return {
    'connection:test': async ({ form, serverId, testId }) => {
      const controller = new AbortController();
      if (testId) running.set(testId, controller);
      try {
        let keywords = keywordsOfForm(form);
        const saved = serverId ? await registry.get(serverId) : null;
        if (saved?.ok) {
          const completed = await withSavedSecrets(ports, saved.value, keywords, engineEnv);
          if (!completed.ok) return completed;
          keywords = completed.value;
        }
        return await engine.check({
          keywords,
          env: engineEnv,
          signal: controller.signal,
          role: form.role || undefined,
        });
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
      const keywords = keywordsOfForm({ ...formOfServer(found.value), password: password ?? '' });
      const completed = await withSavedSecrets(ports, found.value, keywords, engineEnv);
      if (!completed.ok) return completed;
      const opened = await engine.open({
        keywords: completed.value,
        env: engineEnv,
        role: found.value.role || undefined,
      });
      if (!opened.ok) return opened;
      if (password && savePassword) {
        const written = await vault.writeSecret(secretAddress(id, 'password'), password);
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
  };
}

import { resolveAppHome } from '../platform/app-home';
import { checkUsage, runCheck, type SavedServerLookup } from './check-run';
import type { CliCommand } from './command';

/** The Role of a saved server (pgAdmin's `SET ROLE` after connecting), or undefined. */
async function savedServerRole(env: NodeJS.ProcessEnv, nameOrId: string): Promise<string | undefined> {
  const { ServerRegistry } = await import('../registry/server-registry');
  const server = await new ServerRegistry({ folder: resolveAppHome(env) }).get(nameOrId);
  return server.ok && server.value.role ? server.value.role : undefined;
}

// The saved-server code (registry, vault, schemas, SSH tunnel) loads only for --server: a plain check stays small.
const savedServer: SavedServerLookup = async (io, nameOrId, typed, acceptHostKey) => {
  const { checkKeywords } = await import('./saved-server-keywords');
  const found = await checkKeywords(io, nameOrId, typed, acceptHostKey);
  return found.ok ? { ok: true, value: { ...found.value, role: await savedServerRole(io.env, nameOrId) } } : found;
};

/** `rdspg check [CONNINFO] [--server NAME] [--json]`: connects as psql would, or with a saved server's settings. */
export const checkCommand: CliCommand = {
  summary: 'connect as psql would and report the SSL facts of the connection',
  usage: checkUsage,
  run: (args, io) => runCheck(args, io, savedServer),
};

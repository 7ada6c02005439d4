import { execFile, spawn } from 'node:child_process';
import { checkConnection, looksLikeConninfo, parseConninfo } from '../../electron/engine';
import type { LocalPostgresCluster } from '../../electron/local-postgres/cluster';
import { type Leftovers, settledLeftovers } from './leftovers';

/** What a client made of one connection attempt: whether it connected, and whether SSL carried it. */
export interface Outcome {
  connected: boolean;
  ssl: boolean | null;
  detail: string;
}

const sslQuery = 'select ssl from pg_stat_ssl where pid = pg_backend_pid()';

/** The environment both clients get: nothing of the caller's PG* variables, a chosen HOME, and the case's own. */
export function cleanEnvironment(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C', ...extra };
}

/** Runs psql (libpq, the reference) with a conninfo and environment, without a terminal to prompt on. */
export function runPsql(conninfo: string, env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn('psql', ['-X', '-A', '-t', '-w', '-c', sslQuery, conninfo], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('close', (code) => {
      const connected = code === 0;
      resolve({ connected, ssl: connected ? out.trim() === 't' : null, detail: (connected ? out : err).trim() });
    });
  });
}

/** psql's answer to one query (its unaligned text), or `error: ` and what it printed, without its `psql: error: `. */
export function psqlAnswer(query: string, conninfo: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    execFile('psql', ['-X', '-A', '-t', '-w', '-c', query, conninfo], { env, timeout: 20_000 }, (error, out, err) =>
      resolve(error ? `error: ${err.trim().replace(/^psql: error: /, '')}` : out.trim()),
    );
  });
}

/** Runs our engine in-process with the same conninfo and environment. */
export async function runOurs(conninfo: string, env: Record<string, string>): Promise<Outcome> {
  const parsed = looksLikeConninfo(conninfo)
    ? parseConninfo(conninfo)
    : { ok: true as const, value: { dbname: conninfo } };
  if (!parsed.ok) return { connected: false, ssl: null, detail: `${parsed.error.code}: ${parsed.error.message}` };
  const result = await checkConnection({ keywords: parsed.value, env });
  if (!result.ok) return { connected: false, ssl: null, detail: `${result.error.code}: ${result.error.message}` };
  return { connected: true, ssl: result.value.ssl, detail: `${result.value.protocol ?? 'plain'}` };
}

/**
 * Runs both clients, one after the other, and returns their outcomes and what each left open on the watched
 * servers once it had finished (psql closes everything; ours must too, on every failure path).
 */
export async function compareClients(
  conninfo: string,
  env: Record<string, string>,
  watched: LocalPostgresCluster[],
): Promise<{ psql: Outcome; ours: Outcome; leftovers: { psql: Leftovers[]; ours: Leftovers[] } }> {
  const psql = await runPsql(conninfo, env);
  const afterPsql = await settledLeftovers(watched);
  const ours = await runOurs(conninfo, env);
  const afterOurs = await settledLeftovers(watched);
  return { psql, ours, leftovers: { psql: afterPsql, ours: afterOurs } };
}

import type { ConnectErrorCode } from '../../shared/connect-errors';
import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import { type Failure, fail, ok, type Result } from '../../shared/result';
import { type AttemptFailure, type AttemptResult, attemptFailed, serverFailure } from './failures';
import { isUnixSocket, openTransport, type StreamForwarder } from './negotiate';
import { lookupPassword } from './pgpass';
import { type Session, startSession } from './session';
import {
  type ConnectionSettings,
  type ConnectionTarget,
  keepaliveProblem,
  resolveSettings,
  type SettingsContext,
} from './settings';
import { simpleQuery } from './simple-query';
import { loadTlsMaterial, type RootCertificateFile, type TlsMaterial } from './tls-material';
import { sayGoodbye } from './wire';

/** What to connect to: libpq keywords (from a conninfo, a saved server, or both) and the environment to read. */
export interface ConnectRequest {
  keywords: ConnectionKeywords;
  env?: Record<string, string | undefined>;
  /** Aborting it closes the attempt's socket at once and answers `cancelled`. */
  signal?: AbortSignal;
  /** pgAdmin's Role: `SET ROLE` to it once connected (not a libpq keyword). */
  role?: string;
  /** Reaches the server through a gateway (an SSH tunnel) opened for this connection and closed with it. */
  gateway?: GatewayOpener;
  /**
   * The root certificate file as the saved-password check read it: the connection trusts those bytes instead of
   * reading the file again, so the certificates a saved password was checked against are the ones that verify.
   */
  rootCertificate?: RootCertificateFile;
  /**
   * Runs once the start-up message is sent, at each attempt: the server then authenticates and starts its backend
   * (≈ 10 ms in which this process only waits), so what the caller needs next costs no time here.
   */
  duringSignIn?: () => void;
}

/** A way to reach the servers other than direct sockets: every target's stream goes through it. */
export interface Gateway {
  forward: StreamForwarder;
  /** Closes the gateway and every stream through it. */
  close(): void;
}

/** Opens a gateway for one connection (the SSH tunnel of a saved server). */
export type GatewayOpener = (signal: AbortSignal | undefined) => Promise<Result<Gateway, ConnectErrorCode>>;

/** An open, authenticated session the engine started (no driver on it yet) and what it was opened with. */
export interface EngineSession extends Session {
  settings: ConnectionSettings;
  target: ConnectionTarget;
  startedAt: number;
  /** The gateway it was opened through, to open a second connection the same way (the query tool's cancel). */
  gateway?: GatewayOpener;
  /** The root certificate file it was given as read (ConnectRequest.rootCertificate), for a second connection. */
  rootCertificate?: RootCertificateFile;
}

type Step = 'plain' | 'tls-preferred' | 'tls-required';

/** The attempts libpq makes on one host for each sslmode, in order. */
function stepsFor(settings: ConnectionSettings): Step[] {
  switch (settings.sslmode) {
    case 'disable':
      return ['plain'];
    case 'allow':
      return ['plain', 'tls-required'];
    case 'prefer':
      return ['tls-preferred', 'plain'];
    default:
      return ['tls-required'];
  }
}

/**
 * The operating system's account (name, home folder) as libpq looks it up, from the password database. node:os is
 * loaded only when a connection needs it (≈ 0.5 ms of a plain `rdspg check` otherwise).
 */
function userInfo(): { username: string; homedir: string } {
  return process.getBuiltinModule('node:os').userInfo();
}

/** The operating system's user name, libpq's default user (RDSPG_OS_USER stands in for it in tests). */
function osUserName(env: Record<string, string | undefined>): string {
  const standIn = env.RDSPG_OS_USER;
  if (standIn) return standIn;
  try {
    return userInfo().username;
  } catch {
    return env.USER ?? 'postgres';
  }
}

/**
 * The machine facts that settle libpq's defaults, from the environment given. The user name is looked up only when a
 * connection has no user, as libpq does (a password-database lookup otherwise spent on every check).
 */
export function contextFrom(env: Record<string, string | undefined>): SettingsContext {
  let userName: string | null = null;
  return {
    env,
    homeFolder: env.HOME || (process.platform === 'win32' ? (env.USERPROFILE ?? '') : userInfo().homedir),
    get userName() {
      userName ??= osUserName(env);
      return userName;
    },
    platform: process.platform,
  };
}

/**
 * What ends one attempt early: the caller's cancel, connect_timeout, both, or nothing at all (no signal: a plain
 * `rdspg check` then sets up no abort listeners, ≈ 1 ms of its start-up).
 */
function attemptSignal(cancel: AbortSignal | undefined, timeoutMs: number | null): AbortSignal | undefined {
  const signals = [cancel, timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined].filter((one) => one !== undefined);
  return signals.length > 1 ? AbortSignal.any(signals) : signals[0];
}

async function tryTarget(
  request: ConnectRequest,
  settings: ConnectionSettings,
  target: ConnectionTarget,
  env: Record<string, string | undefined>,
  forward: StreamForwarder | undefined,
): Promise<AttemptResult<Session>> {
  const { signal: cancel, rootCertificate, duringSignIn } = request;
  const keepalive = isUnixSocket(target) ? null : keepaliveProblem(settings.keywords);
  if (keepalive) return attemptFailed({ code: 'invalid_conninfo', message: keepalive, stage: 'socket' });
  let password = settings.password;
  let passfileWarning: string | null = null;
  // An empty password is none to libpq: the password file is read then (fe-connect.c, connectOptions2).
  if (!password) {
    const found = await lookupPassword(settings.passfile, {
      host: target.host || (target.hostaddr ?? ''),
      port: target.port,
      database: settings.database,
      user: settings.user,
    });
    password = found.password;
    passfileWarning = found.warning;
  }
  let material: Promise<AttemptResult<TlsMaterial>> | null = null;
  const loadMaterial = () => {
    material ??= loadTlsMaterial(settings, env, rootCertificate).then(
      (loaded): AttemptResult<TlsMaterial> =>
        loaded.ok ? loaded : { ok: false, error: { ...loaded.error, stage: 'tls' } },
    );
    return material;
  };
  const steps = stepsFor(settings);
  let tlsProblem: AttemptFailure | null = null;
  let last: AttemptResult<Session> | null = null;
  for (const [index, step] of steps.entries()) {
    if (cancel?.aborted) return attemptFailed({ ...cancelled(), stage: 'client' });
    const signal = attemptSignal(cancel, settings.connectTimeoutMs);
    const tls = step === 'plain' ? 'none' : step === 'tls-preferred' ? 'preferred' : 'required';
    const transport = await openTransport({ target, settings, material: loadMaterial, tls, signal, forward });
    const hasNext = index + 1 < steps.length;
    if (!transport.ok) {
      last = transport;
      if (transport.error.stage === 'tls' && hasNext && settings.sslmode === 'prefer') {
        tlsProblem = transport.error;
        continue;
      }
      break;
    }
    const session = await startSession({
      settings,
      target,
      password,
      transport: transport.value,
      signal,
      duringSignIn,
    });
    last = session;
    if (session.ok) return session;
    const retry = session.error.stage === 'startup' && hasNext && !session.authenticated;
    if (
      retry &&
      ((settings.sslmode === 'allow' && transport.value.tls === null) ||
        (settings.sslmode === 'prefer' && transport.value.tls !== null))
    )
      continue;
    break;
  }
  if (last && !last.ok && tlsProblem && last.error.code === 'server_requires_ssl')
    return { ok: false, error: tlsProblem };
  // psql prints the warning when it passes over the password file; here it says why no password was found.
  if (last && !last.ok && passfileWarning && last.error.code === 'password_required') {
    const message = `${last.error.message} The password file was not read: ${passfileWarning}.`;
    return { ok: false, error: { ...last.error, message } };
  }
  return last!;
}

/** The answer when the caller aborts the attempt. */
export function cancelled(): Failure<ConnectErrorCode> {
  return { code: 'cancelled', message: 'the connection attempt was cancelled; nothing is left open. Try again.' };
}

async function sessionMatches(session: Session, attributes: string): Promise<boolean> {
  if (attributes === 'any') return true;
  const [row] = await simpleQuery(
    session,
    "select pg_is_in_recovery() as standby, current_setting('transaction_read_only') = 'on' as read_only",
  );
  const standby = row?.standby === 't';
  const readOnly = row?.read_only === 't';
  if (attributes === 'read-write') return !readOnly;
  if (attributes === 'read-only') return readOnly;
  if (attributes === 'primary') return !standby;
  return standby;
}

/** Runs pgAdmin's `SET ROLE` for a server's Role; returns the problem, or null. */
async function setRole(session: Session, role: string): Promise<string | null> {
  try {
    await simpleQuery(session, `set role "${role.replace(/"/g, '""')}"`);
    return null;
  } catch (error) {
    return `connected, but SET ROLE ${role} failed: ${(error as Error).message}. Check the Role on the Connection tab (the user must be a member of it).`;
  }
}

/** Milliseconds on a monotonic clock; `performance.now()` would load perf_hooks (≈ 1 ms of a plain check) for it. */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/**
 * Opens a session exactly as libpq would with the same keywords and environment; through the request's gateway
 * when it has one, which then closes with the session's socket, and at once when the session cannot be opened.
 */
export async function openSession(request: ConnectRequest): Promise<Result<EngineSession, ConnectErrorCode>> {
  const startedAt = monotonicMs();
  const env = request.env ?? process.env;
  const resolved = resolveSettings(request.keywords, contextFrom(env));
  if (!resolved.ok) return resolved;
  if (!request.gateway) return connectTargets(request, resolved.value, env, startedAt, undefined);
  const gateway = await request.gateway(request.signal);
  if (!gateway.ok) return request.signal?.aborted ? { ok: false, error: cancelled() } : gateway;
  const opened = await connectTargets(request, resolved.value, env, startedAt, gateway.value);
  if (!opened.ok) gateway.value.close();
  else opened.value.socket.once('close', () => gateway.value.close());
  return opened;
}

async function connectTargets(
  request: ConnectRequest,
  settings: ConnectionSettings,
  env: Record<string, string | undefined>,
  startedAt: number,
  gateway: Gateway | undefined,
): Promise<Result<EngineSession, ConnectErrorCode>> {
  const passes = settings.targetSessionAttrs === 'prefer-standby' ? ['standby', 'any'] : [settings.targetSessionAttrs];
  let lastFailure: AttemptFailure | null = null;
  for (const attributes of passes) {
    for (const target of settings.targets) {
      const attempt = await tryTarget(request, settings, target, env, gateway?.forward);
      if (request.signal?.aborted) {
        if (attempt.ok) await sayGoodbye(attempt.value.socket);
        return { ok: false, error: cancelled() };
      }
      if (!attempt.ok) {
        lastFailure = attempt.error;
        if (attempt.error.stage === 'socket') continue;
        return fail(attempt.error.code, attempt.error.message);
      }
      const matches = await sessionMatches(attempt.value, attributes).catch((error: Error) => error);
      if (matches === true) {
        const problem = request.role ? await setRole(attempt.value, request.role) : null;
        const { gateway: opener, rootCertificate } = request;
        if (!problem) return ok({ ...attempt.value, settings, target, startedAt, gateway: opener, rootCertificate });
        await sayGoodbye(attempt.value.socket);
        return fail('server_error', problem);
      }
      await sayGoodbye(attempt.value.socket);
      lastFailure =
        matches === false
          ? {
              code: 'server_error',
              message: `server ${target.host} does not match target_session_attrs=${attributes}`,
              stage: 'ready',
            }
          : serverFailure(matches, attempt.value.tls !== null, 'ready');
    }
  }
  return fail(lastFailure?.code ?? 'connection_refused', lastFailure?.message ?? 'no host to connect to');
}

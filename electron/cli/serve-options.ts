import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';
import type { Failure } from '../../shared/result';
import { isLoopbackHost } from '../platform/loopback';
import { usageFailure } from './command';

/** The usage line of `rdspg serve`. */
export const serveUsage = 'rdspg serve [--port N] [--host 127.0.0.1] [--tls-cert FILE --tls-key FILE] [--json]';

/** What `rdspg serve` was asked for, checked. */
export interface ServeOptions {
  host: string;
  port: number;
  tls?: { cert: Buffer; key: Buffer };
  /** How long a browser session lasts without a request (RDSPG_SERVE_IDLE_SECONDS; 30 minutes by default). */
  idleMs?: number;
}

/** Why `rdspg serve` will not start, with its exit status. */
export type ServeRefusal = { failure: Failure; status: number };

/** The longest idle time a session may be given: one day, so that a forgotten tab cannot stay signed in for ever. */
export const maxIdleSeconds = 86_400;

/** Reads RDSPG_SERVE_IDLE_SECONDS: unset or empty = the default; otherwise a whole number of seconds, 1 to one day. */
function readIdleSeconds(value: string | undefined): number | undefined | ServeRefusal {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (/^\s*\d+\s*$/.test(value) && seconds >= 1 && seconds <= maxIdleSeconds) return seconds;
  return {
    failure: {
      code: 'invalid_idle_seconds',
      message: `RDSPG_SERVE_IDLE_SECONDS must be a whole number of seconds from 1 to ${maxIdleSeconds}, not "${value}"; unset it for the default of 30 minutes.`,
    },
    status: 2,
  };
}

/** Checks the flags: a port, HTTPS (certificate and key together) whenever the host is not loopback, a valid pair. */
export async function readServeOptions(
  values: { host: string; port: string; 'tls-cert'?: string; 'tls-key'?: string },
  env: Record<string, string | undefined>,
): Promise<ServeOptions | ServeRefusal> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return { failure: usageFailure(serveUsage, `--port must be 0 to 65535, not "${values.port}"`), status: 2 };
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if (Boolean(certFile) !== Boolean(keyFile))
    return { failure: usageFailure(serveUsage, '--tls-cert and --tls-key go together'), status: 2 };
  if (!isLoopbackHost(values.host) && !certFile)
    return {
      failure: {
        code: 'tls_required',
        message: `serving on ${values.host} (not loopback) needs HTTPS: add --tls-cert FILE --tls-key FILE, or leave --host at 127.0.0.1.`,
      },
      status: 2,
    };
  const idle = readIdleSeconds(env.RDSPG_SERVE_IDLE_SECONDS);
  if (typeof idle === 'object') return idle;
  const idleMs = idle === undefined ? undefined : idle * 1000;
  if (!certFile || !keyFile) return { host: values.host, port, idleMs };
  let tls: { cert: Buffer; key: Buffer };
  try {
    tls = { cert: await readFile(certFile), key: await readFile(keyFile) };
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    return {
      failure: { code: 'tls_unreadable', message: `cannot read the certificate or key (${code}); check both paths.` },
      status: 1,
    };
  }
  try {
    createSecureContext(tls);
  } catch (error) {
    return {
      failure: {
        code: 'tls_invalid',
        message: `the certificate and key are not a usable PEM pair (${(error as Error).message}); give the PEM files of one certificate and its key.`,
      },
      status: 1,
    };
  }
  return { host: values.host, port, tls, idleMs };
}

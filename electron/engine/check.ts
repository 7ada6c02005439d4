import type { TLSSocket } from 'node:tls';
import type { ConnectErrorCode } from '../../shared/connect-errors';
import type { CertificateSummary, CheckReport, ConnectionFacts } from '../../shared/contract/connection';
import { fail, ok, type Result } from '../../shared/result';
import { parsedCertificate } from './certificate-cache';
import { type ConnectRequest, cancelled, type EngineSession, monotonicMs, openSession } from './connect';
import { serverFailure } from './failures';
import { sentCertificates, whenAborted } from './negotiate';
import { simpleQuery } from './simple-query';
import { sayGoodbye } from './wire';

function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

/**
 * A certificate's time (X509Certificate's `validFrom`, OpenSSL's "Dec  1 07:20:46 2026 GMT") as toISOString writes
 * it, without toISOString: its first call in a process costs ≈ 0.8 ms (V8 sets up its time-zone cache), a plain
 * check's only use of it.
 */
export function isoTime(text: string): string {
  const date = new Date(text);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `${day}T${time}.${pad(date.getUTCMilliseconds(), 3)}Z`;
}

/** Describes one certificate for the report. */
export function summarizeCertificate(der: Buffer): CertificateSummary {
  const certificate = parsedCertificate(der);
  return {
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    subjectAltNames: certificate.subjectAltName ? certificate.subjectAltName.split(', ') : [],
    notBefore: isoTime(certificate.validFrom),
    notAfter: isoTime(certificate.validTo),
    fingerprintSha256: certificate.fingerprint256,
  };
}

/** The server certificate and the chain above it, as the TLS session saw them. */
export function peerChain(tls: TLSSocket): CertificateSummary[] {
  return sentCertificates(tls).map((certificate) => summarizeCertificate(certificate.raw));
}

/**
 * The session's row of pg_stat_ssl, read from the function the view is made of (pg_stat_get_activity, for this
 * backend only): the view makes a new backend open it and its rewrite rule first, which cost the server ≈ 1.4 ms more
 * for a session's first query (psql's \timing, 60 pairs: 4.9 against 3.5 ms; `select 1` 1.6 ms). The row is always
 * there; after SET ROLE to a role without the user's privileges its SSL columns are null: the socket answers then.
 */
export const factsQuery =
  "select ssl, sslversion as version, sslcipher as cipher, current_setting('server_version') as server_version from pg_stat_get_activity(pg_backend_pid())";

/**
 * The SSL facts of an open session (before node-postgres takes it over), asked from the server (pg_stat_ssl's row for
 * this session) and the TLS socket.
 */
export async function connectionFacts(connection: EngineSession): Promise<ConnectionFacts> {
  const { tls, target, settings, startedAt } = connection;
  const asked = simpleQuery(connection, factsQuery);
  // Described while the server answers.
  const chain = connection.chain ? connection.chain.map(summarizeCertificate) : tls ? peerChain(tls) : [];
  const [row = {}] = await asked;
  return {
    ssl: row.ssl ? row.ssl === 't' : tls !== null,
    protocol: row.version ?? tls?.getProtocol() ?? null,
    cipher: row.cipher ?? tls?.getCipher().standardName ?? null,
    serverCertificate: chain[0] ?? null,
    chain,
    serverVersion: row.server_version ?? '',
    host: target.host || target.hostaddr || '',
    port: target.port,
    user: settings.user,
    database: settings.database,
    elapsedMs: Math.round((monotonicMs() - startedAt) * 10) / 10,
  };
}

/** The report of an open connection, or why the server could not give its facts. */
async function askFacts(
  connection: EngineSession,
  signal: AbortSignal | undefined,
): Promise<Result<CheckReport, ConnectErrorCode>> {
  try {
    return ok({ ok: true, ...(await connectionFacts(connection)) });
  } catch (error) {
    if (signal?.aborted) return { ok: false, error: cancelled() };
    const failure = serverFailure(error as Error, connection.tls !== null, 'ready');
    return fail(failure.code, failure.message);
  }
}

/**
 * Connects as psql would, asks the server for the session's SSL facts, and closes: the `rdspg check` report.
 * `beforeGoodbye` gets the report while the connection is still open, as psql prints its result before PQfinish: the
 * backend starts its own exit once it reads the Terminate (≈ 15 ms of a CPU here), and a caller that prints and then
 * ends its process does less of its own work beside it (a plain check: −3 ms wall, −3.6 ms CPU, 30 pairs).
 */
export async function checkConnection(
  request: ConnectRequest,
  beforeGoodbye?: (report: CheckReport) => void,
): Promise<Result<CheckReport, ConnectErrorCode>> {
  const opened = await openSession(request);
  if (!opened.ok) return opened;
  const { socket } = opened.value;
  const stop = whenAborted(request.signal, () => socket.destroy());
  const checked = await askFacts(opened.value, request.signal);
  stop();
  try {
    if (checked.ok) beforeGoodbye?.(checked.value);
  } finally {
    await sayGoodbye(socket);
  }
  return checked;
}

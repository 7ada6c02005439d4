import type { X509Certificate } from 'node:crypto';
import { lookup as lookupName } from 'node:dns';
import { connect as connectTcp, isIPv6, type LookupFunction, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as connectTls, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import { ok } from '../../shared/result';
import { parsedCertificate } from './certificate-cache';
import { readCertificateNames } from './certificate-names';
import { checkChain, prepareRoots } from './chain-check';
import { type AttemptResult, attemptFailed, socketFailure, tlsFailure } from './failures';
import { matchHostName } from './host-match';
import { isIpAddress } from './inet';
import type { ConnectionSettings, ConnectionTarget } from './settings';
import { rootCertificatesOf, secureContextFor, type TlsMaterial } from './tls-material';

/** What one attempt asks of the transport: whether to try TLS, and whether a server without TLS is fatal. */
export interface TransportRequest {
  target: ConnectionTarget;
  settings: ConnectionSettings;
  /** Reads the certificate files when TLS is about to start (libpq reads them only then). */
  material: () => Promise<AttemptResult<TlsMaterial>>;
  tls: 'none' | 'preferred' | 'required';
  /** Ends the attempt early (cancel, connect_timeout); none when nothing can. */
  signal: AbortSignal | undefined;
  /** Opens the byte stream to the target instead of a TCP socket (an SSH tunnel's forwarded channel). */
  forward?: StreamForwarder;
}

/** Opens a byte stream to a target through something else than a direct socket (a forwarded SSH channel). */
export type StreamForwarder = (
  target: ConnectionTarget,
  signal: AbortSignal | undefined,
) => Promise<AttemptResult<Duplex>>;

/**
 * Gives a forwarded stream the few socket methods node-postgres calls (no-delay, keep-alive, ref): they belong to
 * the tunnel's own TCP connection, so on the stream they do nothing.
 */
function socketLike(stream: Duplex): Socket {
  const methods = { setNoDelay: () => stream, setKeepAlive: () => stream, ref: () => stream, unref: () => stream };
  for (const [name, method] of Object.entries(methods))
    if (typeof (stream as unknown as Record<string, unknown>)[name] !== 'function')
      Object.assign(stream, { [name]: method });
  return stream as Socket;
}

/** An open connection to the server, before the start-up message: plain or TLS. */
export interface Transport {
  socket: Socket | TLSSocket;
  tls: TLSSocket | null;
  /** The TCP or Unix socket itself (under the TLS socket when there is one). */
  wire: Socket;
  /** The certificate path chain-check.ts verified (DER, the server's first, the trusted root last), or null. */
  chain?: Buffer[] | null;
}

/** Closes a transport at once, TLS socket and the socket under it, without waiting for the server (as libpq). */
export function closeTransport(transport: Transport, error?: Error): void {
  transport.socket.destroy(error);
  transport.wire.destroy();
}

type TransportResult = AttemptResult<Transport>;

const sslRequest = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/** True when the target is reached through a Unix-domain socket, where libpq never uses SSL. */
export function isUnixSocket(target: ConnectionTarget): boolean {
  return target.hostaddr === null && (target.host.startsWith('/') || target.host.startsWith('@'));
}

/** Describes the target the way libpq's messages do. */
export function describeTarget(target: ConnectionTarget): string {
  if (isUnixSocket(target)) return `"${target.host}/.s.PGSQL.${target.port}"`;
  const address = target.hostaddr && target.hostaddr !== target.host ? ` (${target.hostaddr})` : '';
  return `at "${target.host || target.hostaddr}"${address}, port ${target.port}`;
}

/** Runs `action` once when the signal aborts (at once if it already has); returns what stops listening. */
export function whenAborted(signal: AbortSignal | undefined, action: () => void): () => void {
  if (!signal) return () => undefined;
  if (signal.aborted) {
    action();
    return () => undefined;
  }
  signal.addEventListener('abort', action, { once: true });
  return () => signal.removeEventListener('abort', action);
}

/** The error an attempt's time-out (or cancellation) closes its socket with. */
export const timeoutError = () => Object.assign(new Error('timeout expired'), { code: 'ETIMEDOUT' });

let hostNameCheckCompiled = false;

/**
 * Node checks every host name against its IPv6 pattern (net.connect, dns.lookup; our inet.ts too). V8 compiles a
 * pattern for its regexp interpreter on first use and again to machine code on the second; for that long pattern the
 * two cost a plain `rdspg check` ≈ 5 ms. A first subject of 1,000 characters or more makes V8 compile straight to
 * machine code (≈ 1.5 ms; v8/src/regexp/regexp.cc, JSRegExp::kTierUpForSubjectLengthValue): so once per process, a
 * long string goes first through the same function.
 */
function compileHostNameCheck(): void {
  if (hostNameCheckCompiled) return;
  hostNameCheckCompiled = true;
  isIPv6('0'.repeat(1000));
}

/**
 * A host name's addresses as libpq asks for them: getaddrinfo with no flags (seen with an LD_PRELOAD shim: psql 15
 * passes 0). net.connect alone adds AI_ADDRCONFIG, which drops a family the machine has no address of besides
 * loopback: ::1 for `localhost` on a host without IPv6, where psql still tries it.
 */
const lookupAsLibpq: LookupFunction = (hostname, options, callback) =>
  lookupName(hostname, { ...options, hints: 0 }, (error, address, family) => callback(error, address, family));

/**
 * Opens the attempt's socket (or forwarded stream); `connected` runs on it at once, inside the connect event, before
 * any promise settles: the SSLRequest goes out there, ≈ 0.5 ms sooner than after the awaits (a check's timeline,
 * medians of 21 runs), and the server starts its backend that much sooner.
 */
async function openSocket(
  request: TransportRequest,
  connected: (socket: Socket) => void,
): Promise<AttemptResult<Socket>> {
  const { target, signal } = request;
  if (request.forward) {
    const forwarded = await request.forward(target, signal);
    if (!forwarded.ok) return forwarded;
    const stream = socketLike(forwarded.value);
    connected(stream);
    return ok(stream);
  }
  if (!isUnixSocket(target)) compileHostNameCheck();
  return await new Promise((resolve) => {
    const socket = isUnixSocket(target)
      ? connectTcp({ path: `${target.host}/.s.PGSQL.${target.port}` })
      : connectTcp({
          host: target.hostaddr ?? target.host,
          port: target.port,
          autoSelectFamily: true,
          lookup: lookupAsLibpq,
        });
    const stop = whenAborted(signal, () => socket.destroy(timeoutError()));
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      stop();
      socket.setNoDelay(true);
      connected(socket);
      resolve(ok(socket));
    });
    socket.once('error', (error) => {
      stop();
      socket.destroy();
      resolve(attemptFailed(socketFailure(error, describeTarget(target))));
    });
  });
}

function readSslResponse(socket: Socket, signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    let stop: () => void = () => undefined;
    const finish = (answer: string) => {
      socket.removeListener('data', onData);
      socket.removeListener('error', onEnd);
      socket.removeListener('close', onEnd);
      stop();
      socket.pause();
      resolve(answer);
    };
    const onData = (chunk: Buffer) =>
      finish(
        chunk.length === 1 ? chunk.toString('latin1') : chunk.subarray(0, 1).toString('latin1') === 'E' ? 'E' : 'extra',
      );
    const onEnd = () => finish('closed');
    socket.on('data', onData);
    socket.once('error', onEnd);
    socket.once('close', onEnd);
    stop = whenAborted(signal, onEnd);
    socket.write(sslRequest);
  });
}

/** Who checks the server's chain: chain-check.ts on a context without CA (then OpenSSL if it is unsure), or OpenSSL. */
type Verifier = 'chain-check' | 'openssl';

/** Whether the context gets the root file: OpenSSL verifies, or it must check CRLs (chain-check.ts does not). */
function contextHasRoots(material: TlsMaterial, verifier: Verifier): boolean {
  return material.verification !== 'none' && (verifier === 'openssl' || material.crl !== null);
}

function hostnameMismatch(error: Error & { names?: string[] }): TransportResult {
  const names = error.names?.length ? ` The certificate names: ${[...new Set(error.names)].join(', ')}.` : '';
  return attemptFailed({
    code: 'hostname_mismatch',
    message: `${error.message}.${names} Connect with the host name the certificate protects (for RDS: the protected endpoint), or use sslmode=verify-ca.`,
    stage: 'tls',
  });
}

/** The host-name check of verify-full (libpq's rules), as an error for the failure path, or undefined. */
function checkHost(
  material: TlsMaterial,
  host: string,
  certificate: Buffer,
): (Error & { names: string[] }) | undefined {
  if (material.verification !== 'chain-and-host') return undefined;
  const match = matchHostName(readCertificateNames(certificate), host);
  return match.matches
    ? undefined
    : Object.assign(new Error(match.reason), { code: 'RDSPG_HOSTNAME_MISMATCH', names: match.names });
}

/** The certificates the server sent, its own first (Node links them by issuer; with a CA, up to the trusted root). */
export function sentCertificates(tls: TLSSocket): X509Certificate[] {
  const sent: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: DetailedPeerCertificate | undefined = tls.getPeerCertificate(true);
  while (current?.raw && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    sent.push(parsedCertificate(current.raw));
    current = current.issuerCertificate;
  }
  return sent;
}

async function handshake(
  socket: Socket,
  request: TransportRequest,
  direct: boolean,
  verifier: Verifier,
): Promise<TransportResult | 'ask-openssl'> {
  const loaded = await request.material();
  if (!loaded.ok || request.signal?.aborted) {
    socket.destroy();
    return loaded.ok ? attemptFailed(socketFailure(timeoutError(), describeTarget(request.target))) : loaded;
  }
  const material = loaded.value;
  const { target, settings } = request;
  const roots = contextHasRoots(material, verifier);
  const quick = material.verification !== 'none' && !roots;
  const sendSni = settings.sslsni && target.host !== '' && !isIpAddress(target.host) && !isUnixSocket(target);
  return new Promise((resolve) => {
    const tls = connectTls({
      socket,
      servername: sendSni ? target.host : undefined,
      secureContext: secureContextFor(material, settings.minProtocol, settings.maxProtocol, roots),
      rejectUnauthorized: roots,
      checkServerIdentity: (_name, certificate) => checkHost(material, target.host, certificate.raw),
      ALPNProtocols: direct ? ['postgresql'] : undefined,
    });
    const close = () => {
      tls.destroy();
      socket.destroy();
    };
    // The ClientHello is on its way: the roots' facts are worked out while the server answers it.
    if (quick) prepareRoots(rootCertificatesOf(material));
    const stop = whenAborted(request.signal, () => tls.destroy(timeoutError()));
    tls.once('secureConnect', () => {
      stop();
      tls.removeAllListeners('error');
      if (!quick) return resolve(ok({ socket: tls, tls, wire: socket, chain: null }));
      const path = checkChain(sentCertificates(tls), rootCertificatesOf(material));
      if (path === null) {
        close();
        return resolve('ask-openssl');
      }
      const mismatch = checkHost(material, target.host, path[0]!.raw);
      if (mismatch) {
        close();
        return resolve(hostnameMismatch(mismatch));
      }
      resolve(ok({ socket: tls, tls, wire: socket, chain: path.map((certificate) => certificate.raw) }));
    });
    tls.once('error', (error: Error & { code?: string; names?: string[] }) => {
      stop();
      close();
      if (error.code === 'ETIMEDOUT') resolve(attemptFailed(socketFailure(error, describeTarget(target))));
      // Any other failure without OpenSSL's verdict on the chain: OpenSSL's attempt gives libpq's message and order.
      else if (quick) resolve('ask-openssl');
      else if (error.code === 'RDSPG_HOSTNAME_MISMATCH') resolve(hostnameMismatch(error));
      else resolve(attemptFailed(tlsFailure(error, material.rootCertificatePath)));
    });
  });
}

/**
 * Builds the attempt's TLS context while the server starts its backend to answer the SSLRequest (≈ 5 ms here in which
 * this process only waits): building one can be tens of milliseconds of CPU, the first time. Not earlier: before the
 * socket opens, the files' reads wait behind the name lookup, or (read at once) the build runs beside the lookup, which
 * then takes longer. Whatever is wrong with the files is reported when TLS starts, where libpq reads them (the
 * handshake asks again, from the cache).
 */
function prepareSecureContext(request: TransportRequest, verifier: Verifier): void {
  void request.material().then((loaded) => {
    if (!loaded.ok || request.signal?.aborted) return;
    const { minProtocol, maxProtocol } = request.settings;
    try {
      secureContextFor(loaded.value, minProtocol, maxProtocol, contextHasRoots(loaded.value, verifier));
    } catch {
      // The handshake builds it again and reports the same problem at the moment libpq would.
    }
  });
}

/** Opens the transport for one attempt: TCP or Unix socket, then SSLRequest (or direct TLS) and the handshake. */
export async function openTransport(request: TransportRequest): Promise<TransportResult> {
  const answer = await openTransportWith(request, 'chain-check');
  // chain-check.ts could not vouch for the chain (or the handshake failed before it could): connect again and let
  // OpenSSL decide with the root file, as libpq does.
  return answer === 'ask-openssl' ? ((await openTransportWith(request, 'openssl')) as TransportResult) : answer;
}

async function openTransportWith(
  request: TransportRequest,
  verifier: Verifier,
): Promise<TransportResult | 'ask-openssl'> {
  const plain = request.tls === 'none' || isUnixSocket(request.target);
  const direct = request.settings.sslnegotiation === 'direct';
  // Set in the connect event: the SSLRequest is sent and its answer awaited from there.
  let answered: Promise<string> | undefined;
  const opened = await openSocket(request, (socket) => {
    if (!plain && !direct) answered = readSslResponse(socket, request.signal);
  });
  if (!opened.ok) return opened;
  const socket = opened.value;
  if (plain) return ok({ socket, tls: null, wire: socket });
  if (direct) return handshake(socket, request, true, verifier);
  prepareSecureContext(request, verifier);
  const answer = await answered!;
  if (answer === 'S') return handshake(socket, request, false, verifier);
  if (answer === 'N' && request.tls === 'preferred') {
    socket.resume();
    return ok({ socket, tls: null, wire: socket });
  }
  socket.destroy();
  if (answer === 'N') {
    return attemptFailed({
      code: 'server_ssl_unsupported',
      message: `server ${describeTarget(request.target)} does not support SSL, but SSL was required (sslmode=${request.settings.sslmode}). Enable SSL on the server (for RDS: Data Security > SSL) or lower sslmode.`,
      stage: 'tls',
    });
  }
  if (answer === 'closed' && request.signal?.aborted)
    return attemptFailed(socketFailure(timeoutError(), describeTarget(request.target)));
  return attemptFailed({
    code: 'tls_handshake_failed',
    message: `received invalid response to SSL negotiation from server ${describeTarget(request.target)} (${answer})`,
    stage: 'tls',
  });
}

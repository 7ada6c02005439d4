import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { commonErrorCodes } from '../../shared/contract/channel';
import { maxUploadBytes } from '../../shared/contract/files';
import { type ServerModeErrorCode, sessionHeader, signInPath, signOutPath } from '../../shared/contract/server-mode';
import { type BugLog, dispatch, type HandlerTable } from '../app/handler-table';
import { decodePath, jsonTooDeep, maxJsonDepth } from './request-limits';
import { allowedHosts, certificateNames, refusal, securityHeaders } from './security';
import { SignInGate, sessionDigest } from './sign-in';
import { sendStaticFile } from './static-files';

/** What server mode serves and where. */
export interface AppServerOptions {
  table: HandlerTable;
  /** The built UI (dist/renderer). */
  staticRoot: string;
  host: string;
  port: number;
  /** How long a session lasts without a request (ms); 30 minutes when not given. */
  idleMs?: number;
  /** A certificate and key (PEM): serve HTTPS instead of HTTP. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** The clock of session idle times (tests); Date.now when not given. */
  now?: () => number;
  /** Called when a browser signs out: server mode locks the vault then, as the desktop app's Lock does. */
  onSignOut?: () => Promise<void>;
  /** Called with the next sign-in URL each time one is used. */
  onSignInUrl?: (url: string) => void;
  logBug?: BugLog;
}

/** A running server-mode HTTP server. */
export interface RunningAppServer {
  server: Server;
  /** The URL to open: the one-time token travels in the fragment, which the browser never sends to a server. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** The largest request body: an upload of the largest certificate file in base64, plus its file name. */
const maxBodyBytes = Math.ceil(maxUploadBytes / 3) * 4 + 4096;

/** Channel failures that mean "too large" and are answered with HTTP 413. */
const tooLargeCodes = new Set(['file_too_large', 'upload_quota_exceeded']);

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(value));
}

/** The codes this layer answers with: its own, the common ones, and an upload's own "too large". */
type HttpFailureCode = ServerModeErrorCode | (typeof commonErrorCodes)[number] | 'file_too_large';

function sendFailure(response: ServerResponse, status: number, code: HttpFailureCode, message: string): void {
  sendJson(response, status, { ok: false, error: { code, message } });
}

/** Reads the body; null when it is larger than the bound (the rest is drained, within reason, so the answer arrives). */
async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes * 4) request.destroy();
    if (size <= maxBodyBytes) chunks.push(chunk as Buffer);
  }
  return size > maxBodyBytes ? null : Buffer.concat(chunks).toString('utf8');
}

/** Reads a JSON body, or answers the coded failure itself and gives null. */
async function readJson(request: IncomingMessage, response: ServerResponse, channel: string): Promise<unknown> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    sendFailure(response, 415, 'invalid_request', 'the API takes application/json only.');
    return undefined;
  }
  const body = await readBody(request);
  if (body === null) {
    const upload = channel === 'files:upload';
    sendFailure(
      response,
      413,
      upload ? 'file_too_large' : 'request_too_large',
      upload
        ? 'the file is larger than 4 MB; choose the certificate file itself.'
        : 'the request is too large; send less at once.',
    );
    return undefined;
  }
  if (jsonTooDeep(body)) {
    sendFailure(
      response,
      400,
      'invalid_request',
      `the request nests deeper than ${maxJsonDepth} levels; send it flat.`,
    );
    return undefined;
  }
  try {
    return body === '' ? {} : JSON.parse(body);
  } catch {
    sendFailure(response, 400, 'invalid_request', 'the request is not JSON; reload the page.');
    return undefined;
  }
}

/** Starts server mode: the built UI, and the handler table behind a one-time sign-in, a session header, Host and Origin checks. */
export async function startAppServer(options: AppServerOptions): Promise<RunningAppServer> {
  const root = resolve(options.staticRoot);
  const scheme = options.tls ? 'https' : 'http';
  let hosts = new Set<string>();
  let origin = '';
  const gate = new SignInGate({
    idleMs: options.idleMs,
    now: options.now,
    onNextToken: (token) => options.onSignInUrl?.(`${origin}/#token=${token}`),
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refused = refusal(request, hosts, scheme);
    if (refused) return sendFailure(response, refused.status, 'invalid_request', `refused: ${refused.reason}`);
    const path = decodePath(new URL(request.url ?? '/', 'http://server.invalid').pathname);
    if (path === null) return sendFailure(response, 400, 'invalid_request', 'the path has a malformed %-escape.');
    const secret = request.headers[sessionHeader];
    const session = typeof secret === 'string' ? secret : undefined;
    const isPost = request.method === 'POST';
    if (path === signInPath && isPost) {
      const payload = await readJson(request, response, '');
      if (payload === undefined) return;
      const created = gate.signIn((payload as { token?: unknown } | null)?.token);
      if (created) return sendJson(response, 200, { ok: true, value: { session: created } });
      return sendFailure(
        response,
        401,
        'sign_in_link_invalid',
        'this sign-in link was already used or is not valid; open the newest URL that rdspg serve printed.',
      );
    }
    if (path === signOutPath && isPost) {
      const signedOut = gate.signOut(session);
      if (signedOut) await options.onSignOut?.();
      return sendJson(response, 200, { ok: true, value: { signedOut } });
    }
    if (path.startsWith('/api/')) {
      if (!isPost) return sendFailure(response, 405, 'invalid_request', 'the API takes POST only.');
      if (!gate.touch(session))
        return sendFailure(
          response,
          401,
          'session_ended',
          'the session has ended (signed out, or idle too long); open the newest URL that rdspg serve printed.',
        );
      const channel = path.slice(5);
      const payload = await readJson(request, response, channel);
      if (payload === undefined) return;
      const caller = { session: `server:${sessionDigest(session ?? '')}` };
      const answer = (await dispatch(options.table, channel, payload, options.logBug, caller)) as {
        ok: boolean;
        error?: { code: string };
      };
      gate.refresh(session);
      return sendJson(response, !answer.ok && tooLargeCodes.has(answer.error?.code ?? '') ? 413 : 200, answer);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendFailure(response, 405, 'invalid_request', 'method not allowed.');
    if (await sendStaticFile(root, path, response, securityHeaders)) return;
    if (!path.startsWith('/assets/') && (await sendStaticFile(root, '/', response, securityHeaders))) return;
    sendFailure(response, 404, 'invalid_request', 'not found.');
  }

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error) => {
      options.logBug?.('http', error);
      if (!response.headersSent) sendFailure(response, 500, 'internal_error', 'internal error; see the terminal.');
      else response.end();
    });
  };
  const server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => done());
  });
  const port = (server.address() as AddressInfo).port;
  const names = options.tls ? certificateNames(options.tls.cert) : [];
  hosts = allowedHosts(options.host, port, names);
  const wildcard = options.host === '0.0.0.0' || options.host === '::';
  const hostName = wildcard && names[0] ? names[0] : options.host.includes(':') ? `[${options.host}]` : options.host;
  origin = `${scheme}://${hostName}:${port}`;
  return {
    server,
    url: `${origin}/#token=${gate.currentToken()}`,
    origin,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

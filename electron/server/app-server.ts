import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { maxUploadBytes } from '../../shared/contract/files';
import { type BugLog, dispatch, type HandlerTable } from '../app/handler-table';
import { allowedHosts, readCookie, refusal, sameSecret, securityHeaders, sessionCookieName } from './security';
import { sendStaticFile } from './static-files';

/** What server mode serves and where. */
export interface AppServerOptions {
  table: HandlerTable;
  /** The built UI (dist/renderer). */
  staticRoot: string;
  host: string;
  port: number;
  /** The one-time secret of the printed URL; random when not given. */
  token?: string;
  logBug?: BugLog;
}

/** A running server-mode HTTP server. */
export interface RunningAppServer {
  server: Server;
  /** The URL to open, with the token. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

const maxBodyBytes = Math.ceil(maxUploadBytes * 1.4) + 64 * 1024;

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(`${text}\n`);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts server mode: the built UI and the handler table over HTTP, behind a token, a cookie, Host and Origin checks. */
export async function startAppServer(options: AppServerOptions): Promise<RunningAppServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const session = randomBytes(32).toString('base64url');
  const root = resolve(options.staticRoot);
  let hosts = new Set<string>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refused = refusal(request, hosts);
    if (refused) return sendText(response, refused.status, `refused: ${refused.reason}`);
    const url = new URL(request.url ?? '/', 'http://server.invalid');
    if (request.method === 'GET' && url.searchParams.has('token')) {
      if (!sameSecret(url.searchParams.get('token'), token))
        return sendText(response, 403, 'this link is not valid; open the URL that rdspg serve printed.');
      response.writeHead(303, {
        ...securityHeaders,
        'Set-Cookie': `${sessionCookieName}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
        'Cache-Control': 'no-store',
      });
      return void response.end();
    }
    if (!sameSecret(readCookie(request, sessionCookieName), session))
      return sendText(response, 401, 'not signed in: open the URL (with its token) that rdspg serve printed.');
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return sendText(response, 405, 'the API takes POST only');
      if (!(request.headers['content-type'] ?? '').startsWith('application/json'))
        return sendText(response, 415, 'the API takes application/json only');
      const body = await readBody(request);
      if (body === null) return sendText(response, 413, 'the request is too large');
      let payload: unknown;
      try {
        payload = body === '' ? {} : JSON.parse(body);
      } catch {
        return sendJson(response, 200, {
          ok: false,
          error: { code: 'invalid_request', message: 'the request is not JSON.' },
        });
      }
      return sendJson(response, 200, await dispatch(options.table, url.pathname.slice(5), payload, options.logBug));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'method not allowed');
    if (await sendStaticFile(root, url.pathname, response, securityHeaders)) return;
    if (!url.pathname.startsWith('/assets/') && (await sendStaticFile(root, '/', response, securityHeaders))) return;
    sendText(response, 404, 'not found');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      options.logBug?.('http', error);
      if (!response.headersSent) sendText(response, 500, 'internal error');
      else response.end();
    });
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => done());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(options.host, port);
  const hostName = options.host.includes(':') ? `[${options.host}]` : options.host;
  const origin = `http://${hostName}:${port}`;
  return {
    server,
    url: `${origin}/?token=${token}`,
    origin,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

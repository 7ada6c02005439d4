// The app:// scheme the window loads the UI from instead of file://: only the files of the built renderer, each
// answer with the Content-Security-Policy header. No Electron import, so the handler runs under plain Node too.
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { securityHeaders } from '../server/security';
import { contentTypeOf } from '../server/static-files';

/** The scheme of the UI. */
export const appScheme = 'app';

/** The one host the scheme answers to. */
export const appHost = 'rdspg';

/** The URL of the UI's page in the window. */
export const appPageUrl = `${appScheme}://${appHost}/index.html`;

/**
 * The scheme's privileges: standard (an origin, so 'self' and relative URLs work), secure (a secure context) and
 * fetch (module scripts and fetch). Not corsEnabled or bypassCSP: other origins stay unable to read it, and the CSP holds.
 */
export const appSchemeRegistration = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Where a request goes: a file under the renderer folder, or a refusal with its status. */
export type AppTarget = { path: string } | { status: 400 | 403; reason: string };

/** Maps an app:// URL to a file under the renderer folder; refuses other hosts, other schemes and path traversal. */
export function resolveAppPath(url: string, rendererRoot: string): AppTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 400, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return { status: 403, reason: 'unknown host' };
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 400, reason: 'malformed path' };
  }
  if (relative === '/') relative = '/index.html';
  const root = resolve(rendererRoot);
  const path = resolve(root, relative.slice(1));
  if (relative.includes('\0') || relative.includes('\\') || !path.startsWith(root + sep))
    return { status: 403, reason: 'outside the app' };
  return { path };
}

function answer(status: number, body: string | Buffer | null, contentType: string): Response {
  return new Response(body, { status, headers: { ...securityHeaders, 'Content-Type': contentType } });
}

/** Answers one request of the app:// scheme (protocol.handle's handler); every answer carries the CSP header. */
export async function answerAppRequest(request: Request, rendererRoot: string): Promise<Response> {
  const text = 'text/plain; charset=utf-8';
  if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'method not allowed', text);
  const target = resolveAppPath(request.url, rendererRoot);
  if ('status' in target) return answer(target.status, target.reason, text);
  let body: Buffer;
  try {
    body = await readFile(target.path);
  } catch {
    return answer(404, 'not found', text);
  }
  return answer(200, request.method === 'HEAD' ? null : body, contentTypeOf(target.path));
}

import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** The Content-Type of a file of the built UI, from its extension. */
export function contentTypeOf(path: string): string {
  return contentTypes[extname(path)] ?? 'application/octet-stream';
}

/** Sends a file of the built UI (`path` already %-decoded); false when there is no such file under the root. */
export async function sendStaticFile(
  root: string,
  path: string,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<boolean> {
  const relative = normalize(path === '/' ? '/index.html' : path).replace(/^([/\\])+/, '');
  const file = join(root, relative);
  if (relative.startsWith('..') || !file.startsWith(root + sep)) return false;
  try {
    if (!(await stat(file)).isFile()) return false;
    const body = await readFile(file);
    const immutable = relative.startsWith(`assets${sep}`);
    response.writeHead(200, {
      ...headers,
      'Content-Type': contentTypeOf(file),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-store',
      'Content-Length': body.length,
    });
    response.end(body);
    return true;
  } catch {
    return false;
  }
}

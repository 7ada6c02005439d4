import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/app/create-handlers';
import { type RunningAppServer, startAppServer } from '../../../electron/server/app-server';
import { createHttpBridge } from '../../../renderer/api/http-bridge';
import { testPorts } from './app-ports';

let home: string;
let running: RunningAppServer;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that Host, Origin and Cookie are exactly what an attacker's page could send. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const url = new URL(running.origin);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: url.host, ...options.headers },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

let cookie = '';

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdspg-app-server-'));
  const staticRoot = join(home, 'renderer');
  await mkdir(join(staticRoot, 'assets'), { recursive: true });
  await writeFile(join(staticRoot, 'index.html'), '<!doctype html><title>RDS PG Connect</title>');
  await writeFile(join(staticRoot, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(home, 'secret.txt'), 'do not serve');
  running = await startAppServer({
    table: createHandlers(testPorts(home)).table,
    staticRoot,
    host: '127.0.0.1',
    port: 0,
  });
});

afterAll(async () => {
  await running?.close();
  await rm(home, { recursive: true, force: true });
});

describe('rdspg serve over HTTP', () => {
  it('prints a loopback URL with a token; the token becomes an HttpOnly SameSite=Strict cookie and leaves the URL', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const wrong = await send('/?token=guess');
    expect(wrong.status).toBe(403);
    const first = await send(new URL(running.url).pathname + new URL(running.url).search);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/^rdspg_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    cookie = setCookie.split(';')[0]!;
    expect(cookie).not.toContain(new URL(running.url).searchParams.get('token'));
  });

  it('serves the UI only with the cookie, with CSP and no CORS', async () => {
    expect((await send('/')).status).toBe(401);
    const page = await send('/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('RDS PG Connect');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const preflight = await send('/api/vault:status', {
      method: 'OPTIONS',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect((await send('/assets/app.js', { headers: { cookie } })).body).toBe('console.log(1)');
    expect((await send('/../secret.txt', { headers: { cookie } })).body).not.toContain('do not serve');
    expect((await send('/%2e%2e/secret.txt', { headers: { cookie } })).body).not.toContain('do not serve');
  });

  it('refuses a foreign Host (DNS rebinding), a foreign Origin, a missing Origin and non-JSON bodies', async () => {
    const origin = running.origin;
    const json = { 'content-type': 'application/json', cookie };
    const post = (headers: Record<string, string>) =>
      send('/api/vault:status', { method: 'POST', headers, body: '{}' });
    expect((await post({ ...json, origin, host: `rebind.example:${new URL(origin).port}` })).status).toBe(421);
    expect((await post({ ...json, origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(json)).status).toBe(403);
    expect((await post({ ...json, origin, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post({ 'content-type': 'application/json', origin })).status).toBe(401);
    const fine = await post({ ...json, origin });
    expect(fine.status).toBe(200);
    expect(JSON.parse(fine.body)).toMatchObject({ ok: true, value: { initialized: false } });
  });

  it('the renderer’s HTTP client implements the same API as the preload', async () => {
    const bridge = createHttpBridge((input, init) =>
      fetch(new URL(String(input), running.origin), {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), cookie, origin: running.origin },
      }),
    );
    expect(await bridge.api['vault:setup']({ password: 'master password 1', remember: false })).toMatchObject({
      ok: true,
      value: { unlocked: true },
    });
    expect(await bridge.api['servers:list']({})).toEqual({
      ok: true,
      value: { groups: expect.any(Array), servers: [] },
    });
    const invalid = await bridge.api['servers:delete']({ id: '' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const signedOut = createHttpBridge((input, init) =>
      fetch(new URL(String(input), running.origin), {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), origin: running.origin },
      }),
    );
    expect(await signedOut.api['vault:status']({})).toMatchObject({
      ok: false,
      error: { code: 'backend_unreachable' },
    });
  });
});

import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/app/create-handlers';
import { uploadFolder } from '../../../electron/app/handlers/file-handlers';
import { type RunningAppServer, startAppServer } from '../../../electron/server/app-server';
import { createHttpBridge } from '../../../renderer/api/http-bridge';
import { createServerSession } from '../../../renderer/api/server-session';
import { blankServerForm } from '../../../shared/contract/server-form';
import { testPorts } from './app-ports';

let home: string;
let staticRoot: string;
let running: RunningAppServer;
let now = 1_000_000;
const idleMs = 60_000;
const nextUrls: string[] = [];

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so that Host, Origin and Cookie are exactly what an attacker's page could send. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; server?: RunningAppServer } = {},
): Promise<Reply> {
  const url = new URL((options.server ?? running).origin);
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

/** POSTs JSON from the app's own origin, as the page does. */
function post(path: string, body: unknown, headers: Record<string, string> = {}, server = running) {
  return send(path, {
    method: 'POST',
    server,
    headers: { 'content-type': 'application/json', origin: server.origin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Signs in with a token; the session secret, or null. */
async function signIn(token: string, server = running): Promise<string | null> {
  const reply = await post('/session/sign-in', { token }, {}, server);
  return reply.status === 200 ? JSON.parse(reply.body).value.session : null;
}

const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdspg-app-server-'));
  staticRoot = join(home, 'renderer');
  await mkdir(join(staticRoot, 'assets'), { recursive: true });
  await writeFile(join(staticRoot, 'index.html'), '<!doctype html><title>RDS PG Connect</title>');
  await writeFile(join(staticRoot, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(home, 'secret.txt'), 'do not serve');
  const ports = testPorts(home);
  running = await startAppServer({
    table: createHandlers({ ...ports, env: { ...ports.env, RDSPG_UPLOADS_QUOTA_BYTES: String(100_000) } }).table,
    staticRoot,
    host: '127.0.0.1',
    port: 0,
    idleMs,
    now: () => now,
    onSignInUrl: (url) => nextUrls.push(url),
  });
});

afterAll(async () => {
  await running?.close();
  await rm(home, { recursive: true, force: true });
});

let session = '';

describe('rdspg serve: signing in', () => {
  it('prints a loopback URL whose one-time token (in the fragment) buys one session secret, never a cookie', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
    const wrong = await post('/session/sign-in', { token: 'guess' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'sign_in_link_invalid' } });
    const first = await post('/session/sign-in', { token: tokenOf(running.url) });
    expect(first.status).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    session = JSON.parse(first.body).value.session;
    expect(session).toMatch(/^[\w-]{40,}$/);
    const again = await post('/session/sign-in', { token: tokenOf(running.url) });
    expect(again.status).toBe(401);
    expect(nextUrls).toHaveLength(1);
    expect(tokenOf(nextUrls[0] ?? '')).not.toBe(tokenOf(running.url));
  });

  it('the API answers the session header only; a cookie or a missing header gets a coded 401', async () => {
    const fine = await post('/api/vault:status', {}, { 'x-rdspg-session': session });
    expect(fine.status).toBe(200);
    expect(JSON.parse(fine.body)).toMatchObject({ ok: true, value: { initialized: false } });
    const attempts: Record<string, string>[] = [
      {},
      { cookie: `rdspg_session=${session}` },
      { 'x-rdspg-session': 'guess' },
    ];
    for (const headers of attempts) {
      const refused = await post('/api/vault:status', {}, headers);
      expect(refused.status).toBe(401);
      expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'session_ended' } });
    }
  });

  it('a session ends after the idle time, and on sign-out', async () => {
    const idle = await signIn(tokenOf(nextUrls[0] ?? ''));
    now += idleMs - 1;
    expect((await post('/api/vault:status', {}, { 'x-rdspg-session': session })).status).toBe(200);
    now += idleMs + 1;
    expect((await post('/api/vault:status', {}, { 'x-rdspg-session': idle ?? '' })).status).toBe(401);
    session = (await signIn(tokenOf(nextUrls[1] ?? ''))) ?? '';
    const other = (await signIn(tokenOf(nextUrls[2] ?? ''))) ?? '';
    expect((await post('/session/sign-out', {}, { 'x-rdspg-session': other })).status).toBe(200);
    expect((await post('/api/vault:status', {}, { 'x-rdspg-session': other })).status).toBe(401);
    expect((await post('/api/vault:status', {}, { 'x-rdspg-session': session })).status).toBe(200);
  });

  it('serves the UI with CSP and no CORS, and nothing outside it', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('RDS PG Connect');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const preflight = await send('/api/vault:status', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect((await send('/assets/app.js')).body).toBe('console.log(1)');
    expect((await send('/../secret.txt')).body).not.toContain('do not serve');
    expect((await send('/%2e%2e/secret.txt')).body).not.toContain('do not serve');
  });

  it('refuses a foreign Host (DNS rebinding), a foreign Origin, a missing Origin and non-JSON bodies', async () => {
    const origin = running.origin;
    const headers = { 'content-type': 'application/json', 'x-rdspg-session': session };
    const raw = (extra: Record<string, string>) =>
      send('/api/vault:status', { method: 'POST', headers: { ...headers, ...extra }, body: '{}' });
    expect((await raw({ origin, host: `rebind.example:${new URL(origin).port}` })).status).toBe(421);
    expect((await raw({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await raw({})).status).toBe(403);
    expect((await raw({ origin, 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('the renderer’s HTTP client signs in with the token and implements the same API as the preload', async () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    };
    const pageFetch: typeof fetch = (input, init) =>
      fetch(new URL(String(input), running.origin), {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), origin: running.origin },
      });
    const ends: string[] = [];
    const pageSession = createServerSession(pageFetch, storage, tokenOf(nextUrls.at(-1) ?? ''));
    pageSession.onEnd((reason) => ends.push(reason));
    const bridge = createHttpBridge(pageSession, pageFetch);
    expect(await bridge.api['vault:setup']({ password: 'master password 1', remember: false })).toMatchObject({
      ok: true,
      value: { unlocked: true },
    });
    expect(await bridge.api['servers:list']({})).toEqual({
      ok: true,
      value: { groups: expect.any(Array), servers: [] },
    });
    expect(await bridge.api['servers:delete']({ id: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    now += idleMs + 1;
    expect(await bridge.api['vault:status']({})).toMatchObject({ ok: false, error: { code: 'session_ended' } });
    expect(ends).toEqual(['ended']);
    expect(store.size).toBe(0);
  });
});

describe('rdspg serve: limits', () => {
  const upload = (fileName: string, bytes: number, fill: string) =>
    post(
      '/api/files:upload',
      { fileName, contentBase64: Buffer.alloc(bytes, fill).toString('base64') },
      { 'x-rdspg-session': session },
    );

  beforeAll(async () => {
    session = (await signIn(tokenOf(nextUrls.at(-1) ?? ''))) ?? '';
  });

  it('answers an upload over 4 MB, and uploads over their total quota, with a coded 413', async () => {
    const huge = await upload('huge.pem', 5 * 1024 * 1024, 'a');
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'file_too_large' } });
    expect((await upload('one.pem', 40_000, 'b')).status).toBe(200);
    expect((await upload('two.pem', 40_000, 'c')).status).toBe(200);
    expect((await upload('two.pem', 40_000, 'c')).status).toBe(200);
    const over = await upload('three.pem', 40_000, 'd');
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toMatchObject({ ok: false, error: { code: 'upload_quota_exceeded' } });
  });

  it('deletes uploads older than a day that no saved server uses, and keeps the rest', async () => {
    const folder = uploadFolder(home);
    const used = join(folder, 'used-root.pem');
    await writeFile(used, 'used');
    await writeFile(join(folder, 'unused-root.pem'), 'unused');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    for (const name of await readdir(folder)) await utimes(join(folder, name), twoDaysAgo, twoDaysAgo);
    const form = {
      ...blankServerForm(),
      name: 'uses an upload',
      host: '127.0.0.1',
      username: 'postgres',
      parameters: [{ keyword: 'sslrootcert', value: used }],
    };
    const created = await post('/api/servers:create', { form }, { 'x-rdspg-session': session });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true });
    expect((await upload('fresh.pem', 1000, 'e')).status).toBe(200);
    expect((await readdir(folder)).sort()).toEqual([expect.stringMatching(/-fresh\.pem$/), 'used-root.pem']);
  });

  it('answers JSON nested too deep and a malformed %-escape with a coded 400', async () => {
    const deep = await post('/api/servers:list', `${'['.repeat(100)}${']'.repeat(100)}`, {
      'x-rdspg-session': session,
    });
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    for (const path of ['/%E0%A4%A', '/assets/%', '/api/vault%3Astatus%']) {
      const malformed = await send(path);
      expect(malformed.status).toBe(400);
      expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
  });

  it('never redirects, so /.//evil.example?token=… cannot send the browser off-site', async () => {
    for (const path of [`/.//evil.example?token=${tokenOf(nextUrls.at(-1) ?? '')}`, '//evil.example/?token=x']) {
      const reply = await send(path);
      expect(reply.status).toBe(200);
      expect(reply.headers.location).toBeUndefined();
    }
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/server/security';
import {
  answerAppRequest,
  appPageUrl,
  appSchemeRegistration,
  resolveAppPath,
} from '../../../electron/shell/app-scheme';

let folder: string;
let renderer: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-scheme-'));
  renderer = join(folder, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(renderer, 'assets', 'index-abc.js'), 'export const ok = 1;');
  await writeFile(join(renderer, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(folder, 'secret.txt'), 'not for the renderer');
  await writeFile(join(folder, 'renderer-twin'), 'a sibling whose name starts like the root');
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const fetchApp = (url: string, method = 'GET') => answerAppRequest(new Request(url, { method }), renderer);

describe('Electron security checklist: the app:// scheme instead of file://', () => {
  it('loads the page from app://, with origin, secure context and fetch, but no CORS or CSP bypass', () => {
    expect(appPageUrl).toBe('app://rdspg/index.html');
    expect(appSchemeRegistration).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });

  it('serves the built UI: the page, module scripts as JavaScript, styles', async () => {
    const page = await fetchApp(appPageUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>app</title>');
    expect(await (await fetchApp('app://rdspg/')).text()).toContain('<title>app</title>');
    const script = await fetchApp('app://rdspg/assets/index-abc.js');
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export const ok = 1;');
    expect((await fetchApp('app://rdspg/assets/index-abc.css')).headers.get('Content-Type')).toMatch(/^text\/css/);
    const head = await fetchApp(appPageUrl, 'HEAD');
    expect(head.status).toBe(200);
  });

  it('refuses path traversal in every spelling, and never shows a file outside the renderer folder', async () => {
    for (const url of [
      'app://rdspg/..%2fsecret.txt',
      'app://rdspg/assets/..%2f..%2fsecret.txt',
      'app://rdspg/%2e%2e%2fsecret.txt',
      'app://rdspg/..%5csecret.txt',
      'app://rdspg/%2f..%2fsecret.txt',
      `app://rdspg/${encodeURIComponent(join(folder, 'secret.txt'))}`,
      'app://rdspg/..%2frenderer-twin',
      'app://rdspg/index.html%00.js',
    ]) {
      const response = await fetchApp(url);
      expect(response.status, url).toBe(403);
      expect(await response.text(), url).not.toMatch(/not for the renderer|sibling/);
    }
    // Dot segments are already resolved by the URL parser: they stay inside the folder.
    expect(resolveAppPath('app://rdspg/../../secret.txt', renderer)).toEqual({ path: join(renderer, 'secret.txt') });
    expect((await fetchApp('app://rdspg/../../secret.txt')).status).toBe(404);
  });

  it('refuses other hosts, other schemes, other methods and malformed paths', async () => {
    expect((await fetchApp('app://evil/index.html')).status).toBe(403);
    expect((await fetchApp('app://rdspg:8080/index.html')).status).toBe(403);
    expect(resolveAppPath(`file://${join(renderer, 'index.html')}`, renderer)).toMatchObject({ status: 403 });
    expect(resolveAppPath('app://rdspg/%E0%A4%A', renderer)).toMatchObject({ status: 400 });
    expect((await fetchApp(appPageUrl, 'POST')).status).toBe(405);
    expect((await fetchApp('app://rdspg/missing.js')).status).toBe(404);
    expect((await fetchApp('app://rdspg/assets')).status).toBe(404);
  });

  it('puts the Content-Security-Policy header (and nosniff) on every answer, refusals included', async () => {
    for (const [url, method] of [
      [appPageUrl, 'GET'],
      ['app://rdspg/assets/index-abc.js', 'GET'],
      ['app://rdspg/missing.js', 'GET'],
      ['app://rdspg/..%2fsecret.txt', 'GET'],
      ['app://evil/index.html', 'GET'],
      ['app://rdspg/%E0%A4%A', 'GET'],
      [appPageUrl, 'POST'],
    ] as const) {
      const response = await fetchApp(url, method);
      expect(response.headers.get('Content-Security-Policy'), url).toBe(contentSecurityPolicy);
      expect(response.headers.get('X-Content-Type-Options'), url).toBe('nosniff');
    }
  });
});

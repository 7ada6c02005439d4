import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Issued, TestAuthority } from '../../support/pki';

let folder: string;
let root: TestAuthority;
let serverCertificate: Issued;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-serve-cli-'));
  root = await TestAuthority.createRoot(join(folder, 'ca'), 'Serve Test Root CA');
  serverCertificate = await root.issue({ commonName: 'localhost', dns: ['localhost'], ips: ['127.0.0.1'] });
}, 60_000);

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Starts the bundled `rdspg serve` with its own data folder. */
function serve(args: string[]): ChildProcess {
  return spawn(process.execPath, ['dist/rdspg.cjs', 'serve', '--json', ...args], {
    env: { PATH: process.env.PATH, HOME: folder, RDSPG_HOME: join(folder, 'home'), RDSPG_KEYCHAIN: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for the process to exit, at most 30 s: its status and what it printed. */
function exited(child: ChildProcess): Promise<{ status: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const bound = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`rdspg serve did not exit within 30 s: ${stderr}`));
    }, 30_000);
    child.once('exit', (status) => {
      clearTimeout(bound);
      resolve({ status, stdout, stderr });
    });
  });
}

/** The first JSON line the server prints. */
function printedUrl(child: ChildProcess): Promise<{ url: string; origin: string }> {
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((text) => text.startsWith('{'));
      if (line && out.includes('\n')) resolve(JSON.parse(line));
    });
    child.once('exit', (status) => reject(new Error(`rdspg serve exited with ${status}`)));
  });
}

/** An HTTPS request to the server that trusts only the test root CA. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, ca: root.certPem },
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

describe('rdspg serve --host and TLS', () => {
  it('refuses a host other than loopback without a certificate and key, with a code and a non-zero status', async () => {
    const refused = await exited(serve(['--host', '0.0.0.0', '--port', '0']));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('error [tls_required]');
    expect(refused.stderr).toContain('--tls-cert FILE --tls-key FILE');
    expect(refused.stdout).toBe('');
    const half = await exited(serve(['--host', '0.0.0.0', '--tls-cert', serverCertificate.certPath]));
    expect(half.status).toBe(2);
    expect(half.stderr).toContain('error [usage]');
    const swapped = await exited(
      serve(['--tls-cert', serverCertificate.keyPath, '--tls-key', serverCertificate.certPath]),
    );
    expect(swapped.status).toBe(1);
    expect(swapped.stderr).toContain('error [tls_invalid]');
  });

  it('with a certificate and key, serves HTTPS on 0.0.0.0 under the certificate’s name, and sets no cookie', async () => {
    const child = serve([
      '--host',
      '0.0.0.0',
      '--tls-cert',
      serverCertificate.certPath,
      '--tls-key',
      serverCertificate.keyPath,
    ]);
    const done = exited(child);
    const printed = await printedUrl(child);
    expect(printed.url).toMatch(/^https:\/\/localhost:\d+\/#token=[\w-]+$/);
    const page = await send(printed.origin);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    const json = { 'content-type': 'application/json', origin: printed.origin };
    const token = new URL(printed.url).hash.replace('#token=', '');
    const signedIn = await send(`${printed.origin}/session/sign-in`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token }),
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['set-cookie']).toBeUndefined();
    const session = JSON.parse(signedIn.body).value.session;
    const status = await send(`${printed.origin}/api/vault:status`, {
      method: 'POST',
      headers: { ...json, 'x-rdspg-session': session },
      body: '{}',
    });
    expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { initialized: false } });
    const httpOrigin = await send(`${printed.origin}/api/vault:status`, {
      method: 'POST',
      headers: { ...json, origin: printed.origin.replace('https:', 'http:'), 'x-rdspg-session': session },
      body: '{}',
    });
    expect(httpOrigin.status).toBe(403);
    child.kill('SIGTERM');
    expect((await done).status).toBe(0);
  });
});

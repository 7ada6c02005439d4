import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-start-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('npm start (build/start.mjs) where Electron cannot be downloaded', () => {
  it("tries Electron's own download, then serves the UI and says why; stops on SIGTERM", async () => {
    // No binary (an empty override folder) and a mirror nobody listens on: the download fails on any machine.
    const child = spawn(process.execPath, ['build/start.mjs'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: folder,
        RDSPG_HOME: join(folder, 'home'),
        RDSPG_KEYCHAIN: 'off',
        ELECTRON_OVERRIDE_DIST_PATH: join(folder, 'no-electron'),
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: join(folder, 'cache'),
      },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    const deadline = Date.now() + 60_000;
    while (!/token=/.test(output) && Date.now() < deadline && child.exitCode === null)
      await new Promise((wait) => setTimeout(wait, 100));
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((done) => setTimeout(() => done('hung'), 15_000))]);
    expect(output).toMatch(/downloading it/);
    expect(output).toMatch(
      /Electron could not start here \(the download failed: \S.*\), so the app starts in server mode/,
    );
    expect(output).toMatch(/http:\/\/127\.0\.0\.1:\d+\/#token=/);
    expect(code).not.toBe('hung');
  }, 90_000);
});

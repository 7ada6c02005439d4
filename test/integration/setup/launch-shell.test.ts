import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Shell = { mode: 'electron'; binary: string } | { mode: 'server'; reason: string };
interface LaunchShell {
  chooseShell(options: {
    findBinary: () => string | null;
    download: () => Promise<void>;
    log: (line: string) => void;
  }): Promise<Shell>;
  downloadElectron(timeoutMs: number, folder: string): Promise<void>;
  electronBinary(folder: string, env: Record<string, string | undefined>): string | null;
}

const root = new URL('../../..', import.meta.url).pathname;
const launch = (await import(join(root, 'build/launch-shell.mjs'))) as LaunchShell;

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-launch-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('npm start: the desktop app first, server mode only when Electron cannot be had', () => {
  it('starts the installed binary without downloading', async () => {
    let downloads = 0;
    const shell = await launch.chooseShell({
      findBinary: () => '/opt/electron/electron',
      download: async () => void downloads++,
      log: () => undefined,
    });
    expect(shell).toEqual({ mode: 'electron', binary: '/opt/electron/electron' });
    expect(downloads).toBe(0);
  });

  it("downloads Electron's binary on first run, then starts the app", async () => {
    let binary: string | null = null;
    const lines: string[] = [];
    const shell = await launch.chooseShell({
      findBinary: () => binary,
      download: async () => {
        binary = '/work/node_modules/electron/dist/electron';
      },
      log: (line) => lines.push(line),
    });
    expect(shell).toEqual({ mode: 'electron', binary: '/work/node_modules/electron/dist/electron' });
    expect(lines.join('\n')).toMatch(/downloading/);
  });

  it('falls back to server mode with the first line of the download error', async () => {
    const failed = await launch.chooseShell({
      findBinary: () => null,
      download: async () => {
        throw new Error('TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13');
      },
      log: () => undefined,
    });
    expect(failed).toEqual({ mode: 'server', reason: 'the download failed: TypeError: fetch failed' });
    const empty = await launch.chooseShell({ findBinary: () => null, download: async () => {}, log: () => undefined });
    expect(empty).toMatchObject({ mode: 'server', reason: expect.stringMatching(/still missing/) });
  });

  it('finds the binary through path.txt, or ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const electron = join(folder, 'electron-package');
    await mkdir(join(electron, 'dist'), { recursive: true });
    expect(launch.electronBinary(electron, {})).toBeNull();
    await writeFile(join(electron, 'path.txt'), 'electron');
    expect(launch.electronBinary(electron, {})).toBeNull();
    await writeFile(join(electron, 'dist', 'electron'), '');
    expect(launch.electronBinary(electron, {})).toBe(join(electron, 'dist', 'electron'));
    expect(launch.electronBinary(electron, { ELECTRON_OVERRIDE_DIST_PATH: join(folder, 'nowhere') })).toBeNull();
  });

  it("bounds Electron's installer: a hanging one is killed, a failing one gives its first line", async () => {
    const hanging = join(folder, 'hanging');
    await mkdir(hanging, { recursive: true });
    await writeFile(join(hanging, 'install.js'), 'setInterval(() => {}, 1000);');
    await expect(launch.downloadElectron(500, hanging)).rejects.toThrow('the download did not finish within 0.5 s');
    const failing = join(folder, 'failing');
    await mkdir(failing, { recursive: true });
    await writeFile(
      join(failing, 'install.js'),
      "console.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at x (y.js:1:1)'); process.exit(1);",
    );
    await expect(launch.downloadElectron(30_000, failing)).rejects.toThrow(
      /^RequestError: getaddrinfo ENOTFOUND github\.com$/,
    );
    await expect(launch.downloadElectron(30_000, join(folder, 'absent'))).rejects.toThrow(/not installed/);
  });
});

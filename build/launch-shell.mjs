// How `npm start` picks its shell: the desktop app when Electron's binary is there or can be downloaded in time,
// otherwise server mode, with the reason. Electron 45 downloads its binary on first run (no postinstall).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** How long `npm start` waits for Electron's binary to download before it falls back to server mode. */
export const downloadTimeoutMs = 60_000;

const electronFolder = 'node_modules/electron';

/** The installed Electron binary, or null. Never require('electron') here: it would download without a bound. */
export function electronBinary(folder = electronFolder, env = process.env) {
  const pathFile = join(folder, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, name ?? 'electron') : name ? join(folder, 'dist', name) : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

/** The first line of an error's text (a stack's first line is its type and message). */
export function firstLine(text) {
  return (
    String(text)
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean) ?? 'unknown error'
  );
}

/** Runs Electron's own installer (node_modules/electron/install.js), killed after the bound; rejects with why. */
export function downloadElectron(timeoutMs = downloadTimeoutMs, folder = electronFolder) {
  const installer = join(folder, 'install.js');
  if (!existsSync(installer)) return Promise.reject(new Error('the electron package is not installed (npm ci)'));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [installer], { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      if (error.killed) return reject(new Error(`the download did not finish within ${timeoutMs / 1000} s`));
      reject(new Error(firstLine(stderr || error.message)));
    });
  });
}

/**
 * The shell to start: { mode: 'electron', binary } when the binary is installed or the download succeeds,
 * otherwise { mode: 'server', reason } with the first line of what went wrong.
 */
export async function chooseShell({ findBinary, download, log }) {
  const installed = findBinary();
  if (installed) return { mode: 'electron', binary: installed };
  log("Electron's binary is not installed yet; downloading it (Electron's first run)…");
  try {
    await download();
  } catch (error) {
    return { mode: 'server', reason: `the download failed: ${firstLine(error?.message ?? error)}` };
  }
  const downloaded = findBinary();
  if (downloaded) return { mode: 'electron', binary: downloaded };
  return { mode: 'server', reason: "the download finished but Electron's binary is still missing" };
}

// `npm start`: the desktop app when Electron's binary is installed; otherwise server mode in the browser.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The installed Electron binary, or null. Never require('electron') here: it would try to download the binary. */
function electronBinary() {
  const folder = 'node_modules/electron';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(folder, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const candidate = override ? join(override, name ?? 'electron') : name ? join(folder, 'dist', name) : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

const binary = electronBinary();
if (binary) {
  run(binary, ['.', ...process.argv.slice(2)]);
} else {
  process.stdout.write(
    "Electron's binary is not installed here (install it with: npx install-electron), so the app starts in server mode.\n" +
      'Open the URL below in a browser on this machine.\n',
  );
  run(process.execPath, ['dist/rdspg.cjs', 'serve', ...process.argv.slice(2)]);
}

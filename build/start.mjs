// `npm start`: the desktop app when Electron's binary is installed; otherwise server mode in the browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
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
    "Electron's binary is not installed here (it downloads on first use: npx electron --version), so the app starts in server mode.\n" +
      'Open the URL below in a browser on this machine.\n',
  );
  run(process.execPath, ['dist/rdspg.cjs', 'serve', ...process.argv.slice(2)]);
}

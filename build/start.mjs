// `npm start`: the desktop app (downloading Electron's binary on first run, bounded); server mode when that fails.
import { spawn } from 'node:child_process';
import { chooseShell, downloadElectron, electronBinary } from './launch-shell.mjs';

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

const log = (line) => process.stdout.write(`${line}\n`);
const shell = await chooseShell({ findBinary: () => electronBinary(), download: () => downloadElectron(), log });
if (shell.mode === 'electron') {
  run(shell.binary, ['.', ...process.argv.slice(2)]);
} else {
  log(`Electron could not start here (${shell.reason}), so the app starts in server mode.`);
  log(
    'Open the URL below in a browser on this machine. For the desktop app later: node node_modules/electron/install.js',
  );
  run(process.execPath, ['dist/rdspg.cjs', 'serve', ...process.argv.slice(2)]);
}

import '../platform/runtime-hints';
import { runCli } from './main';

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then((status) => {
  process.exitCode = status;
});

import '../platform/runtime-hints';
import { runCli } from './main';
import { processIo } from './process-io';

runCli(process.argv.slice(2), processIo()).then((status) => {
  process.exitCode = status;
});

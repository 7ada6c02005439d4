import type { CliIo } from './command';

/**
 * The process's own streams for one CLI run. A reader that goes away (`rdspg servers list | head -1`) ends the run
 * quietly with the status it had, as psql does, instead of Node's EPIPE stack trace; another write error ends it
 * with 74 (EX_IOERR), since there is nowhere left to print it.
 */
export function processIo(): CliIo {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 74);
    });
  }
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

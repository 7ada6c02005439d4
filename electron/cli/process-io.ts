import type { Writable } from 'node:stream';
import type { CliIo } from './command';

/** A CLI run's streams on the process, and those of its output streams the run has used. */
export interface ProcessIo extends CliIo {
  readonly written: ReadonlySet<Writable>;
}

/**
 * The process's own streams for one CLI run. A reader that goes away (`rdspg servers list | head -1`) ends the run
 * quietly with the status it had, as psql does, instead of Node's EPIPE stack trace; another write error ends it
 * with 74 (EX_IOERR), since there is nowhere left to print it. Each stream is made on first use: Node builds
 * `process.stdin` on first touch, and that alone costs a plain `rdspg check` (which never reads it) 4–5 ms.
 */
export function processIo(): ProcessIo {
  const guarded = new Set<Writable>();
  const guard = (stream: Writable): Writable => {
    if (!guarded.has(stream)) {
      guarded.add(stream);
      stream.on('error', (error: NodeJS.ErrnoException) => {
        process.exit(error.code === 'EPIPE' ? (process.exitCode ?? 0) : 74);
      });
    }
    return stream;
  };
  return {
    get stdout() {
      return guard(process.stdout);
    },
    get stderr() {
      return guard(process.stderr);
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    written: guarded,
  };
}

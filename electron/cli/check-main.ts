// `rdspg check` without --server, as its own CommonJS file (dist/cli/check.cjs; dist/rdspg.cjs chooses it). Node 20's
// ES module loader alone costs a plain check 20–30 ms of its ~150 ms (measured: the same code as one CommonJS file
// against the split ESM chunks), which matters for a command that is compared with psql. The command is the same
// module as in the full CLI (check-run.ts); only the saved-server lookup is left out.
import type { Writable } from 'node:stream';
import '../platform/runtime-hints';
import { readFilesSynchronously } from '../engine';
import { checkUsage, runCheck } from './check-run';
import { runCommand } from './command';
import { processIo } from './process-io';

// One connection needs one thread of libuv's pool at a time (the name lookup; SCRAM's key derivation when a server
// asks for many iterations); Node starts four at its first use and joins them all at exit. One, unless the user's
// environment says otherwise. The few small files a check reads are read at once (file-reads.ts): this process has
// nothing else to do meanwhile.
process.env.UV_THREADPOOL_SIZE ??= '1';
readFilesSynchronously();

/**
 * Ends the process with `status` once each stream the run wrote to has handed on what it was given: at once for a
 * stream that holds nothing back (files, and on Linux pipes and terminals, are written synchronously), after a write's
 * callback otherwise. Waiting for that callback on a stream with nothing pending cost a check ≈ 0.3 ms.
 */
function exitWhenWritten(streams: Writable[], status: number): void {
  const [stream, ...others] = streams;
  if (!stream) process.exit(status);
  else if (stream.writableLength === 0) exitWhenWritten(others, status);
  else stream.write('', () => exitWhenWritten(others, status));
}

const io = processIo();
runCommand({ usage: checkUsage, run: (args) => runCheck(args, io, null) }, process.argv.slice(3), io).then((status) => {
  // The connection is closed by now: once what was printed is written out, the process ends at once instead of
  // tearing down every module it loaded (1–2 ms of a run compared with psql). A stream never used is not made for it.
  process.exitCode = status;
  exitWhenWritten([...io.written], status);
});

import type { Readable, Writable } from 'node:stream';
import type { Failure } from '../../shared/result';

/** What a CLI command may touch: its streams and environment, so that tests can run commands in-process. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
}

/** One top-level command of `rdspg`. It returns the exit status; expected failures are printed, not thrown. */
export interface CliCommand {
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Writes a line to a stream. */
export function writeLine(stream: Writable, text = ''): void {
  stream.write(`${text}\n`);
}

/** Prints one JSON object on its own line. */
export function writeJson(stream: Writable, value: unknown): void {
  stream.write(`${JSON.stringify(value)}\n`);
}

/** Prints a coded failure as the one line users and scripts see: `error [code]: message`. */
export function writeFailure(stream: Writable, failure: Failure): void {
  writeLine(stream, `error [${failure.code}]: ${failure.message}`);
}

/** The failure for words on the command line that do not fit the command. */
export function usageFailure(usage: string, detail: string): Failure<'usage'> {
  return { code: 'usage', message: `${detail}. Usage: ${usage}` };
}

/** Writes a coded failure to stderr and gives the exit status: 2 for a usage error, 1 otherwise. */
export function failWith(io: CliIo, failure: Failure): number {
  writeFailure(io.stderr, failure);
  return failure.code === 'usage' ? 2 : 1;
}

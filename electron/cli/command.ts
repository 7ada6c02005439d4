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

/** Runs one command; a mistyped option is a usage error (exit 2), anything else thrown is a bug (exit 70), never a stack. */
export async function runCommand(
  command: Pick<CliCommand, 'run' | 'usage'>,
  args: string[],
  io: CliIo,
): Promise<number> {
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      writeFailure(io.stderr, { code: 'usage', message: `${error.message}. Usage: ${command.usage}` });
      return 2;
    }
    const detail = io.env.RDSPG_DEBUG ? String((error as Error).stack) : String((error as Error).message ?? error);
    writeFailure(io.stderr, { code: 'internal_error', message: `${detail} — this is a bug; please report it.` });
    return 70;
  }
}

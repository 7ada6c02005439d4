import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../electron/cli/command';

/** In-process CLI streams: stdin from a string, stdout and stderr collected. */
export function cliIo(env: NodeJS.ProcessEnv, input = ''): { io: CliIo; stdout(): string; stderr(): string } {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (chunk) => out.push(String(chunk)));
  stderr.on('data', (chunk) => err.push(String(chunk)));
  return {
    io: { stdout, stderr, stdin: Readable.from([input]), env },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** How a CLI call ended: its exit status and everything it printed. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  /** How long the process ran, in milliseconds. */
  elapsedMs: number;
}

/** Options of one CLI call: the whole environment (nothing is inherited), stdin, and the bound on its run time. */
export interface CliOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  /** The process must exit within this bound (default 10 s; generous: it catches hangs, not slowness). */
  timeoutMs?: number;
}

const cliPath = fileURLToPath(new URL('../../dist/rdspg.cjs', import.meta.url));

/**
 * Runs the built CLI (`node dist/rdspg.cjs ...args`) and rejects — failing the test — unless the process exits
 * by itself within the bound: a command that prints its answer and then hangs on an open socket is a bug.
 */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const startedAt = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: options.env ?? { PATH: process.env.PATH },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`rdspg ${args.join(' ')} did not exit within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`),
      );
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        status: code ?? (signal ? 128 : 1),
        stdout,
        stderr,
        elapsedMs: Math.round(performance.now() - startedAt),
      });
    });
  });
}

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A running `rdspg serve` (the bundled CLI) with its own fresh data folder. */
export interface ServeProcess {
  url: string;
  origin: string;
  home: string;
  child: ChildProcess;
  stderr(): string;
  /** The newest sign-in URL printed after a sign-in used the previous one. */
  nextUrl(): string | undefined;
  /** Stops the server; deletes the data folder unless told to keep it (for a restart on the same data). */
  stop(keepHome?: boolean): Promise<void>;
}

/** Starts `node dist/rdspg.cjs serve --json` with a fresh (or the given) RDSPG_HOME; resolves once it prints its URL. */
export async function startServe(env: Record<string, string> = {}, existingHome?: string): Promise<ServeProcess> {
  const home = existingHome ?? (await mkdtemp(join(tmpdir(), 'rdspg-serve-')));
  const child = spawn(process.execPath, ['dist/rdspg.cjs', 'serve', '--json'], {
    env: { ...process.env, RDSPG_HOME: home, HOME: home, RDSPG_KEYCHAIN: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave a server behind when the test process ends early.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  const printed = await new Promise<{ url: string; origin: string }>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((text) => text.startsWith('{'));
      if (line && out.includes('\n')) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`rdspg serve exited with ${code}: ${err}`)));
  });
  return {
    ...printed,
    home,
    child,
    stderr: () => err,
    nextUrl: () =>
      out
        .split('\n')
        .filter((text) => text.startsWith('{"next"'))
        .map((text) => (JSON.parse(text) as { next: string }).next)
        .at(-1),
    async stop(keepHome = false) {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const late = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(late);
      }
      if (!keepHome) await rm(home, { recursive: true, force: true });
    },
  };
}

import { randomBytes } from 'node:crypto';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';
import { ensurePrivateFolder } from './atomic-write';

/** How long to wait for another writer, and when a lock left by a live process counts as abandoned. */
export interface FileLockOptions {
  timeoutMs?: number;
  abandonedAfterMs?: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** True when the lock's owner is gone: a dead pid on this host, an unreadable lock, or one held far too long. */
async function isStale(path: string, abandonedAfterMs: number): Promise<string | null> {
  let text: string;
  let age: number;
  try {
    [text, age] = await Promise.all([readFile(path, 'utf8'), stat(path).then((facts) => Date.now() - facts.mtimeMs)]);
  } catch {
    return null;
  }
  const [pidText, host] = text.split('\n');
  const pid = Number(pidText);
  if (age > abandonedAfterMs) return text;
  if (!Number.isInteger(pid) || pid <= 0) return age > 2000 ? text : null;
  if (host === hostname() && !isAlive(pid)) return text;
  return null;
}

/**
 * Runs `action` while holding `path` as a lock file (created with O_EXCL, holding pid, host and a nonce), so that
 * separate processes (the app and the CLI) take turns at a read-modify-write. A lock whose process died is removed.
 */
export async function withFileLock<Value>(
  path: string,
  action: () => Promise<Value>,
  options: FileLockOptions = {},
): Promise<Result<Value, 'lock_timeout'>> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  await ensurePrivateFolder(dirname(path));
  const content = `${process.pid}\n${hostname()}\n${randomBytes(8).toString('hex')}\n`;
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const stale = await isStale(path, options.abandonedAfterMs ?? 60_000);
    if (stale !== null) {
      const again = await readFile(path, 'utf8').catch(() => null);
      if (again === stale) await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      return fail(
        'lock_timeout',
        `another process holds ${path}; wait for it to finish, or delete the file if none is running.`,
      );
    }
    await pause(3 + Math.random() * 12);
  }
  try {
    return ok(await action());
  } finally {
    const current = await readFile(path, 'utf8').catch(() => null);
    if (current === content) await rm(path, { force: true });
  }
}

import {
  readdir as readdirCallback,
  readdirSync,
  readFile as readFileCallback,
  readFileSync,
  type Stats,
  stat as statCallback,
  statSync,
} from 'node:fs';
import { promisify } from 'node:util';

// fs/promises' readFile, stat and readdir on Node's callback API: loading node:fs/promises (and the readline and
// file-watcher modules it pulls in) costs a plain `rdspg check`, which reads only a few small files, about 1 ms.
const readFileAsync = promisify(readFileCallback);
const statAsync = promisify(statCallback);
const readdirAsync = promisify(readdirCallback);

let synchronous = false;

/**
 * Has the engine read its files (certificates, CRLs, client keys, the password file) on the calling thread from now
 * on, as libpq does: for a process that makes one connection and nothing else (a plain `rdspg check`). There, each
 * read through libuv's pool waits behind the name lookup on the one pool thread, then costs event-loop turns and
 * Node's read machinery; read at once (with the TLS context built once the SSLRequest is sent), a check takes 1–4.5 ms
 * less CPU (alternated pairs, 101 and 301), and its wall time moves less than this machine's noise. Never for the
 * desktop app's main process or server mode, which must not block (Electron's performance checklist): they keep the
 * pool.
 */
export function readFilesSynchronously(): void {
  synchronous = true;
}

/** `fs.promises.readFile`. */
export async function readFile(path: string): Promise<Buffer>;
/** `fs.promises.readFile` with an encoding. */
export async function readFile(path: string, encoding: BufferEncoding): Promise<string>;
export async function readFile(path: string, encoding?: BufferEncoding): Promise<Buffer | string> {
  if (synchronous) return encoding ? readFileSync(path, encoding) : readFileSync(path);
  return encoding ? await readFileAsync(path, encoding) : await readFileAsync(path);
}

/** `fs.promises.stat`. */
export async function stat(path: string): Promise<Stats> {
  return synchronous ? statSync(path) : await statAsync(path);
}

/** `fs.promises.readdir`. */
export async function readdir(path: string): Promise<string[]> {
  return synchronous ? readdirSync(path) : await readdirAsync(path);
}

/** A regular file's bytes; null when there is none at `path` or it is not a regular file (a folder, a device). */
export async function readFileIfPresent(path: string): Promise<Buffer | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
}

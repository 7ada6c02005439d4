import { readdir as readdirCallback, readFile as readFileCallback, stat as statCallback } from 'node:fs';
import { promisify } from 'node:util';

// fs/promises' readFile, stat and readdir on Node's callback API: loading node:fs/promises (and the readline and
// file-watcher modules it pulls in) costs a plain `rdspg check`, which reads only a few small files, about 1 ms.

/** `fs.promises.readFile`. */
export const readFile = promisify(readFileCallback);
/** `fs.promises.stat`. */
export const stat = promisify(statCallback);
/** `fs.promises.readdir`. */
export const readdir = promisify(readdirCallback);

/** A regular file's bytes; null when there is none at `path` or it is not a regular file (a folder, a device). */
export async function readFileIfPresent(path: string): Promise<Buffer | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
}

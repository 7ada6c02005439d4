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

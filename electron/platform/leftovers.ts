import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Deletes the temporary files a killed writer left beside `path` (`.NAME.RANDOM.tmp`, see atomic-write). Call it
 * only while holding the lock that every writer of `path` holds, so no live write can be mid-way.
 */
export async function removeLeftoverTemporaries(path: string): Promise<number> {
  const prefix = `.${basename(path)}.`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const leftovers = names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
  await Promise.all(leftovers.map((name) => rm(join(dirname(path), name), { force: true })));
  return leftovers.length;
}

import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type TextPieces, writeText } from './text-file';

/** Creates a private folder (0700) and its parents when missing. */
export async function ensurePrivateFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
}

/** A fresh temporary name beside `path` (`.NAME.RANDOM.tmp`, which removeLeftoverTemporaries clears). */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Replaces `path` with `data` atomically and durably: a temporary file beside it, fsync, rename, fsync of the
 * folder. A crash at any moment leaves either the old file or the new one, never a torn one. Files are 0600. Text
 * (a string, or pieces written one after another) is written as UTF-8.
 */
export async function writeFileAtomic(path: string, data: string | TextPieces | Uint8Array): Promise<void> {
  const folder = dirname(path);
  await ensurePrivateFolder(folder);
  const temporary = temporaryPathFor(path);
  const handle = await open(temporary, 'w', 0o600);
  try {
    if (data instanceof Uint8Array) await handle.writeFile(data);
    else await writeText(handle, typeof data === 'string' ? [data] : data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

import { link, readFile, rename, rm, stat } from 'node:fs/promises';
import { fail, ok, type Result } from '../../shared/result';
import { temporaryPathFor, writeFileAtomic } from './atomic-write';

/** Checks a file's text (the vault's shape and checksum, the registry's schema): true when it is sound. */
export type Verify = (text: string) => boolean;

/** The last good copy of a file: where it is and when it was saved (ms since the epoch). */
export interface LastGoodCopy {
  path: string;
  savedAt: number;
}

/** What is known about a file's last good copy: none, a damaged one, or a sound one. */
export type CopyState =
  | { kind: 'missing'; path: string }
  | { kind: 'damaged'; path: string }
  | ({ kind: 'sound'; text: string } & LastGoodCopy);

/** Expected failures of a restore. */
export type RestoreErrorCode = 'backup_missing' | 'backup_corrupt' | 'not_damaged';

/** The last good copy's path: `<file>.bak` beside the file. */
export function lastGoodCopyPath(path: string): string {
  return `${path}.bak`;
}

/**
 * Replaces `path` with `text` atomically, reads it back and, only when the read-back text verifies, replaces the
 * last good copy with it (atomically, 0600). A damaged write never replaces a good copy. True when the copy was kept.
 */
export async function writeKeepingLastGoodCopy(path: string, text: string, verify: Verify): Promise<boolean> {
  await writeFileAtomic(path, text);
  const written = await readFile(path, 'utf8');
  if (written !== text || !verify(written)) return false;
  await writeFileAtomic(lastGoodCopyPath(path), written);
  return true;
}

/**
 * Makes the file now at `path` the last good copy, by a hard link renamed over `<file>.bak`: no second write and no
 * read. Call it only for a file that was just read back sound, under the writers' lock, right before `path` is
 * replaced atomically: the replacement leaves the copy as the old file's only name, so later damage to `path` in
 * place never reaches it. The folder's fsync in that replacement makes the new name durable too. False, with
 * nothing changed, when there is no file at `path` or the file system has no hard links (FAT): the caller then keeps
 * the copy the slower way (writeKeepingLastGoodCopy).
 */
export async function keepAsLastGoodCopy(path: string): Promise<boolean> {
  const temporary = temporaryPathFor(path);
  try {
    await link(path, temporary);
  } catch {
    return false;
  }
  try {
    await rename(temporary, lastGoodCopyPath(path));
  } finally {
    // When the last good copy already is this very file (a writer killed between this link and its own rename left
    // them as two links to one file), rename() succeeds and does nothing (POSIX): the temporary link stays behind.
    await rm(temporary, { force: true });
  }
  return true;
}

/** Reads and verifies the last good copy of `path`. */
export async function lastGoodCopy(path: string, verify: Verify): Promise<CopyState> {
  const copyPath = lastGoodCopyPath(path);
  try {
    const [text, facts] = await Promise.all([readFile(copyPath, 'utf8'), stat(copyPath)]);
    return verify(text)
      ? { kind: 'sound', path: copyPath, savedAt: facts.mtimeMs, text }
      : { kind: 'damaged', path: copyPath };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing', path: copyPath };
    throw error;
  }
}

/** Puts the last good copy back in place of `path` (atomically, 0600), after verifying it; refuses a damaged one. */
export async function restoreLastGoodCopy(
  path: string,
  verify: Verify,
): Promise<Result<LastGoodCopy, RestoreErrorCode>> {
  if (await isSound(path, verify)) {
    return fail(
      'not_damaged',
      `${path} is not damaged; a restore would replace it with an older copy and lose the changes since, so nothing was changed.`,
    );
  }
  const copy = await lastGoodCopy(path, verify);
  if (copy.kind === 'missing') {
    return fail('backup_missing', `There is no last good copy (${copy.path}); nothing was changed.`);
  }
  if (copy.kind === 'damaged') {
    return fail('backup_corrupt', `The last good copy ${copy.path} is damaged too; nothing was changed.`);
  }
  await writeFileAtomic(path, copy.text);
  return ok({ path: copy.path, savedAt: copy.savedAt });
}

/** Whether the file at `path` reads and verifies (a missing file is not sound: there is something to restore). */
async function isSound(path: string, verify: Verify): Promise<boolean> {
  try {
    return verify(await readFile(path, 'utf8'));
  } catch {
    return false;
  }
}

/** A date as the damage messages print it: `2026-11-30 05:10:11 UTC`. */
export function formatSavedAt(savedAt: number): string {
  return `${new Date(savedAt).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The way out of a damaged file, for its message: the last good copy with its date and the restore command. */
export function wayBack(copy: CopyState, restoreCommand: string, otherwise: string): string {
  if (copy.kind === 'sound') {
    const rest = `${otherwise[0]!.toLowerCase()}${otherwise.slice(1)}`;
    return `The last good copy ${copy.path} was saved at ${formatSavedAt(copy.savedAt)}; bring it back with "${restoreCommand}" (or Restore in the app), or ${rest}`;
  }
  const why =
    copy.kind === 'damaged'
      ? `the last good copy ${copy.path} is damaged too`
      : `there is no last good copy (${copy.path})`;
  return `It cannot be restored: ${why}. ${otherwise}`;
}

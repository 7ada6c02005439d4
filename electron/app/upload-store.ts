import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegistryPort } from './ports';

/** What all uploads together may take in the data folder (bytes), unless RDSPG_UPLOADS_QUOTA_BYTES says otherwise. */
export const defaultUploadsQuotaBytes = 32 * 1024 * 1024;

/** How old an upload that no saved server refers to may get before it is deleted (one day). */
export const uploadMaxAgeMs = 24 * 60 * 60 * 1000;

/** The uploads quota in bytes: RDSPG_UPLOADS_QUOTA_BYTES when it is a positive integer, else the default. */
export function uploadsQuotaBytes(env: Record<string, string | undefined>): number {
  const given = Number(env.RDSPG_UPLOADS_QUOTA_BYTES);
  return Number.isSafeInteger(given) && given > 0 ? given : defaultUploadsQuotaBytes;
}

async function listUploads(folder: string): Promise<{ path: string; size: number; modified: number }[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const files = await Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      const facts = await stat(path).catch(() => null);
      return facts?.isFile() ? { path, size: facts.size, modified: facts.mtimeMs } : null;
    }),
  );
  return files.filter((file) => file !== null);
}

/**
 * Deletes uploads older than `uploadMaxAgeMs` that no saved server refers to (kept when the registry cannot be read),
 * and answers how many bytes the remaining uploads take.
 */
export async function cleanUploads(folder: string, registry: RegistryPort, now = Date.now()): Promise<number> {
  const files = await listUploads(folder);
  const listed = await registry.list();
  const inUse = listed.ok ? JSON.stringify(listed.value.servers) : null;
  let remaining = 0;
  for (const file of files) {
    const old = now - file.modified > uploadMaxAgeMs;
    if (old && inUse !== null && !inUse.includes(JSON.stringify(file.path).slice(1, -1)))
      await rm(file.path, { force: true });
    else remaining += file.size;
  }
  return remaining;
}

import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { maxUploadBytes } from '../../../shared/contract/files';
import { fail, ok } from '../../../shared/result';
import { writeFileAtomic } from '../../platform/atomic-write';
import { confinedPath } from '../../platform/confined-path';
import type { HandlerTable } from '../handler-table';
import type { AppPorts } from '../ports';
import { cleanUploads, uploadsQuotaBytes } from '../upload-store';

type FileHandlers = Pick<
  HandlerTable,
  'files:list' | 'files:upload' | 'files:choose' | 'app:info' | 'app:language' | 'certs:inspect-root'
>;

/** The folder under the data folder where uploaded certificate files are kept. */
export function uploadFolder(home: string): string {
  return join(home, 'uploads');
}

/** A safe file name for an upload: its own base name, nothing but word characters, dots and dashes. */
function safeName(fileName: string): string {
  const cleaned = basename(fileName.replaceAll('\\', '/'))
    .replace(/[^\w.-]/g, '_')
    .replace(/^\.+/, '');
  return cleaned.slice(-100) || 'certificate';
}

/** The file browser, uploads, native file dialog, app facts and root-certificate inspection. */
export function createFileHandlers(ports: AppPorts): FileHandlers {
  return {
    'files:list': async ({ path }) => {
      if (!(await ports.vault.status()).unlocked)
        return fail('vault_locked', 'unlock the vault with the master password to browse folders.');
      const folder = resolve(path || ports.env.HOME || homedir());
      try {
        const listed = await readdir(folder, { withFileTypes: true });
        const entries = listed
          .filter((entry) => entry.isDirectory() || entry.isFile())
          .map(
            (entry) =>
              ({
                name: entry.name,
                path: join(folder, entry.name),
                kind: entry.isDirectory() ? 'folder' : 'file',
              }) as const,
          )
          .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
        const parent = dirname(folder);
        return ok({ path: folder, parent: parent === folder ? null : parent, entries });
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'error';
        return fail('folder_unreadable', `cannot read ${folder} (${code}); choose another folder.`);
      }
    },
    'files:upload': async ({ fileName, contentBase64 }) => {
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length > maxUploadBytes)
        return fail('file_too_large', 'the file is larger than 4 MB; choose the certificate file itself.');
      const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
      const path = confinedPath(uploadFolder(ports.home), `${digest}-${safeName(fileName)}`);
      if (!path) return fail('upload_failed', 'the file name cannot be kept in the data folder; rename the file.');
      const kept = await cleanUploads(uploadFolder(ports.home), ports.registry);
      const quota = uploadsQuotaBytes(ports.env);
      const known = await stat(path).catch(() => null);
      if (!known && kept + bytes.length > quota)
        return fail(
          'upload_quota_exceeded',
          `uploads may take ${Math.round(quota / 1024)} KB in all and ${Math.round(kept / 1024)} KB are in use; type the file's path on this machine instead (uploads that no saved server uses are deleted after a day).`,
        );
      try {
        await writeFileAtomic(path, bytes);
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'error';
        return fail(
          'upload_failed',
          `could not keep the file in the data folder (${code}); check free space and permissions.`,
        );
      }
      return ok({ path });
    },
    'files:choose': async ({ purpose }) => {
      if (!ports.chooseFile)
        return fail('not_available', 'no native file dialog in server mode; browse or upload the file.');
      return ok({ path: await ports.chooseFile(purpose) });
    },
    'app:info': async () => ok({ mode: ports.mode, version: ports.version, home: ports.home }),
    'app:language': async ({ locale }) => {
      ports.setLanguage?.(locale);
      return ok({});
    },
    'certs:inspect-root': ({ path }) => ports.certs.inspectRoot(path),
  };
}

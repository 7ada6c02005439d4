import { z } from 'zod';
import { locales } from '../locales';
import { channel, emptyRequest, emptyValue } from './channel';

/** The largest certificate file an upload may carry (bytes). */
export const maxUploadBytes = 4 * 1024 * 1024;

/** Failures of the file channels (browsing the serving machine's folders needs an unlocked vault). */
export const fileErrorCodes = [
  'folder_unreadable',
  'not_available',
  'file_too_large',
  'upload_quota_exceeded',
  'upload_failed',
  'vault_locked',
] as const;

/** One entry of the file browser. */
export const folderEntry = z.object({ name: z.string(), path: z.string(), kind: z.enum(['file', 'folder']) });

/** What a certificate field asks a file for. */
export const filePurpose = z.enum(['root-certificate', 'client-certificate', 'client-key', 'crl', 'other']);

/** The file channels: browse the serving machine's folders, upload a file, or the native file dialog. */
export const fileChannels = {
  'files:list': channel(
    z.object({ path: z.string().optional() }).strict(),
    z.object({ path: z.string(), parent: z.string().nullable(), entries: z.array(folderEntry) }),
    fileErrorCodes,
  ),
  'files:upload': channel(
    z
      .object({
        fileName: z.string().min(1).max(255),
        contentBase64: z.string().max(Math.ceil(maxUploadBytes / 3) * 4, 'The file is larger than 4 MB.'),
      })
      .strict(),
    z.object({ path: z.string() }),
    fileErrorCodes,
  ),
  'files:choose': channel(
    z.object({ purpose: filePurpose }).strict(),
    z.object({ path: z.string().nullable() }),
    fileErrorCodes,
  ),
  'app:info': channel(
    emptyRequest,
    z.object({ mode: z.enum(['electron', 'server']), version: z.string(), home: z.string() }),
    [],
  ),
  /** The UI language chosen in the window: the desktop app's native menu follows it (server mode has none). */
  'app:language': channel(z.object({ locale: z.enum(locales) }).strict(), emptyValue, []),
} as const;

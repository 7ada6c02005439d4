import { open, stat } from 'node:fs/promises';
import type { CertErrorCode } from '../../shared/cert-types';
import { fail, ok, type Result } from '../../shared/result';

/** The largest file the toolkit opens: CA bundles, keystores and the RDS package are a few kilobytes. */
export const maxInputBytes = 8 * 1024 * 1024;

/** Reads a whole input file after checking its size with stat, so that nothing over the cap is ever read. */
export async function readInputFile(
  path: string,
  maxBytes = maxInputBytes,
): Promise<Result<Uint8Array, CertErrorCode>> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile())
      return fail('file_unreadable', `${path} is not a regular file; give the path of a certificate file.`);
    size = info.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return fail('file_not_found', `${path} does not exist; check the path.`);
    return fail('file_unreadable', `${path} cannot be read (${code ?? 'error'}); check its permissions.`);
  }
  if (size > maxBytes) return tooLarge(path, maxBytes);
  if (size === 0) return fail('empty_file', `${path} is empty; choose the certificate file again.`);
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(size + 1);
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      if (filled > size) return tooLarge(path, maxBytes);
      return ok(new Uint8Array(buffer.buffer, buffer.byteOffset, filled));
    } finally {
      await handle.close();
    }
  } catch (error) {
    return fail(
      'file_unreadable',
      `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions.`,
    );
  }
}

function tooLarge(path: string, maxBytes: number): Result<never, CertErrorCode> {
  return fail(
    'file_too_large',
    `${path} is larger than ${maxBytes / 1024 / 1024} MB; certificate files are a few kilobytes — choose the right file.`,
  );
}

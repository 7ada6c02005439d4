import { crc32 } from 'node:zlib';
import { Inflate, zipSync } from 'fflate';
import type { CertErrorCode } from '../../shared/cert-types';
import { fail, ok, type Result } from '../../shared/result';
import { concatBytes } from './jks';

/** Caps that keep a zip in memory and small: how many entries, how big each and all, how compressed. */
export interface ZipLimits {
  maxEntries: number;
  maxEntrySize: number;
  maxTotalSize: number;
  maxRatio: number;
}

/** The caps for the RDS CA package: a handful of small files. */
export const defaultZipLimits: ZipLimits = {
  maxEntries: 32,
  maxEntrySize: 1024 * 1024,
  maxTotalSize: 4 * 1024 * 1024,
  maxRatio: 100,
};

/** One file of a zip, read into memory (never written to disk). */
export interface ZipMember {
  name: string;
  data: Uint8Array;
}

/** True when the bytes start like a zip archive. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** True when a member name would climb out of a folder or is absolute, should anyone extract it. */
export function isUnsafeMemberName(name: string): boolean {
  if (name.includes('\0') || /^[/\\]/.test(name) || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[/\\]/).some((segment) => segment === '..');
}

/** Reads a zip's files into memory under the caps; refuses unsafe names, bombs, encryption and ZIP64. */
export function readZip(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): Result<ZipMember[], CertErrorCode> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) return fail('malformed_zip', 'the zip archive is damaged (no end record); download it again.');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return fail('malformed_zip', 'ZIP64 archives are not supported.');
  if (count > limits.maxEntries) {
    return fail(
      'zip_too_many_entries',
      `the zip holds ${count} entries; a CA package holds a few (at most ${limits.maxEntries}).`,
    );
  }
  const members: ZipMember[] = [];
  let total = 0;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return damaged();
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const checksum = view.getUint32(offset + 16, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const skip = nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    if (offset + 46 + nameLength > bytes.length) return damaged();
    const name = Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength)).toString(
      flags & 0x800 ? 'utf8' : 'latin1',
    );
    offset += 46 + skip;
    if (isUnsafeMemberName(name)) {
      return fail(
        'unsafe_zip_entry',
        `the zip entry "${name}" points outside the package (absolute path or ".."); this is not an RDS CA package.`,
      );
    }
    if (name.endsWith('/') && size === 0) continue;
    if (flags & 1) return fail('malformed_zip', `the zip entry "${name}" is encrypted; use an unencrypted package.`);
    if (size > limits.maxEntrySize || compressedSize > limits.maxEntrySize) {
      return fail(
        'zip_entry_too_large',
        `the zip entry "${name}" is ${size} bytes; CA package files are under ${limits.maxEntrySize} bytes.`,
      );
    }
    total += size;
    if (size / Math.max(compressedSize, 1) > limits.maxRatio || total > limits.maxTotalSize) {
      return fail(
        'zip_bomb',
        `the zip entry "${name}" expands far beyond its compressed size (a zip bomb); it was not opened.`,
      );
    }
    const data = readMember(bytes, view, localOffset, method, compressedSize, size);
    if (!data.ok) return fail(data.error.code, `zip entry "${name}": ${data.error.message}`);
    if (crc32(data.value) !== checksum)
      return fail('malformed_zip', `the zip entry "${name}" fails its CRC check; download the package again.`);
    members.push({ name, data: data.value });
  }
  return ok(members);
}

function damaged(): Result<never, CertErrorCode> {
  return fail('malformed_zip', 'the zip archive is damaged; download it again.');
}

function findEndRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let position = view.byteLength - 22; position >= lowest; position--) {
    if (view.getUint32(position, true) === 0x06054b50) return position;
  }
  return -1;
}

function readMember(
  bytes: Uint8Array,
  view: DataView,
  localOffset: number,
  method: number,
  compressedSize: number,
  size: number,
): Result<Uint8Array, CertErrorCode> {
  if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== 0x04034b50) return damaged();
  const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
  if (start + compressedSize > bytes.length) return damaged();
  const compressed = bytes.subarray(start, start + compressedSize);
  if (method === 0) return compressedSize === size ? ok(compressed.slice()) : damaged();
  if (method !== 8) return fail('malformed_zip', `compression method ${method} is not supported.`);
  return inflateBounded(compressed, size);
}

/** Inflates in small slices and stops as soon as the output passes the size the archive declared. */
function inflateBounded(compressed: Uint8Array, size: number): Result<Uint8Array, CertErrorCode> {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > size) overflow = true;
    else chunks.push(chunk);
  });
  const slice = 16 * 1024;
  try {
    for (let position = 0; position < compressed.length && !overflow; position += slice) {
      inflater.push(compressed.subarray(position, position + slice), position + slice >= compressed.length);
    }
  } catch {
    return damaged();
  }
  if (overflow) return fail('zip_bomb', 'it inflates beyond its declared size (a zip bomb); it was not opened.');
  if (produced !== size) return damaged();
  return ok(concatBytes(chunks));
}

/** Builds a zip of named files in memory (deflated, fixed timestamp for reproducible packages). */
export function writeZip(files: ZipMember[], modifiedAt = new Date('2020-01-01T00:00:00Z')): Uint8Array {
  const tree: Record<string, Uint8Array> = {};
  for (const file of files) tree[file.name] = file.data;
  return zipSync(tree, { level: 9, mtime: modifiedAt });
}

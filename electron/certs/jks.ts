import { createHash, timingSafeEqual } from 'node:crypto';
import type { CertErrorCode } from '../../shared/cert-types';
import { fail, ok, type Result } from '../../shared/result';
import { ByteReader, LayoutError } from './byte-reader';

/** The store password of the RDS CA package's JKS file, and our default for reading and writing JKS. */
export const defaultJksPassword = 'apsaradb';

const jksMagic = 0xfeedfeed;
const jceksMagic = 0xcececece;
const whitener = new TextEncoder().encode('Mighty Aphrodite');

/** One entry of a Java keystore: a trusted certificate, or a private key with its chain (the key stays sealed). */
export interface JksEntry {
  alias: string;
  kind: 'trusted_certificate' | 'private_key';
  createdAt: Date;
  /** DER certificates: the trusted one, or the key's chain. */
  certificates: Uint8Array[];
}

/** A trusted certificate to write into a JKS file. */
export interface JksCertificateInput {
  alias: string;
  der: Uint8Array;
  createdAt?: Date;
}

/** True when the bytes start like a JKS or JCEKS keystore. */
export function looksLikeJks(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const magic = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  return magic === jksMagic || magic === jceksMagic;
}

/** Reads a JKS keystore after checking its keyed SHA-1 integrity digest with the store password. */
export function readJks(bytes: Uint8Array, password = defaultJksPassword): Result<JksEntry[], CertErrorCode> {
  if (bytes.length < 4 + 4 + 4 + 20) return fail('malformed_jks', 'the JKS keystore is cut short; download it again.');
  const reader = new ByteReader(bytes);
  const magic = reader.u32();
  if (magic === jceksMagic) {
    return fail('unsupported_keystore', 'this is a JCEKS keystore; export it as JKS or PKCS#12 with keytool first.');
  }
  if (magic !== jksMagic) return fail('malformed_jks', 'this is not a JKS keystore.');
  const body = bytes.subarray(0, bytes.length - 20);
  const stored = bytes.subarray(bytes.length - 20);
  if (!timingSafeEqual(keyedDigest(body, password), stored)) {
    return fail(
      'wrong_password',
      'the JKS integrity check failed: the store password is wrong or the file was altered. ' +
        `Give the right password with --password (the RDS package uses "${defaultJksPassword}"), or download the file again.`,
    );
  }
  try {
    return ok(readEntries(new ByteReader(body)));
  } catch (error) {
    if (error instanceof LayoutError) return fail('malformed_jks', `the JKS keystore is malformed (${error.message}).`);
    throw error;
  }
}

function readEntries(reader: ByteReader): JksEntry[] {
  reader.u32();
  const version = reader.u32();
  if (version !== 1 && version !== 2) throw new LayoutError(`unknown version ${version}`);
  const count = reader.u32();
  const entries: JksEntry[] = [];
  for (let index = 0; index < count; index++) {
    const tag = reader.u32();
    const alias = readModifiedUtf8(reader);
    const createdAt = new Date(reader.u64());
    if (tag === 1) {
      reader.take(reader.u32());
      const chainLength = reader.u32();
      const certificates: Uint8Array[] = [];
      for (let link = 0; link < chainLength; link++) certificates.push(readCertificate(reader, version));
      entries.push({ alias, kind: 'private_key', createdAt, certificates });
    } else if (tag === 2) {
      entries.push({ alias, kind: 'trusted_certificate', createdAt, certificates: [readCertificate(reader, version)] });
    } else {
      throw new LayoutError(`unknown entry tag ${tag}`);
    }
  }
  if (reader.remaining !== 0) throw new LayoutError('extra bytes after the last entry');
  return entries;
}

function readCertificate(reader: ByteReader, version: number): Uint8Array {
  if (version === 2) {
    const type = readModifiedUtf8(reader);
    if (type !== 'X.509') throw new LayoutError(`unsupported certificate type ${type}`);
  }
  return reader.take(reader.u32()).slice();
}

/** Writes trusted certificates as a JKS keystore (version 2) sealed with the store password, as keytool does. */
export function writeJks(certificates: JksCertificateInput[], password = defaultJksPassword): Uint8Array {
  const parts: Uint8Array[] = [u32(jksMagic), u32(2), u32(certificates.length)];
  const aliases = new Set<string>();
  for (const certificate of certificates) {
    const alias = certificate.alias.toLowerCase();
    if (aliases.has(alias)) throw new Error(`duplicate JKS alias ${alias}`);
    aliases.add(alias);
    const time = (certificate.createdAt ?? new Date()).getTime();
    parts.push(u32(2), modifiedUtf8(alias), u32(Math.floor(time / 2 ** 32)), u32(time >>> 0));
    parts.push(modifiedUtf8('X.509'), u32(certificate.der.length), certificate.der);
  }
  const body = concatBytes(parts);
  return concatBytes([body, keyedDigest(body, password)]);
}

function keyedDigest(body: Uint8Array, password: string): Buffer {
  const passwordBytes = Buffer.alloc(password.length * 2);
  for (let index = 0; index < password.length; index++)
    passwordBytes.writeUInt16BE(password.charCodeAt(index), index * 2);
  return createHash('sha1').update(passwordBytes).update(whitener).update(body).digest();
}

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value);
  return bytes;
}

/** Java's DataOutput.writeUTF: a 16-bit length, then modified UTF-8 of the UTF-16 code units. */
function modifiedUtf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit >= 0x01 && unit <= 0x7f) bytes.push(unit);
    else if (unit <= 0x7ff) bytes.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
    else bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
  }
  if (bytes.length > 0xffff) throw new Error('JKS alias too long');
  return concatBytes([new Uint8Array([bytes.length >> 8, bytes.length & 0xff]), Uint8Array.from(bytes)]);
}

function readModifiedUtf8(reader: ByteReader): string {
  const bytes = reader.take(reader.u16());
  let text = '';
  for (let index = 0; index < bytes.length; ) {
    const first = bytes[index]!;
    if (first < 0x80) {
      text += String.fromCharCode(first);
      index += 1;
    } else if ((first & 0xe0) === 0xc0 && index + 1 < bytes.length) {
      text += String.fromCharCode(((first & 0x1f) << 6) | (bytes[index + 1]! & 0x3f));
      index += 2;
    } else if ((first & 0xf0) === 0xe0 && index + 2 < bytes.length) {
      text += String.fromCharCode(
        ((first & 0x0f) << 12) | ((bytes[index + 1]! & 0x3f) << 6) | (bytes[index + 2]! & 0x3f),
      );
      index += 3;
    } else {
      throw new LayoutError('bad alias text');
    }
  }
  return text;
}

/** Joins byte arrays into one. */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

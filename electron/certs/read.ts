import type { CertErrorCode, CertFormat } from '../../shared/cert-types';
import { fail, ok, type Result } from '../../shared/result';
import { children, parseDer } from './asn1';
import { readTlv } from './der';
import { describeCertificate } from './facts';
import { defaultJksPassword, looksLikeJks, readJks } from './jks';
import { looksLikePem, maxPemBlocks, parsePemBlocks } from './pem';
import { isPkcs7, readPkcs7 } from './pkcs7';
import { isPkcs12, readPkcs12 } from './pkcs12';
import { looksLikeZip, readZip } from './zip';

/** One certificate as read from a file, with the zip member it came from when the file is the RDS CA package. */
export interface ReadCertificate {
  der: Uint8Array;
  member?: string;
}

/** What a certificate file holds: its sniffed format and its certificates in file order. */
export interface ReadOutcome {
  format: CertFormat;
  certificates: ReadCertificate[];
}

/** Options for reading: the store password for JKS and PKCS#12 (JKS defaults to `apsaradb`). */
export interface ReadOptions {
  password?: string;
}

const keyLabels = /PRIVATE KEY$/;
const certificateLabels = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const notCertificateFile =
  'this is not a certificate file: expected PEM, DER, PKCS#7 (.p7b), JKS, PKCS#12 (.pfx/.p12) or the RDS CA package zip.';

/** Reads every certificate of a file's bytes; the format is sniffed from the bytes, never from the name. */
export function readCertificates(bytes: Uint8Array, options: ReadOptions = {}): Result<ReadOutcome, CertErrorCode> {
  if (bytes.length === 0 || isBlank(bytes))
    return fail('empty_file', 'the file is empty; choose the certificate file again.');
  if (looksLikeJks(bytes)) {
    const entries = readJks(bytes, options.password ?? defaultJksPassword);
    if (!entries.ok) return entries;
    const certificates = entries.value.flatMap((entry) => entry.certificates.map((der) => ({ der })));
    if (certificates.length === 0) return fail('no_certificates', 'the JKS keystore holds no certificates.');
    return checked('jks', certificates);
  }
  if (looksLikeZip(bytes)) return readPackage(bytes, options);
  if (bytes[0] === 0x30) {
    const der = withoutTrailingPadding(bytes);
    const value = parseDer(der);
    if (value) return readDer(der, value, options);
  }
  const text = textOf(bytes);
  if (text !== null && looksLikePem(text)) return readPem(text);
  return fail('unknown_format', notCertificateFile);
}

function readDer(bytes: Uint8Array, value: ReturnType<typeof parseDer> & object, options: ReadOptions) {
  if (isPkcs7(value)) {
    const certificates = readPkcs7(bytes);
    return certificates.ok
      ? checked(
          'pkcs7',
          certificates.value.map((der) => ({ der })),
        )
      : certificates;
  }
  if (isPkcs12(value)) {
    const certificates = readPkcs12(value, options.password);
    return certificates.ok
      ? checked(
          'pkcs12',
          certificates.value.map((der) => ({ der })),
        )
      : certificates;
  }
  if (looksLikePrivateKey(value)) return onlyKey();
  try {
    describeCertificate(bytes);
  } catch {
    return fail(
      'unknown_format',
      `the DER data is not an X.509 certificate (a CRL or a request?); ${notCertificateFile}`,
    );
  }
  return ok({ format: 'der' as const, certificates: [{ der: bytes }] });
}

function readPem(text: string): Result<ReadOutcome, CertErrorCode> {
  const blocks = parsePemBlocks(text);
  if (!blocks.ok) return blocks;
  const certificates: ReadCertificate[] = [];
  let fromPkcs7 = 0;
  for (const block of blocks.value) {
    if (certificateLabels.has(block.label) && wrapsPkcs7(block.der)) {
      const inner = readPkcs7(block.der);
      if (!inner.ok) return inner;
      fromPkcs7 += inner.value.length;
      certificates.push(...inner.value.map((der) => ({ der })));
    } else if (certificateLabels.has(block.label)) {
      certificates.push({ der: block.label === 'TRUSTED CERTIFICATE' ? firstValue(block.der) : block.der });
    } else if (block.label === 'PKCS7') {
      const inner = readPkcs7(block.der);
      if (!inner.ok) return inner;
      fromPkcs7 += inner.value.length;
      certificates.push(...inner.value.map((der) => ({ der })));
    }
  }
  if (certificates.length === 0) {
    if (blocks.value.some((block) => keyLabels.test(block.label))) return onlyKey();
    const labels = [...new Set(blocks.value.map((block) => block.label))].join(', ');
    return fail(
      'no_certificates',
      `the PEM file holds no certificate (it holds: ${labels}); choose the CA certificate file.`,
    );
  }
  return checked(fromPkcs7 === certificates.length ? 'pkcs7' : 'pem', certificates);
}

function readPackage(bytes: Uint8Array, options: ReadOptions): Result<ReadOutcome, CertErrorCode> {
  const members = readZip(bytes);
  if (!members.ok) return members;
  const certificates: ReadCertificate[] = [];
  for (const member of members.value) {
    if (looksLikeZip(member.data) || isPkcs12Bytes(member.data)) continue;
    const inner = readCertificates(member.data, options);
    if (!inner.ok) {
      if (['unknown_format', 'empty_file', 'no_certificates'].includes(inner.error.code)) continue;
      return fail(inner.error.code, `in the zip entry "${member.name}": ${inner.error.message}`);
    }
    certificates.push(...inner.value.certificates.map(({ der }) => ({ der, member: member.name })));
    if (certificates.length > maxPemBlocks) {
      return fail(
        'file_too_large',
        `the zip holds more than ${maxPemBlocks} certificates; this is not an RDS CA package.`,
      );
    }
  }
  if (certificates.length === 0) return fail('no_certificates', 'the zip holds no PEM, JKS or P7B certificate file.');
  return ok({ format: 'zip', certificates });
}

/** The RDS CA package holds PEM, JKS and P7B; PKCS#12 members (costly to open) are left alone. */
function isPkcs12Bytes(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  const value = parseDer(bytes);
  return value !== null && isPkcs12(value);
}

function checked(format: CertFormat, certificates: ReadCertificate[]): Result<ReadOutcome, CertErrorCode> {
  for (const [index, certificate] of certificates.entries()) {
    try {
      describeCertificate(certificate.der);
    } catch {
      return fail('malformed_certificate', `certificate ${index + 1} of the file is damaged (not valid X.509 DER).`);
    }
  }
  return ok({ format, certificates });
}

function onlyKey(): Result<never, CertErrorCode> {
  return fail(
    'only_private_key',
    'the file holds a private key and no certificate; choose the certificate file (the key goes in the client key field).',
  );
}

/** PKCS#8 (version 0 + algorithm + octets), its encrypted form, PKCS#1 RSA and SEC1 EC keys. */
function looksLikePrivateKey(value: NonNullable<ReturnType<typeof parseDer>>): boolean {
  const parts = children(value);
  const [first, second] = parts;
  if (first?.type === 2 && second?.type === 16 && parts[2]?.type === 4) return true;
  if (first?.type === 16 && second?.type === 4 && parts.length === 2) return true;
  if (first?.type === 2 && parts.length >= 9 && parts.every((part) => part.type === 2)) return true;
  return first?.type === 2 && second?.type === 4 && parts.length >= 2 && parts.length <= 4;
}

function firstValue(der: Uint8Array): Uint8Array {
  if (der.length < 2) return der;
  const lengthByte = der[1]!;
  if (lengthByte < 0x80) return der.subarray(0, 2 + lengthByte);
  const count = lengthByte & 0x7f;
  let length = 0;
  for (let index = 0; index < count && 2 + index < der.length; index++) length = length * 256 + der[2 + index]!;
  return der.subarray(0, Math.min(der.length, 2 + count + length));
}

/** Some Windows tools label a PKCS#7 bundle "CERTIFICATE": its first inner value is an OID, not a SEQUENCE. */
function wrapsPkcs7(der: Uint8Array): boolean {
  const outer = readTlv(der, 0);
  return outer !== null && der[outer.contentStart] === 0x06;
}

/** A DER value followed only by whitespace or zero bytes (as some tools save it) is read without the padding. */
function withoutTrailingPadding(bytes: Uint8Array): Uint8Array {
  const outer = readTlv(bytes, 0);
  if (!outer || outer.end === bytes.length) return bytes;
  const padding = bytes.subarray(outer.end);
  return padding.every((byte) => byte === 0 || byte === 0x0a || byte === 0x0d || byte === 0x20)
    ? bytes.subarray(0, outer.end)
    : bytes;
}

function isBlank(bytes: Uint8Array): boolean {
  if (bytes.length > 4096) return false;
  return bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09);
}

/** The text of a PEM-ish file: UTF-8 (BOM or not), or UTF-16LE with a BOM as some Windows tools write; null for binary. */
function textOf(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  return bytes.subarray(0, 8192).includes(0) ? null : buffer.toString('utf8');
}

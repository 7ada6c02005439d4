import type { CertErrorCode } from '../../shared/cert-types';
import { fail, ok, type Result } from '../../shared/result';

/** One `-----BEGIN LABEL-----` block of a PEM file, decoded. */
export interface PemBlock {
  label: string;
  der: Uint8Array;
  /** The block's text exactly as it appears, headers included (needed for legacy encrypted keys). */
  text: string;
}

const beginPattern = /-----BEGIN ([A-Z0-9 #-]{1,64})-----/g;

/** The most PEM blocks one file may hold (a public CA bundle holds a few hundred). */
export const maxPemBlocks = 500;

/** True when the text holds at least one PEM BEGIN line. */
export function looksLikePem(text: string): boolean {
  return /-----BEGIN [A-Z0-9 #-]{1,64}-----/.test(text);
}

/** Finds every PEM block in text (text around and between blocks is allowed), in one linear pass. */
export function parsePemBlocks(text: string): Result<PemBlock[], CertErrorCode> {
  const blocks: PemBlock[] = [];
  beginPattern.lastIndex = 0;
  for (let match = beginPattern.exec(text); match; match = beginPattern.exec(text)) {
    const label = match[1]!;
    const endLine = `-----END ${label}-----`;
    const end = text.indexOf(endLine, match.index + match[0].length);
    if (end < 0) {
      return fail(
        'truncated_pem',
        'the PEM text is cut short: a BEGIN line has no matching END line. Copy the whole file again.',
      );
    }
    if (blocks.length >= maxPemBlocks) {
      return fail(
        'file_too_large',
        `the file holds more than ${maxPemBlocks} PEM blocks; split it or choose the right file.`,
      );
    }
    const body = text
      .slice(match.index + match[0].length, end)
      .split(/\r?\n/)
      .filter((line) => !line.includes(':'))
      .join('')
      .replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) {
      return fail(
        'malformed_certificate',
        `the PEM block "${label}" holds text that is not base64; the file is damaged.`,
      );
    }
    blocks.push({
      label,
      der: new Uint8Array(Buffer.from(body, 'base64')),
      text: text.slice(match.index, end + endLine.length),
    });
    beginPattern.lastIndex = end + endLine.length;
  }
  return ok(blocks);
}

/** Encodes DER bytes as one PEM block with 64-column base64 lines. */
export function encodePem(label: string, der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Encodes certificates as a PEM bundle, in the order given. */
export function encodePemBundle(certificates: Uint8Array[]): string {
  return certificates.map((der) => encodePem('CERTIFICATE', der)).join('');
}

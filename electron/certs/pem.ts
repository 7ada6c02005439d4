import type { CertErrorCode } from '../../shared/cert-types';
import { fail, ok, type Result } from '../../shared/result';

/** One `-----BEGIN LABEL-----` block of a PEM file, decoded. */
export interface PemBlock {
  label: string;
  der: Uint8Array;
  /** The block's text exactly as it appears, headers included (needed for legacy encrypted keys). */
  text: string;
}

const blockPattern = /-----BEGIN ([A-Z0-9 #-]{1,64})-----([\s\S]*?)-----END \1-----/g;
const beginPattern = /-----BEGIN [A-Z0-9 #-]{1,64}-----/g;

/** True when the text holds at least one PEM BEGIN line. */
export function looksLikePem(text: string): boolean {
  return /-----BEGIN [A-Z0-9 #-]{1,64}-----/.test(text);
}

/** Finds every PEM block in text (text around and between blocks is allowed). */
export function parsePemBlocks(text: string): Result<PemBlock[], CertErrorCode> {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(blockPattern)) {
    const body = match[2]!
      .split(/\r?\n/)
      .filter((line) => !line.includes(':'))
      .join('')
      .replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 === 1) {
      return fail(
        'malformed_certificate',
        `the PEM block "${match[1]}" holds text that is not base64; the file is damaged.`,
      );
    }
    blocks.push({ label: match[1]!, der: new Uint8Array(Buffer.from(body, 'base64')), text: match[0] });
  }
  const begins = text.match(beginPattern)?.length ?? 0;
  if (begins > blocks.length) {
    return fail(
      'truncated_pem',
      'the PEM text is cut short: a BEGIN line has no matching END line. Copy the whole file again.',
    );
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

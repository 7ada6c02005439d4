import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CertErrorCode, CertOutputFormat } from '../../shared/cert-types';
import { fail, ok, type Result } from '../../shared/result';
import { writeFileAtomic } from '../platform/atomic-write';
import { jksEntriesFor } from './ca-package';
import { uniqueCertificates } from './chain';
import { readInputFile } from './input-file';
import { defaultJksPassword, writeJks } from './jks';
import { encodePemBundle } from './pem';
import { writePkcs7Pem } from './pkcs7';
import { loadPrivateKey, toPkcs8Der } from './private-key';
import { readCertificates } from './read';

/** What `rdspg cert convert` did: the file written, its format and how many certificates (or keys) it holds. */
export interface Conversion {
  out: string;
  to: CertOutputFormat;
  count: number;
}

/** Encodes certificates in an output format: a PEM bundle, one DER certificate, a PEM P7B, or a JKS truststore. */
export function encodeCertificates(
  certificates: Uint8Array[],
  to: Exclude<CertOutputFormat, 'pk8'>,
  password = defaultJksPassword,
): Result<Uint8Array, CertErrorCode> {
  if (to === 'der') {
    if (certificates.length !== 1) {
      return fail(
        'der_needs_one_certificate',
        `the input holds ${certificates.length} certificates and DER holds one; convert to pem, p7b or jks instead.`,
      );
    }
    return ok(certificates[0]!);
  }
  if (to === 'jks') return ok(writeJks(jksEntriesFor(certificates), password));
  return ok(new TextEncoder().encode(to === 'pem' ? encodePemBundle(certificates) : writePkcs7Pem(certificates)));
}

/**
 * Converts a certificate file (any readable format) or, for pk8, a private key file, and writes the one output
 * file atomically. Nothing is written unless the input converts; the output's folder must already exist.
 */
export async function convertFile(
  input: string,
  to: CertOutputFormat,
  out: string,
  password?: string,
): Promise<Result<Conversion, CertErrorCode>> {
  const bytes = await readInputFile(input);
  if (!bytes.ok) return bytes;
  let encoded: Result<Uint8Array, CertErrorCode>;
  let count = 1;
  if (to === 'pk8') {
    const key = loadPrivateKey(bytes.value, password);
    encoded = key.ok ? ok(toPkcs8Der(key.value)) : key;
  } else {
    const read = readCertificates(bytes.value, { password });
    if (!read.ok) return read;
    const certificates = uniqueCertificates(read.value.certificates).map(({ der }) => der);
    count = certificates.length;
    encoded = encodeCertificates(certificates, to, password ?? defaultJksPassword);
  }
  if (!encoded.ok) return encoded;
  const folder = await stat(dirname(out)).catch(() => null);
  if (!folder?.isDirectory())
    return fail('output_failed', `the folder of ${out} does not exist; create it first or choose another --out.`);
  try {
    await writeFileAtomic(out, encoded.value);
  } catch (error) {
    return fail(
      'output_failed',
      `${out} cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); choose another --out.`,
    );
  }
  return ok({ out, to, count });
}

import type { CertErrorCode, CertFormat, CertWarning } from '../../shared/cert-types';
import type { CertificateFacts } from '../../shared/contract/certificates';
import { ok, type Result } from '../../shared/result';
import { describeChain, uniqueCertificates } from './chain';
import { type CertCheck, certificateWarnings, checkClientCertificate, checkRootCertificate } from './checks';
import { describeCertificate } from './facts';
import { readInputFile } from './input-file';
import { type ReadOptions, readCertificates } from './read';

/** Everything `rdspg cert inspect` and the server dialog show about a certificate file. */
export interface Inspection {
  format: CertFormat;
  /** Each certificate in file order (for a zip: member by member, so the same one may appear per member). */
  certificates: CertificateFacts[];
  /** Whether the distinct certificates, in order, form a chain ending in a self-signed root. */
  formsChain: boolean;
  warnings: CertWarning[];
}

/** Options for inspecting: the keystore password and the clock. */
export interface InspectOptions extends ReadOptions {
  now?: Date;
}

/** Inspects the bytes of a certificate file of any supported format. */
export function inspectBytes(bytes: Uint8Array, options: InspectOptions = {}): Result<Inspection, CertErrorCode> {
  const read = readCertificates(bytes, options);
  if (!read.ok) return read;
  const now = options.now ?? new Date();
  const certificates = read.value.certificates.map(({ der, member }) => {
    const facts = describeCertificate(der, now);
    return member === undefined ? facts : { ...facts, member };
  });
  const seen = new Set<string>();
  const distinct = certificates.flatMap((facts, index) => {
    if (seen.has(facts.fingerprintSha256)) return [];
    seen.add(facts.fingerprintSha256);
    return [{ facts, der: read.value.certificates[index]!.der }];
  });
  return ok({
    format: read.value.format,
    certificates,
    formsChain: describeChain(distinct.map(({ der }) => der)).formsChain,
    warnings: certificateWarnings(
      distinct.map(({ facts }) => facts),
      now,
    ),
  });
}

/** Inspects a certificate file (its size is checked before anything is read). */
export async function inspectFile(
  path: string,
  options: InspectOptions = {},
): Promise<Result<Inspection, CertErrorCode>> {
  const bytes = await readInputFile(path);
  return bytes.ok ? inspectBytes(bytes.value, options) : bytes;
}

/** Reads the distinct certificates of a file, in order. */
export async function readCertificateFile(
  path: string,
  options: ReadOptions = {},
): Promise<Result<Uint8Array[], CertErrorCode>> {
  const bytes = await readInputFile(path);
  if (!bytes.ok) return bytes;
  const read = readCertificates(bytes.value, options);
  return read.ok ? ok(uniqueCertificates(read.value.certificates).map(({ der }) => der)) : read;
}

/** The root-certificate check of the server dialog (sslrootcert for verify-ca/verify-full), on a file. */
export async function checkRootCertificateFile(
  path: string,
  options: InspectOptions = {},
): Promise<Result<CertCheck, CertErrorCode>> {
  const certificates = await readCertificateFile(path, options);
  return certificates.ok ? checkRootCertificate(certificates.value, options.now) : certificates;
}

/** The client certificate + key check of the server dialog (sslcert, sslkey, sslpassword), on files. */
export async function checkClientCertificateFiles(
  certificatePath: string,
  keyPath: string,
  passphrase?: string,
  now = new Date(),
): Promise<Result<CertCheck, CertErrorCode>> {
  const certificates = await readCertificateFile(certificatePath);
  if (!certificates.ok) return certificates;
  const key = await readInputFile(keyPath);
  if (!key.ok) return key;
  return checkClientCertificate(certificates.value, key.value, passphrase, now);
}

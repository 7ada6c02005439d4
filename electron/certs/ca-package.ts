import { X509Certificate } from 'node:crypto';
import type { CertErrorCode } from '../../shared/cert-types';
import { fail, ok, type Result } from '../../shared/result';
import { defaultJksPassword, writeJks } from './jks';
import { encodePemBundle, parsePemBlocks } from './pem';
import { writePkcs7Pem } from './pkcs7';
import { writeZip } from './zip';

/** The three files of an RDS CA package, as ApsaraDB hands them out. */
export interface CaPackageFiles {
  pem: string;
  jks: Uint8Array;
  p7b: string;
}

/** The base name of the files in the package ApsaraDB RDS lets users download. */
export const caPackageBaseName = 'ApsaraDB-CA-Chain';

/** Reads the certificates of a PEM text as DER, refusing anything that is not a valid X.509 certificate. */
export function pemCertificatesToDer(pemCertificates: string | string[]): Result<Uint8Array[], CertErrorCode> {
  const text = Array.isArray(pemCertificates) ? pemCertificates.join('\n') : pemCertificates;
  const blocks = parsePemBlocks(text);
  if (!blocks.ok) return blocks;
  const certificates = blocks.value.filter((block) => block.label === 'CERTIFICATE').map((block) => block.der);
  if (certificates.length === 0) return fail('no_certificates', 'no CERTIFICATE block was found in the PEM text.');
  for (const der of certificates) {
    try {
      new X509Certificate(der);
    } catch {
      return fail('malformed_certificate', 'a CERTIFICATE block does not hold a valid X.509 certificate.');
    }
  }
  return ok(certificates);
}

/** Builds the PEM bundle, the JKS truststore (password `apsaradb` by default) and the P7B of a CA chain. */
export function buildCaPackage(
  pemCertificates: string | string[],
  jksPassword = defaultJksPassword,
  createdAt = new Date(),
): Result<CaPackageFiles, CertErrorCode> {
  const certificates = pemCertificatesToDer(pemCertificates);
  if (!certificates.ok) return certificates;
  return ok({
    pem: encodePemBundle(certificates.value),
    jks: writeJks(jksEntriesFor(certificates.value, createdAt), jksPassword),
    p7b: writePkcs7Pem(certificates.value),
  });
}

/** Builds the RDS CA package zip in memory: `<base>.pem`, `<base>.jks` and `<base>.p7b`. */
export function buildCaPackageZip(
  pemCertificates: string | string[],
  baseName = caPackageBaseName,
  jksPassword = defaultJksPassword,
): Result<Uint8Array, CertErrorCode> {
  const files = buildCaPackage(pemCertificates, jksPassword);
  if (!files.ok) return files;
  const text = new TextEncoder();
  return ok(
    writeZip([
      { name: `${baseName}.pem`, data: text.encode(files.value.pem) },
      { name: `${baseName}.jks`, data: files.value.jks },
      { name: `${baseName}.p7b`, data: text.encode(files.value.p7b) },
    ]),
  );
}

/** Gives each certificate a unique lowercase JKS alias from its common name, as keytool users would. */
export function jksEntriesFor(certificates: Uint8Array[], createdAt = new Date()) {
  const used = new Set<string>();
  return certificates.map((der, index) => {
    const commonName = /CN=([^\n]+)/.exec(new X509Certificate(der).subject)?.[1] ?? '';
    const base =
      commonName
        .toLowerCase()
        .replace(/[^a-z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, '') || `ca-${index + 1}`;
    let alias = base;
    for (let suffix = 2; used.has(alias); suffix++) alias = `${base}-${suffix}`;
    used.add(alias);
    return { alias, der, createdAt };
  });
}

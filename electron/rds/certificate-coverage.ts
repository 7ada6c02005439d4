import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, ok, type Result } from '../../shared/result';
import { pemCertificatesToDer } from '../certs/index';
import { readCertificateNames } from '../engine/certificate-names';
import { matchHostName } from '../engine/host-match';

/** Which of the endpoints a server certificate's names cover, by libpq's verify-full rules (SAN first, then CN). */
export interface Coverage {
  names: string[];
  missing: string[];
}

/** Reads the names of the certificate's leaf and lists the endpoints they do not cover. */
export function certificateCoverage(certificatePem: string, endpoints: string[]): Result<Coverage, RdsErrorCode> {
  const certificates = pemCertificatesToDer(certificatePem);
  if (!certificates.ok) return fail('certificate_invalid', `The server certificate: ${certificates.error.message}`);
  const [leaf] = certificates.value;
  if (!leaf) return fail('certificate_invalid', 'The server certificate file holds no certificate.');
  const names = readCertificateNames(leaf);
  const listed = [
    ...(names.subjectAltNames ?? []).flatMap((name) => (name.kind === 'dns' ? [name.value] : [])),
    ...(names.commonName ? [`CN=${names.commonName}`] : []),
  ];
  const missing = endpoints.filter((host) => !matchHostName(names, host).matches);
  return ok({ names: listed, missing });
}

/**
 * Refuses a custom certificate whose names do not cover every endpoint it is meant to protect (clients with
 * sslmode=verify-full would refuse those endpoints), naming the missing ones and how to issue a covering one.
 */
export function checkCertificateCoversEndpoints(
  certificatePem: string,
  endpoints: string[],
): Result<true, RdsErrorCode> {
  const coverage = certificateCoverage(certificatePem, endpoints);
  if (!coverage.ok) return coverage;
  const { names, missing } = coverage.value;
  if (missing.length === 0) return ok(true);
  const subjectAltName = endpoints.map((host) => `DNS:${host}`).join(',');
  return fail(
    'certificate_invalid',
    `The certificate's names (${names.join(', ') || 'none'}) do not cover ${missing.join(', ')}; ` +
      `clients using sslmode=verify-full would refuse ${missing.length === 1 ? 'it' : 'them'}. ` +
      `Issue the certificate with subjectAltName=${subjectAltName}, or protect only the endpoints it names.`,
  );
}

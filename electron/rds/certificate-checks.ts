import { createPublicKey, X509Certificate } from 'node:crypto';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, ok, type Result } from '../../shared/result';
import { checkRootCertificate, describeCertificate, loadPrivateKey, pemCertificatesToDer } from '../certs/index';

/** Checks a custom server certificate and its key with the certificate toolkit before they are sent. */
export function checkCustomCertificate(certificatePem: string, keyPem: string, now: Date): Result<true, RdsErrorCode> {
  const certificates = pemCertificatesToDer(certificatePem);
  if (!certificates.ok) return fail('certificate_invalid', `The server certificate: ${certificates.error.message}`);
  const [leaf] = certificates.value;
  if (!leaf) return fail('certificate_invalid', 'The server certificate file holds no certificate.');
  if (/ENCRYPTED/.test(keyPem)) {
    return fail(
      'certificate_invalid',
      'The server key is protected by a passphrase; RDS needs an unencrypted key (openssl pkey -in key.pem -out plain.pem).',
    );
  }
  const key = loadPrivateKey(new TextEncoder().encode(keyPem));
  if (!key.ok) return fail('certificate_invalid', `The server key: ${key.error.message}`);
  const certificate = new X509Certificate(leaf);
  const keySpki = createPublicKey(key.value).export({ type: 'spki', format: 'der' });
  if (!keySpki.equals(certificate.publicKey.export({ type: 'spki', format: 'der' }))) {
    return fail(
      'certificate_invalid',
      'The server key does not belong to the server certificate; choose the matching key.',
    );
  }
  const facts = describeCertificate(leaf, now);
  if (facts.expiryState === 'expired') {
    return fail('certificate_invalid', `The server certificate expired on ${facts.notAfter}; issue a new one.`);
  }
  return ok(true);
}

/** Checks a client CA certificate (and CRL, when given) with the certificate toolkit before they are sent. */
export function checkClientCa(certificatePem: string, crlPem: string | undefined): Result<true, RdsErrorCode> {
  const certificates = pemCertificatesToDer(certificatePem);
  if (!certificates.ok) return fail('certificate_invalid', `The client CA certificate: ${certificates.error.message}`);
  const checked = checkRootCertificate(certificates.value);
  if (!checked.ok) return fail('certificate_invalid', `The client CA certificate: ${checked.error.message}`);
  if (crlPem !== undefined && !/-----BEGIN X509 CRL-----[\s\S]+-----END X509 CRL-----/.test(crlPem)) {
    return fail('certificate_invalid', 'The CRL is not a PEM "X509 CRL"; export it with openssl crl -outform PEM.');
  }
  return ok(true);
}

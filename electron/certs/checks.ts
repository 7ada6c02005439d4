import { createPublicKey, X509Certificate } from 'node:crypto';
import type { CertErrorCode, CertWarning } from '../../shared/cert-types';
import type { CertificateFacts } from '../../shared/contract/certificates';
import { fail, ok, type Result } from '../../shared/result';
import { describeAll } from './facts';
import { loadPrivateKey } from './private-key';

/** The outcome of an accepted check: the facts of each certificate and the warnings worth showing. */
export interface CertCheck {
  certificates: CertificateFacts[];
  warnings: CertWarning[];
}

const clientAuthUsages = ['1.3.6.1.5.5.7.3.2', '2.5.29.37.0'];

/** Warnings for certificates: expired, not yet valid, weak key (RSA/DSA under 2048 bits), SHA-1 or MD5 signature. */
export function certificateWarnings(certificates: CertificateFacts[], now = new Date()): CertWarning[] {
  const warnings: CertWarning[] = [];
  for (const facts of certificates) {
    const about = { fingerprintSha256: facts.fingerprintSha256 };
    const name = facts.subject || facts.fingerprintSha256;
    if (facts.expiryState === 'expired')
      warnings.push({
        kind: 'expired',
        ...about,
        message: `${name} expired on ${facts.notAfter}; get a current CA certificate.`,
      });
    if (new Date(facts.notBefore) > now)
      warnings.push({
        kind: 'not_yet_valid',
        ...about,
        message: `${name} is not valid before ${facts.notBefore}; check the computer's clock.`,
      });
    if (
      (facts.keyType === 'rsa' || facts.keyType === 'rsa-pss' || facts.keyType === 'dsa') &&
      (facts.keySize ?? 0) < 2048
    ) {
      warnings.push({
        kind: 'weak_key',
        ...about,
        message: `${name} has a weak ${facts.keySize}-bit ${facts.keyType.toUpperCase()} key (under 2048 bits).`,
      });
    }
    if (/sha1|md5/i.test(facts.signatureAlgorithm)) {
      const note = facts.selfSigned ? ' (a self-signed root: its own signature matters less, but replace it)' : '';
      warnings.push({
        kind: 'weak_signature',
        ...about,
        message: `${name} is signed with ${facts.signatureAlgorithm}, a broken hash${note}.`,
      });
    }
  }
  return warnings;
}

/**
 * Checks a root certificate file chosen for sslmode verify-ca/verify-full: it must contain at least one CA
 * certificate; leaves, expired or not-yet-valid and weak certificates come back as warnings.
 */
export function checkRootCertificate(certificates: Uint8Array[], now = new Date()): Result<CertCheck, CertErrorCode> {
  if (certificates.length === 0)
    return fail('no_certificates', 'the file holds no certificate; choose the CA certificate file.');
  const described = describeAll(certificates, now);
  if (!described.ok) return described;
  const facts = described.value;
  if (!facts.some((item) => item.isCA)) {
    return fail(
      'no_ca_certificate',
      'the file holds only leaf certificates (such as the server certificate), no CA; verify-ca and verify-full need ' +
        "the CA that issued the server's certificate — use the PEM file of the RDS CA package.",
    );
  }
  const warnings = certificateWarnings(facts, now);
  for (const item of facts.filter((candidate) => !candidate.isCA)) {
    warnings.push({
      kind: 'not_ca',
      fingerprintSha256: item.fingerprintSha256,
      message: `${item.subject} is a leaf certificate, not a CA; it cannot verify a server and is ignored as a root.`,
    });
  }
  return ok({ certificates: facts, warnings });
}

/**
 * Checks a client certificate and its key: the key loads (with its passphrase when encrypted), it matches the
 * first certificate, and that certificate may be used for TLS client authentication.
 */
export function checkClientCertificate(
  certificates: Uint8Array[],
  keyBytes: Uint8Array,
  passphrase?: string,
  now = new Date(),
): Result<CertCheck, CertErrorCode> {
  const [first] = certificates;
  if (!first) return fail('no_certificates', 'the client certificate file holds no certificate.');
  const key = loadPrivateKey(keyBytes, passphrase);
  if (!key.ok) return key;
  const keySpki = createPublicKey(key.value).export({ type: 'spki', format: 'der' });
  if (!keySpki.equals(certificateSpki(first))) {
    return fail(
      'key_mismatch',
      'the private key does not belong to the client certificate; choose the key issued with it.',
    );
  }
  const described = describeAll([first], now);
  if (!described.ok) return described;
  const facts = described.value[0]!;
  if (facts.extendedKeyUsage.length > 0 && !facts.extendedKeyUsage.some((usage) => clientAuthUsages.includes(usage))) {
    return fail(
      'not_client_certificate',
      'the certificate is not for client authentication (its extended key usage lacks clientAuth); ask for a client certificate.',
    );
  }
  const warnings = certificateWarnings([facts], now);
  if (facts.isCA)
    warnings.push({
      kind: 'ca_as_client',
      fingerprintSha256: facts.fingerprintSha256,
      message: 'the client certificate is a CA certificate; a client leaf certificate is expected.',
    });
  return ok({ certificates: [facts], warnings });
}

function certificateSpki(der: Uint8Array): Buffer {
  try {
    return new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  } catch {
    return Buffer.alloc(0);
  }
}

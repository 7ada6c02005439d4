import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { type CertErrorCode, type ExpiryState, expiresSoonDays } from '../../shared/cert-types';
import type { CertificateFacts } from '../../shared/contract/certificates';
import { fail, ok, type Result } from '../../shared/result';
import { toBinary } from './asn1';
import { readTlv } from './der';

const dayMs = 24 * 60 * 60 * 1000;

const signatureNames: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.156.10197.1.501': 'SM2-with-SM3',
};

const curveBits: Record<string, number> = {
  prime256v1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
  prime192v1: 192,
  secp224r1: 224,
  SM2: 256,
};

/** Tells whether a certificate is valid, expires within 30 days, or has expired at `now`. */
export function expiryStateOf(notAfter: Date, now: Date): ExpiryState {
  const left = notAfter.getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left <= expiresSoonDays * dayMs ? 'expires_soon' : 'valid';
}

/** Reads a field OpenSSL may fail to decode in a damaged or exotic certificate; undefined when it cannot. */
function attempt<Value>(read: () => Value): Value | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Describes one DER certificate (throws when it is not one; the readers check this first): names, validity, fingerprints, CA flag, key, signature and alternative names. */
export function describeCertificate(der: Uint8Array, now = new Date()): CertificateFacts {
  const certificate = new X509Certificate(der);
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  const key = attempt(() => certificate.publicKey);
  const keyType = attempt(() => key?.asymmetricKeyType);
  const details = attempt(() => key?.asymmetricKeyDetails) ?? {};
  const curve = details.namedCurve ?? null;
  return {
    subject: oneLineName(certificate.subject),
    issuer: oneLineName(certificate.issuer),
    serialNumber: certificate.serialNumber.toUpperCase(),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    daysLeft: Math.floor((notAfter.getTime() - now.getTime()) / dayMs),
    expiryState: expiryStateOf(notAfter, now),
    fingerprintSha256: certificate.fingerprint256,
    fingerprintSha1: certificate.fingerprint,
    isCA: certificate.ca,
    selfSigned: isSelfSigned(certificate),
    keyType: keyType ?? 'unknown',
    keySize: details.modulusLength ?? (curve ? (curveBits[curve] ?? null) : edwardsBits(keyType)),
    curve,
    signatureAlgorithm: signatureAlgorithmOf(der),
    subjectAltNames: splitAltNames(attempt(() => certificate.subjectAltName)),
    extendedKeyUsage: attempt(() => certificate.keyUsage) ?? [],
  };
}

/** Describes certificates that did not come through a reader, turning damage into a failure Result. */
export function describeAll(certificates: Uint8Array[], now = new Date()): Result<CertificateFacts[], CertErrorCode> {
  try {
    return ok(certificates.map((der) => describeCertificate(der, now)));
  } catch {
    return fail('malformed_certificate', 'a certificate is damaged (not valid X.509 DER); choose the file again.');
  }
}

/** True when the certificate names itself as issuer and its own key verifies its signature. */
export function isSelfSigned(certificate: X509Certificate): boolean {
  return issuedBy(certificate, certificate);
}

/** True when `issuer` issued `subject`: the names match and the issuer's key verifies the signature. */
export function issuedBy(subject: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function signatureAlgorithmOf(der: Uint8Array): string {
  const outer = readTlv(der, 0);
  const tbs = outer && readTlv(der, outer.contentStart);
  const algorithm = tbs && readTlv(der, tbs.end);
  const oid = algorithm && readTlv(der, algorithm.contentStart);
  if (oid?.tag !== 0x06) return 'unknown';
  const dotted = forge.asn1.derToOid(toBinary(der.subarray(oid.contentStart, oid.end)));
  return signatureNames[dotted] ?? dotted;
}

function edwardsBits(type: string | undefined): number | null {
  if (type === 'ed25519' || type === 'x25519') return 256;
  if (type === 'ed448' || type === 'x448') return 456;
  return null;
}

function oneLineName(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

function splitAltNames(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(/, (?=[A-Za-z ]+:)/).map((name) => name.trim());
}

import forge from 'node-forge';
import type { CertErrorCode } from '../../shared/cert-types';
import { fail, ok, type Result } from '../../shared/result';
import { children, oidOf, parseDer, toDer } from './asn1';
import { encodePem } from './pem';

const signedDataOid = '1.2.840.113549.1.7.2';
const dataOid = '1.2.840.113549.1.7.1';
const { Class, Type } = forge.asn1;

/** True when a parsed DER value is a PKCS#7 ContentInfo of type signedData. */
export function isPkcs7(value: forge.asn1.Asn1): boolean {
  return oidOf(children(value)[0]) === signedDataOid;
}

/** Reads the certificates of a degenerate (certificates-only) PKCS#7 SignedData, as `.p7b` files hold them. */
export function readPkcs7(bytes: Uint8Array): Result<Uint8Array[], CertErrorCode> {
  const root = parseDer(bytes);
  if (!root || !isPkcs7(root))
    return fail('malformed_pkcs7', 'the PKCS#7 data is damaged or is not a certificate bundle.');
  const signedData = children(children(root)[1])[0];
  const fields = children(signedData);
  const certificateSet = fields.find((field) => field.tagClass === Class.CONTEXT_SPECIFIC && field.type === 0);
  if (!certificateSet) return fail('no_certificates', 'the PKCS#7 bundle holds no certificates.');
  const certificates = children(certificateSet)
    .filter((item) => item.type === Type.SEQUENCE && item.tagClass === Class.UNIVERSAL)
    .map(toDer);
  if (certificates.length === 0) return fail('no_certificates', 'the PKCS#7 bundle holds no certificates.');
  return ok(certificates);
}

/** Writes certificates as a certificates-only PKCS#7 SignedData in DER (what `openssl crl2pkcs7 -nocrl` makes). */
export function writePkcs7Der(certificates: Uint8Array[]): Uint8Array {
  const parsed = certificates.map((der) => {
    const value = parseDer(der);
    if (!value) throw new Error('writePkcs7Der was given bytes that are not DER');
    return value;
  });
  const signedData = forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    forge.asn1.create(Class.UNIVERSAL, Type.INTEGER, false, String.fromCharCode(1)),
    forge.asn1.create(Class.UNIVERSAL, Type.SET, true, []),
    forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [oid(dataOid)]),
    forge.asn1.create(Class.CONTEXT_SPECIFIC, 0, true, parsed),
    forge.asn1.create(Class.UNIVERSAL, Type.SET, true, []),
  ]);
  return toDer(
    forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, [
      oid(signedDataOid),
      forge.asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [signedData]),
    ]),
  );
}

/** Writes certificates as a PEM-armoured PKCS#7 (`-----BEGIN PKCS7-----`). */
export function writePkcs7Pem(certificates: Uint8Array[]): string {
  return encodePem('PKCS7', writePkcs7Der(certificates));
}

function oid(dotted: string): forge.asn1.Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(dotted).getBytes());
}

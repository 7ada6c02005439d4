import forge from 'node-forge';
import type { CertErrorCode } from '../../shared/cert-types';
import { fail, ok, type Result } from '../../shared/result';
import { children, oidOf, toDer } from './asn1';
import { KdfBudgetExceeded, withKdfBudget } from './kdf-budget';

/** True when a parsed DER value looks like a PKCS#12 PFX: version 3, then a ContentInfo of type data. */
export function isPkcs12(value: forge.asn1.Asn1): boolean {
  const [version, content] = children(value);
  return (
    version?.type === forge.asn1.Type.INTEGER &&
    version.value === String.fromCharCode(3) &&
    oidOf(children(content)[0]) === '1.2.840.113549.1.7.1'
  );
}

/**
 * Reads the certificates of a PKCS#12 (.pfx/.p12) file, verifying its MAC with the password. Without a password
 * it tries the empty one and then `apsaradb`, as keystores made for the RDS package use it.
 */
export function readPkcs12(value: forge.asn1.Asn1, password?: string): Result<Uint8Array[], CertErrorCode> {
  const candidates = password === undefined ? ['', 'apsaradb'] : [password];
  let lastFailure: Result<never, CertErrorCode> = fail('malformed_pkcs12', 'the PKCS#12 file is damaged.');
  for (const candidate of candidates) {
    try {
      const pfx = withKdfBudget(() => forge.pkcs12.pkcs12FromAsn1(value, false, candidate));
      const certificates = pfx.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]?.map((bag) => {
        const raw = (bag as { asn1?: forge.asn1.Asn1 }).asn1;
        return raw ? toDer(raw) : toDer(forge.pki.certificateToAsn1(bag.cert!));
      });
      if (!certificates?.length) return fail('no_certificates', 'the PKCS#12 file holds no certificates.');
      return ok(certificates);
    } catch (error) {
      if (error instanceof KdfBudgetExceeded) {
        return fail(
          'malformed_pkcs12',
          'the PKCS#12 file asks for far more key-derivation rounds than real keystores use; re-export it with standard settings.',
        );
      }
      const message = String((error as Error)?.message ?? error);
      lastFailure = /password|mac could not be verified|decrypt/i.test(message)
        ? fail(
            'wrong_password',
            password === undefined
              ? 'the PKCS#12 file is protected by a password; give it with --password.'
              : 'the PKCS#12 password is wrong (its integrity check failed); try again with the right --password.',
          )
        : fail('malformed_pkcs12', `the PKCS#12 file cannot be read (${message}).`);
    }
  }
  return lastFailure;
}

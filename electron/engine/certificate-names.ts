import forge from 'node-forge';

/** A name a server certificate carries, as libpq reads them: subjectAltName entries and the subject's CN. */
export type CertificateName = { kind: 'dns'; value: string } | { kind: 'ip'; bytes: Uint8Array } | { kind: 'other' };

/** The names of a certificate for host-name checks, read from its DER with a plain ASN.1 walk (any key type). */
export interface CertificateNames {
  /** null when the certificate has no subjectAltName extension. */
  subjectAltNames: CertificateName[] | null;
  /** The first commonName of the subject, or null. */
  commonName: string | null;
}

const subjectAltNameOid = '2.5.29.17';
const commonNameOid = '2.5.4.3';

function children(node: forge.asn1.Asn1): forge.asn1.Asn1[] {
  return Array.isArray(node.value) ? node.value : [];
}

function bytesOf(node: forge.asn1.Asn1): string {
  return typeof node.value === 'string' ? node.value : '';
}

function readGeneralNames(extensionValue: string): CertificateName[] {
  const sequence = forge.asn1.fromDer(extensionValue);
  return children(sequence).map((name): CertificateName => {
    if (name.tagClass !== forge.asn1.Class.CONTEXT_SPECIFIC) return { kind: 'other' };
    if (name.type === 2) return { kind: 'dns', value: bytesOf(name) };
    if (name.type === 7) return { kind: 'ip', bytes: Uint8Array.from(Buffer.from(bytesOf(name), 'binary')) };
    return { kind: 'other' };
  });
}

/** Reads the subjectAltNames and first CN of a DER certificate. */
export function readCertificateNames(der: Uint8Array): CertificateNames {
  const certificate = forge.asn1.fromDer(Buffer.from(der).toString('binary'));
  const tbs = children(certificate)[0]!;
  const fields = children(tbs);
  const offset = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  const subject = fields[offset + 4]!;
  let commonName: string | null = null;
  for (const set of children(subject)) {
    for (const attribute of children(set)) {
      const [oid, value] = children(attribute);
      if (commonName === null && oid && value && forge.asn1.derToOid(bytesOf(oid)) === commonNameOid) {
        commonName = decodeString(value);
      }
    }
  }
  let subjectAltNames: CertificateName[] | null = null;
  const extensionsWrapper = fields.find(
    (field) => field.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && field.type === 3,
  );
  for (const extension of extensionsWrapper ? children(children(extensionsWrapper)[0]!) : []) {
    const parts = children(extension);
    if (parts[0] && forge.asn1.derToOid(bytesOf(parts[0])) === subjectAltNameOid) {
      subjectAltNames = readGeneralNames(bytesOf(parts[parts.length - 1]!));
    }
  }
  return { subjectAltNames, commonName };
}

function decodeString(node: forge.asn1.Asn1): string {
  const raw = bytesOf(node);
  if (node.type === forge.asn1.Type.UTF8) return forge.util.decodeUtf8(raw);
  if (node.type === forge.asn1.Type.BMPSTRING) return Buffer.from(raw, 'binary').swap16().toString('utf16le');
  return raw;
}

import { type DerNode, decodeOid, parseDerTree } from '../certs/der';

/** A name a server certificate carries, as libpq reads them: subjectAltName entries and the subject's CN. */
export type CertificateName = { kind: 'dns'; value: string } | { kind: 'ip'; bytes: Uint8Array } | { kind: 'other' };

/** The names of a certificate for host-name checks, read from its DER (any key type). */
export interface CertificateNames {
  /** null when the certificate has no subjectAltName extension. */
  subjectAltNames: CertificateName[] | null;
  /** The first commonName of the subject, or null. */
  commonName: string | null;
}

const subjectAltNameOid = '2.5.29.17';
const commonNameOid = '2.5.4.3';
const contextSpecific = 0x80;

function decodeString(node: DerNode): string {
  if (node.tag === 0x1e) return Buffer.from(node.content).swap16().toString('utf16le');
  if (node.tag === 0x0c) return Buffer.from(node.content).toString('utf8');
  return Buffer.from(node.content).toString('latin1');
}

function readGeneralNames(extensionValue: Uint8Array): CertificateName[] {
  return parseDerTree(extensionValue).children.map((name): CertificateName => {
    if (name.tag === (contextSpecific | 2)) return { kind: 'dns', value: Buffer.from(name.content).toString('latin1') };
    if (name.tag === (contextSpecific | 7)) return { kind: 'ip', bytes: Uint8Array.from(name.content) };
    return { kind: 'other' };
  });
}

/** Reads the subjectAltNames and first CN of a DER certificate. */
export function readCertificateNames(der: Uint8Array): CertificateNames {
  const tbs = parseDerTree(der).children[0]!;
  const fields = tbs.children;
  const offset = fields[0]?.tag === (contextSpecific | 0x20 | 0) ? 1 : 0;
  let commonName: string | null = null;
  for (const set of fields[offset + 4]?.children ?? []) {
    for (const attribute of set.children) {
      const [oid, value] = attribute.children;
      if (commonName === null && oid && value && decodeOid(oid.content) === commonNameOid)
        commonName = decodeString(value);
    }
  }
  let subjectAltNames: CertificateName[] | null = null;
  const extensions = fields.find((field) => field.tag === (contextSpecific | 0x20 | 3));
  for (const extension of extensions?.children[0]?.children ?? []) {
    const parts = extension.children;
    if (parts[0] && decodeOid(parts[0].content) === subjectAltNameOid)
      subjectAltNames = readGeneralNames(parts[parts.length - 1]!.content);
  }
  return { subjectAltNames, commonName };
}

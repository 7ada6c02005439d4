import { X509Certificate } from 'node:crypto';
import { isSelfSigned, issuedBy } from './facts';

/** How the certificates of one file relate: whether each is issued by the next, ending in a self-signed root. */
export interface ChainFacts {
  formsChain: boolean;
  endsInSelfSigned: boolean;
  /** links[i] is true when certificate i was issued by certificate i + 1. */
  links: boolean[];
}

/** Tells whether certificates in file order form a chain: each issued by the next, the last one self-signed. */
export function describeChain(certificates: Uint8Array[]): ChainFacts {
  const parsed = certificates.map((der) => new X509Certificate(der));
  const links = parsed.slice(0, -1).map((certificate, index) => issuedBy(certificate, parsed[index + 1]!));
  const last = parsed.at(-1);
  const endsInSelfSigned = last ? isSelfSigned(last) : false;
  return { formsChain: endsInSelfSigned && links.every(Boolean), endsInSelfSigned, links };
}

/** Removes repeated certificates (same SHA-256 fingerprint), keeping the first of each in order. */
export function uniqueCertificates<Item extends { der: Uint8Array }>(items: Item[]): Item[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const fingerprint = new X509Certificate(item.der).fingerprint256;
    if (seen.has(fingerprint)) return false;
    seen.add(fingerprint);
    return true;
  });
}

// A quick answer to "would OpenSSL accept this server chain with these roots?", given only when it is certainly yes.
// Why: on Node 20, giving a TLS context any CA makes Node build its bundled root store first (35–45 ms of CPU, more
// than the rest of `rdspg check` after start-up). So the first handshake runs with no CA, and this module checks the
// chain the server sent against the root certificate file with OpenSSL's own primitives (X509_check_issued through
// checkIssued, signatures through verify). It accepts only the plain shape — every certificate X.509 v3, in its
// validity period, with strong keys and signatures and only the extensions below; CAs marked CA with keyCertSign;
// serverAuth where an extended key usage is given; a path length respected; the path ending in a self-signed
// certificate of the root file — and answers "ask OpenSSL" for anything else: the caller then connects again with
// the root file in the context and OpenSSL decides, with libpq's exact message for every failure. It never rejects.
import type { X509Certificate } from 'node:crypto';
import { type DerNode, decodeOid, parseDerTree } from '../certs/der';

/** The outcome: the path from the server's certificate to the trusted root, or null for "ask OpenSSL". */
export type ChainCheck = X509Certificate[] | null;

const basicConstraints = '2.5.29.19';
const keyUsage = '2.5.29.15';
const extendedKeyUsage = '2.5.29.37';
const serverAuth = '1.3.6.1.5.5.7.3.1';
/** Extensions that may be critical: OpenSSL handles them and so does this check. */
const criticalAllowed = new Set([basicConstraints, keyUsage, extendedKeyUsage, '2.5.29.17']);
/** Extensions that may be present, not critical: OpenSSL's path validation does not look at them. */
const informational = new Set([
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.35', // authorityKeyIdentifier (checkIssued compares it)
  '2.5.29.31', // cRLDistributionPoints (read only with a CRL, and then OpenSSL decides)
  '2.5.29.32', // certificatePolicies (no policy checking without explicit flags)
  '1.3.6.1.5.5.7.1.1', // authorityInfoAccess
  '1.3.6.1.4.1.11129.2.4.2', // embedded SCTs
]);
const strongSignatures = new Set([
  '1.2.840.113549.1.1.11', // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12', // sha384WithRSAEncryption
  '1.2.840.113549.1.1.13', // sha512WithRSAEncryption
  '1.2.840.10045.4.3.2', // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3', // ecdsa-with-SHA384
  '1.2.840.10045.4.3.4', // ecdsa-with-SHA512
  '1.3.101.112', // Ed25519
  '1.3.101.113', // Ed448
]);
const strongCurves = new Set(['prime256v1', 'secp384r1', 'secp521r1']);
const longestPath = 8;

/** What the check reads of one certificate beyond what X509Certificate offers. */
interface Facts {
  certificate: X509Certificate;
  extensions: Map<string, { critical: boolean; value: Uint8Array }>;
}

/** Reads version, signature algorithm and extensions; null when anything is unusual (v1/v2, duplicates, bad DER). */
function readFacts(certificate: X509Certificate): Facts | null {
  try {
    const [tbs, algorithm] = parseDerTree(certificate.raw).children;
    const version = tbs?.children[0];
    if (version?.tag !== 0xa0 || version.children[0]?.content[0] !== 2) return null;
    if (!strongSignatures.has(decodeOid(algorithm?.children[0]?.content ?? new Uint8Array()))) return null;
    const extensions: Facts['extensions'] = new Map();
    const list: DerNode[] = tbs!.children.find((field) => field.tag === 0xa3)?.children[0]?.children ?? [];
    for (const extension of list) {
      const [oid, second, third] = extension.children;
      const id = decodeOid(oid!.content);
      const critical = third !== undefined && second!.tag === 0x01 && second!.content[0] !== 0;
      if (extensions.has(id) || (critical && !criticalAllowed.has(id))) return null;
      if (!criticalAllowed.has(id) && !informational.has(id)) return null;
      extensions.set(id, { critical, value: (third ?? second)!.content });
    }
    return { certificate, extensions };
  } catch {
    return null;
  }
}

/** The key usage bits (bit 0 = digitalSignature … bit 5 = keyCertSign), or null when the extension is absent. */
function keyUsageBits(facts: Facts): ((bit: number) => boolean) | null {
  const value = facts.extensions.get(keyUsage)?.value;
  if (!value) return null;
  const bits = parseDerTree(value).content;
  return (bit) => ((bits[1 + (bit >> 3)] ?? 0) & (0x80 >> (bit & 7))) !== 0;
}

function allowsServerAuth(facts: Facts): boolean {
  const value = facts.extensions.get(extendedKeyUsage)?.value;
  return !value || parseDerTree(value).children.some((oid) => decodeOid(oid.content) === serverAuth);
}

/** cA and pathLenConstraint of basicConstraints, or null when absent. */
function caConstraints(facts: Facts): { ca: boolean; pathLength: number | null } | null {
  const value = facts.extensions.get(basicConstraints)?.value;
  if (!value) return null;
  const fields = parseDerTree(value).children;
  const ca = fields[0]?.tag === 0x01 && fields[0].content[0] !== 0;
  const length = fields.find((field) => field.tag === 0x02);
  return { ca, pathLength: length ? Number.parseInt(Buffer.from(length.content).toString('hex') || '0', 16) : null };
}

function strongKey(certificate: X509Certificate): boolean {
  const key = certificate.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') return (details.modulusLength ?? 0) >= 2048;
  if (key.asymmetricKeyType === 'ec') return strongCurves.has(details.namedCurve ?? '');
  return key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448';
}

/** In its validity period now (OpenSSL's comparison, to the second; the last second of notAfter left to OpenSSL). */
function currentlyValid(certificate: X509Certificate, now: number): boolean {
  return Date.parse(certificate.validFrom) <= now && now < Date.parse(certificate.validTo);
}

function selfSigned(certificate: X509Certificate): boolean {
  return certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey);
}

const knownFacts = new WeakMap<X509Certificate, Facts | null>();
const knownSelfSigned = new WeakMap<X509Certificate, boolean>();

/** readFacts and selfSigned, each worked out once per certificate object (certificate-cache.ts gives one per bytes). */
function remembered<Value>(known: WeakMap<X509Certificate, Value>, work: (certificate: X509Certificate) => Value) {
  return (certificate: X509Certificate): Value => {
    if (!known.has(certificate)) known.set(certificate, work(certificate));
    return known.get(certificate)!;
  };
}
const factsOf = remembered(knownFacts, readFacts);
const selfSignedOnce = remembered(knownSelfSigned, selfSigned);

/**
 * Works out what checkChain needs of the roots before the server's certificates arrive (the handshake's wait for the
 * server): their facts and self-signatures, which also has Node compile the key and signature code the server's
 * certificates use next, off the moment the connection waits for this check.
 */
export function prepareRoots(roots: X509Certificate[]): void {
  for (const root of roots) if (factsOf(root) && selfSignedOnce(root)) strongKey(root);
}

/** Whether one certificate of the path passes what OpenSSL checks of it (purpose sslserver, CA, path length). */
function acceptable(facts: Facts, position: number, now: number): boolean {
  const { certificate } = facts;
  if (!currentlyValid(certificate, now) || !strongKey(certificate) || !allowsServerAuth(facts)) return false;
  const usage = keyUsageBits(facts);
  const constraints = caConstraints(facts);
  if (position === 0) return usage === null || usage(0) || usage(2) || usage(4);
  if (!constraints?.ca || (usage !== null && !usage(5))) return false;
  return constraints.pathLength === null || position - 1 <= constraints.pathLength;
}

/**
 * The path from `sent[0]` (the server's certificate; the rest as the server sent them) to a self-signed certificate of
 * `roots`, when OpenSSL would certainly accept it at `now`; null when OpenSSL must decide.
 */
export function checkChain(sent: X509Certificate[], roots: X509Certificate[], now = Date.now()): ChainCheck {
  const leaf = sent[0];
  if (!leaf || leaf.checkIssued(leaf)) return null;
  const path = [leaf];
  while (path.length <= longestPath) {
    const current = path[path.length - 1]!;
    if (path.length > 1 && roots.some((root) => root.raw.equals(current.raw)) && selfSignedOnce(current)) {
      const facts = path.map(factsOf);
      return facts.every((one, position) => one !== null && acceptable(one, position, now)) ? path : null;
    }
    // OpenSSL looks in the trusted store first; two possible issuers there (or, failing that, among what the server
    // sent) is a choice this check leaves to OpenSSL.
    const issuedBy = (candidates: X509Certificate[]) =>
      candidates.filter((candidate) => candidate !== current && current.checkIssued(candidate));
    const trusted = issuedBy(roots);
    const candidates = trusted.length ? trusted : issuedBy(sent.slice(1));
    if (candidates.length !== 1 || path.some((link) => link.raw.equals(candidates[0]!.raw))) return null;
    const issuer = candidates[0]!;
    if (!current.verify(issuer.publicKey)) return null;
    path.push(issuer);
  }
  return null;
}

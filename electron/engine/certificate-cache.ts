import { X509Certificate } from 'node:crypto';

/**
 * How many parsed certificates a process keeps, those used last: room for a system trust store (144 roots in Debian's
 * bundle, 26 ms to parse, which sslrootcert=system connections parsed for each connection) beside the servers' own.
 */
const kept = 512;
const parsed = new Map<string, X509Certificate>();

/**
 * A certificate parsed once per process: the same bytes (PEM text or DER) give the same X509Certificate, so that a
 * series of connections to one server parses its root file and its chain once, and chain-check's facts, which it keeps
 * per certificate object, are read once too. The files are still read for every connection, as libpq does; damaged
 * input throws as `new X509Certificate` does and is not kept.
 */
export function parsedCertificate(bytes: string | Buffer): X509Certificate {
  const key = typeof bytes === 'string' ? bytes : `der:${bytes.toString('latin1')}`;
  const known = parsed.get(key);
  if (known) {
    parsed.delete(key);
    parsed.set(key, known);
    return known;
  }
  const certificate = new X509Certificate(bytes);
  parsed.set(key, certificate);
  if (parsed.size > kept) parsed.delete(parsed.keys().next().value as string);
  return certificate;
}

import type { CertificateNames } from './certificate-names';
import { formatAddress, inetAton, inetPton6, isIpAddress } from './inet';

/** The outcome of checking a server certificate against the host name, as libpq decides it. */
export type HostMatch = { matches: true } | { matches: false; names: string[]; reason: string };

function lowerAscii(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** libpq's wildcard rule: `*.` followed by the rest, covering exactly one leftmost label. */
export function wildcardMatches(pattern: string, host: string): boolean {
  if (pattern.length < 3 || !pattern.startsWith('*.')) return false;
  if (pattern.length > host.length) return false;
  const suffix = pattern.slice(1);
  if (lowerAscii(suffix) !== lowerAscii(host.slice(host.length - suffix.length))) return false;
  const firstDot = host.indexOf('.');
  return firstDot >= host.length - suffix.length;
}

function nameMatches(name: string, host: string): boolean | 'embedded-null' {
  if (name.includes('\0')) return 'embedded-null';
  return lowerAscii(name) === lowerAscii(host) || wildcardMatches(name, host);
}

function addressMatches(bytes: Uint8Array, host: string): boolean {
  const parsed = bytes.length === 4 ? inetAton(host) : bytes.length === 16 ? inetPton6(host) : null;
  return parsed !== null && parsed.length === bytes.length && parsed.every((byte, index) => byte === bytes[index]);
}

/**
 * Checks a certificate's names against the host the user asked for, exactly as libpq does for verify-full:
 * subjectAltName entries of either kind are compared; the CN only when no SAN of the host's own kind exists
 * (dNSName for a name, iPAddress for an address).
 */
export function matchHostName(names: CertificateNames, host: string): HostMatch {
  if (host === '')
    return { matches: false, names: [], reason: 'host name must be specified for a verified SSL connection' };
  const hostIsAddress = isIpAddress(host);
  const examined: string[] = [];
  let checkCommonName = true;
  for (const name of names.subjectAltNames ?? []) {
    if (name.kind === 'other') continue;
    if ((name.kind === 'ip') === hostIsAddress) checkCommonName = false;
    if (name.kind === 'dns') {
      examined.push(name.value);
      const result = nameMatches(name.value, host);
      if (result === 'embedded-null')
        return { matches: false, names: examined, reason: "SSL certificate's name contains embedded null" };
      if (result) return { matches: true };
    } else {
      if (name.bytes.length !== 4 && name.bytes.length !== 16) {
        return {
          matches: false,
          names: examined,
          reason: `certificate contains IP address with invalid length ${name.bytes.length}`,
        };
      }
      examined.push(formatAddress(name.bytes));
      if (addressMatches(name.bytes, host)) return { matches: true };
    }
  }
  if (checkCommonName && names.commonName !== null) {
    examined.push(names.commonName);
    const result = nameMatches(names.commonName, host);
    if (result === 'embedded-null')
      return { matches: false, names: examined, reason: "SSL certificate's name contains embedded null" };
    if (result) return { matches: true };
  }
  if (examined.length === 0)
    return { matches: false, names: [], reason: "could not get server's host name from server certificate" };
  const others = examined.length - 1;
  const more = others > 0 ? ` (and ${others} other name${others > 1 ? 's' : ''})` : '';
  return {
    matches: false,
    names: examined,
    reason: `server certificate for "${examined[0]}"${more} does not match host name "${host}"`,
  };
}

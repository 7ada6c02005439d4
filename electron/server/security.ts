import { timingSafeEqual, X509Certificate } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from '../platform/loopback';

/** The Content-Security-Policy of the UI, in Electron and in server mode. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers every server-mode response carries. */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The DNS names and IP addresses a certificate (PEM) is for, as Host names (IPv6 in brackets). */
export function certificateNames(certificate: string | Buffer): string[] {
  const names = (new X509Certificate(certificate).subjectAltName ?? '').split(', ');
  return names.flatMap((entry) => {
    const colon = entry.indexOf(':');
    const kind = entry.slice(0, colon);
    const value = entry.slice(colon + 1).toLowerCase();
    if (kind === 'DNS') return [value];
    if (kind === 'IP Address') return [value.includes(':') ? `[${value}]` : value];
    return [];
  });
}

/** The Host header values the server answers to: its address, loopback aliases on loopback, and the certificate's names. */
export function allowedHosts(host: string, port: number, extraNames: string[] = []): Set<string> {
  const names = new Set([host.includes(':') && !host.startsWith('[') ? `[${host}]` : host, ...extraNames]);
  if (isLoopbackHost(host)) for (const alias of ['127.0.0.1', 'localhost', '[::1]']) names.add(alias);
  return new Set([...names].map((name) => `${name}:${port}`));
}

/** Compares two secrets in constant time. */
export function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why a request is refused before it reaches a handler, or null when it may go on. */
export function refusal(
  request: IncomingMessage,
  hosts: Set<string>,
  scheme: 'http' | 'https',
): { status: number; reason: string } | null {
  const host = request.headers.host ?? '';
  if (!hosts.has(host.toLowerCase())) return { status: 421, reason: 'unknown Host header (DNS rebinding?)' };
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `${scheme}://${host}`) return { status: 403, reason: 'cross-origin request' };
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return { status: 403, reason: 'cross-site request' };
  if (request.method !== 'GET' && request.method !== 'HEAD' && origin === undefined)
    return { status: 403, reason: 'a request that changes something must carry its Origin' };
  return null;
}

import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { allowedHosts, isLoopbackHost, readCookie, refusal, sameSecret } from '../../../electron/server/security';
import { isAllowedExternalUrl } from '../../../electron/shell/external-links';

function request(method: string, headers: Record<string, string>): IncomingMessage {
  return { method, headers } as unknown as IncomingMessage;
}

describe('server-mode request checks', () => {
  const hosts = allowedHosts('127.0.0.1', 5050);

  it('answers only to its own loopback Host names and port (no DNS rebinding)', () => {
    expect([...hosts].sort()).toEqual(['127.0.0.1:5050', '[::1]:5050', 'localhost:5050']);
    expect(refusal(request('GET', { host: '127.0.0.1:5050' }), hosts)).toBeNull();
    expect(refusal(request('GET', { host: 'evil.example:5050' }), hosts)?.status).toBe(421);
    expect(refusal(request('GET', { host: '127.0.0.1:5051' }), hosts)?.status).toBe(421);
    expect(refusal(request('GET', {}), hosts)?.status).toBe(421);
  });

  it('refuses cross-origin and cross-site requests, and changes without an Origin', () => {
    const host = { host: 'localhost:5050' };
    expect(refusal(request('POST', { ...host, origin: 'http://localhost:5050' }), hosts)).toBeNull();
    expect(refusal(request('POST', { ...host, origin: 'http://127.0.0.1:5050' }), hosts)?.status).toBe(403);
    expect(refusal(request('POST', { ...host, origin: 'https://evil.example' }), hosts)?.status).toBe(403);
    expect(refusal(request('POST', host), hosts)?.status).toBe(403);
    expect(refusal(request('GET', { ...host, 'sec-fetch-site': 'cross-site' }), hosts)?.status).toBe(403);
    expect(refusal(request('GET', { ...host, 'sec-fetch-site': 'none' }), hosts)).toBeNull();
  });

  it('knows loopback names, compares secrets in constant time and reads cookies', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('192.168.1.2')).toBe(false);
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abd', 'abc')).toBe(false);
    expect(sameSecret('', 'abc')).toBe(false);
    expect(readCookie(request('GET', { cookie: 'a=1; rdspg_session=x=y' }), 'rdspg_session')).toBe('x=y');
    expect(readCookie(request('GET', {}), 'rdspg_session')).toBeNull();
  });
});

describe('shell.openExternal allowlist', () => {
  it('lets through https documentation links only', () => {
    expect(isAllowedExternalUrl('https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-postgresql/ssl')).toBe(true);
    expect(isAllowedExternalUrl('https://www.postgresql.org/docs/current/libpq-ssl.html')).toBe(true);
    expect(isAllowedExternalUrl('http://www.postgresql.org/docs/')).toBe(false);
    expect(isAllowedExternalUrl('https://www.postgresql.org.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@www.postgresql.org/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
  });
});

import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../../electron/platform/loopback';
import { decodePath, jsonTooDeep } from '../../../electron/server/request-limits';
import { allowedHosts, refusal, sameSecret } from '../../../electron/server/security';
import { SignInGate } from '../../../electron/server/sign-in';
import { isAllowedExternalUrl } from '../../../electron/shell/external-links';

function request(method: string, headers: Record<string, string>): IncomingMessage {
  return { method, headers } as unknown as IncomingMessage;
}

describe('server-mode request checks', () => {
  const hosts = allowedHosts('127.0.0.1', 5050);

  it('answers only to its own loopback Host names and port (no DNS rebinding)', () => {
    expect([...hosts].sort()).toEqual(['127.0.0.1:5050', '[::1]:5050', 'localhost:5050']);
    expect(refusal(request('GET', { host: '127.0.0.1:5050' }), hosts, 'http')).toBeNull();
    expect(refusal(request('GET', { host: 'evil.example:5050' }), hosts, 'http')?.status).toBe(421);
    expect(refusal(request('GET', { host: '127.0.0.1:5051' }), hosts, 'http')?.status).toBe(421);
    expect(refusal(request('GET', {}), hosts, 'http')?.status).toBe(421);
  });

  it('refuses cross-origin and cross-site requests, and changes without an Origin', () => {
    const host = { host: 'localhost:5050' };
    expect(refusal(request('POST', { ...host, origin: 'http://localhost:5050' }), hosts, 'http')).toBeNull();
    expect(refusal(request('POST', { ...host, origin: 'http://127.0.0.1:5050' }), hosts, 'http')?.status).toBe(403);
    expect(refusal(request('POST', { ...host, origin: 'https://evil.example' }), hosts, 'http')?.status).toBe(403);
    expect(refusal(request('POST', host), hosts, 'http')?.status).toBe(403);
    expect(refusal(request('GET', { ...host, 'sec-fetch-site': 'cross-site' }), hosts, 'http')?.status).toBe(403);
    expect(refusal(request('GET', { ...host, 'sec-fetch-site': 'none' }), hosts, 'http')).toBeNull();
  });

  it('knows loopback names, and compares secrets in constant time', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('192.168.1.2')).toBe(false);
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abd', 'abc')).toBe(false);
    expect(sameSecret('', 'abc')).toBe(false);
  });
});

describe('server-mode sign-in and request limits', () => {
  it('a token signs in once; the session ends after the idle time or on sign-out', () => {
    let now = 1_000;
    const tokens: string[] = [];
    const gate = new SignInGate({
      token: 'first-token',
      idleMs: 60_000,
      now: () => now,
      onNextToken: (t) => tokens.push(t),
    });
    expect(gate.signIn('wrong-token')).toBeNull();
    const session = gate.signIn('first-token');
    expect(session).toMatch(/^[\w-]{40,}$/);
    expect(gate.signIn('first-token')).toBeNull();
    expect(tokens).toEqual([gate.currentToken()]);
    expect(gate.touch(session ?? '')).toBe(true);
    now += 59_000;
    expect(gate.touch(session ?? '')).toBe(true);
    now += 30_000;
    gate.refresh(session ?? '');
    now += 59_000;
    expect(gate.touch(session ?? '')).toBe(true);
    now += 60_001;
    expect(gate.touch(session ?? '')).toBe(false);
    const second = gate.signIn(tokens[0]) ?? '';
    expect(gate.signOut(second)).toBe(true);
    expect(gate.touch(second)).toBe(false);
    expect(gate.touch(undefined)).toBe(false);
  });

  it('measures JSON nesting without parsing and decodes paths without throwing', () => {
    expect(jsonTooDeep(`${'['.repeat(32)}${']'.repeat(32)}`)).toBe(false);
    expect(jsonTooDeep(`${'['.repeat(33)}${']'.repeat(33)}`)).toBe(true);
    expect(jsonTooDeep(JSON.stringify({ text: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"' }))).toBe(false);
    expect(decodePath('/a%20b')).toBe('/a b');
    expect(decodePath('/%E0%A4%A')).toBeNull();
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

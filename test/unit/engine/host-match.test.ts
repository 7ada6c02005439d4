import { describe, expect, it } from 'vitest';
import type { CertificateNames } from '../../../electron/engine/certificate-names';
import { matchHostName, wildcardMatches } from '../../../electron/engine/host-match';
import { inetAton, isIpAddress } from '../../../electron/engine/inet';

const dns = (...values: string[]): CertificateNames => ({
  subjectAltNames: values.map((value) => ({ kind: 'dns', value })),
  commonName: 'cn.example',
});
const ip = (bytes: number[], commonName: string | null = null): CertificateNames => ({
  subjectAltNames: [{ kind: 'ip', bytes: Uint8Array.from(bytes) }],
  commonName,
});

describe('libpq host-name matching', () => {
  it('a wildcard covers exactly one leftmost label', () => {
    expect(wildcardMatches('*.rds.test', 'db.rds.test')).toBe(true);
    expect(wildcardMatches('*.rds.test', 'DB.RDS.TEST')).toBe(true);
    expect(wildcardMatches('*.rds.test', 'a.b.rds.test')).toBe(false);
    expect(wildcardMatches('*.rds.test', 'rds.test')).toBe(false);
    expect(wildcardMatches('db*.rds.test', 'db1.rds.test')).toBe(false);
  });
  it('ignores the CN when a dNSName is present, and names the names it saw', () => {
    const result = matchHostName(dns('a.example', 'b.example'), 'cn.example');
    expect(result).toEqual({
      matches: false,
      names: ['a.example', 'b.example'],
      reason: 'server certificate for "a.example" (and 1 other name) does not match host name "cn.example"',
    });
  });
  it('falls back to the CN for an IP host when only dNSNames exist, as libpq does', () => {
    expect(
      matchHostName({ subjectAltNames: [{ kind: 'dns', value: 'db.example' }], commonName: '127.0.0.1' }, '127.0.0.1'),
    ).toEqual({ matches: true });
    expect(matchHostName(ip([127, 0, 0, 1], 'localhost'), 'localhost')).toEqual({ matches: true });
  });
  it('compares iPAddress entries with inet_aton spellings', () => {
    expect(matchHostName(ip([127, 0, 0, 1]), '127.1')).toEqual({ matches: true });
    expect(matchHostName(ip([127, 0, 0, 1]), '0x7f.0.0.1')).toEqual({ matches: true });
    expect(matchHostName(ip([127, 0, 0, 2]), '127.0.0.1').matches).toBe(false);
    expect(matchHostName(dns('127.0.0.1'), '127.0.0.1')).toEqual({ matches: true });
  });
  it('refuses names with an embedded NUL and an empty host', () => {
    expect(matchHostName(dns('evil.test\0.good.test'), 'evil.test')).toMatchObject({
      matches: false,
      reason: expect.stringContaining('embedded null'),
    });
    expect(matchHostName(dns('x'), '')).toMatchObject({
      matches: false,
      reason: expect.stringContaining('host name must be specified'),
    });
  });
  it('parses IPv4 the way inet_aton does', () => {
    expect(inetAton('2130706433')).toEqual(Uint8Array.from([127, 0, 0, 1]));
    expect(inetAton('010.1')).toEqual(Uint8Array.from([8, 0, 0, 1]));
    expect(inetAton('256.0.0.1')).toBeNull();
    expect(isIpAddress('::ffff:10.0.0.1')).toBe(true);
    expect(isIpAddress('db.example')).toBe(false);
  });
});

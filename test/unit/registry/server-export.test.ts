import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatConninfo, parseConninfo } from '../../../electron/engine/conninfo';
import { applyService } from '../../../electron/engine/service-file';
import { serverToConninfo, serverToJdbcUrl, serverToServiceSection } from '../../../electron/registry/server-export';
import { serverKeywords } from '../../../electron/registry/server-keywords';
import { blankServerFields, type ServerFields } from '../../../shared/server-schema';

const server: ServerFields = {
  ...blankServerFields(),
  name: 'prod [main]',
  host: 'pgm-bp1xyz.pg.rds.aliyuncs.com',
  port: 5433,
  maintenanceDatabase: 'app db',
  username: "o'brien",
  parameters: [
    { keyword: 'sslmode', value: 'verify-full' },
    { keyword: 'sslrootcert', value: '/certs/ApsaraDB CA.pem' },
    { keyword: 'sslcert', value: '/certs/client.crt' },
    { keyword: 'sslkey', value: '/certs/client.key' },
    { keyword: 'connect_timeout', value: '10' },
    { keyword: 'application_name', value: 'back\\slash' },
  ],
};

describe('conninfo export', () => {
  it('quotes and escapes as libpq reads it back', () => {
    const text = serverToConninfo(server);
    expect(text).toContain("dbname='app db'");
    expect(text).toContain("user='o\\'brien'");
    expect(text).toContain("application_name='back\\\\slash'");
    expect(parseConninfo(text)).toEqual({ ok: true, value: serverKeywords(server) });
  });

  it('round-trips any value through the engine parser', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (application, database) => {
        const keywords = { host: 'h', dbname: database, application_name: application };
        const parsed = parseConninfo(formatConninfo(keywords));
        expect(parsed).toEqual({ ok: true, value: keywords });
      }),
      { numRuns: 300 },
    );
  });
});

describe('pg_service.conf export', () => {
  it('writes one section with literal values and a safe section name', () => {
    expect(serverToServiceSection(server)).toBe(
      [
        '[prod [main_]',
        'host=pgm-bp1xyz.pg.rds.aliyuncs.com',
        'port=5433',
        'dbname=app db',
        "user=o'brien",
        'sslmode=verify-full',
        'sslrootcert=/certs/ApsaraDB CA.pem',
        'sslcert=/certs/client.crt',
        'sslkey=/certs/client.key',
        'connect_timeout=10',
        'application_name=back\\slash',
        '',
      ].join('\n'),
    );
  });
});

describe('JDBC export', () => {
  it('carries the SSL properties pgJDBC reads, notes the .pk8 key, and never a password', () => {
    const { url, notes } = serverToJdbcUrl(server);
    const parsed = new URL(url.replace(/^jdbc:/, ''));
    expect(parsed.host).toBe('pgm-bp1xyz.pg.rds.aliyuncs.com:5433');
    expect(decodeURIComponent(parsed.pathname)).toBe('/app db');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      user: "o'brien",
      ssl: 'true',
      sslmode: 'verify-full',
      sslrootcert: '/certs/ApsaraDB CA.pem',
      sslcert: '/certs/client.crt',
      sslkey: '/certs/client.key',
      connectTimeout: '10',
      ApplicationName: 'back\\slash',
    });
    expect(notes.join(' ')).toMatch(/PKCS#8 DER \(\.pk8\)/);
    expect(url).not.toMatch(/password/i);
  });

  it('leaves ssl=true out for prefer and brackets IPv6 hosts', () => {
    const { url } = serverToJdbcUrl({ ...server, host: '::1', parameters: [{ keyword: 'sslmode', value: 'prefer' }] });
    expect(url).toBe("jdbc:postgresql://[::1]:5433/app%20db?user=o'brien&sslmode=prefer");
  });
});

describe('service section export of a server that names a Service', () => {
  it('leaves the service out (libpq refuses nested services) and says so in a comment libpq skips', () => {
    const based: ServerFields = { ...server, name: 'based', service: 'rds-prod' };
    const file = join(mkdtempSync(join(tmpdir(), 'rdspg-service-export-')), 'pg_service.conf');
    const section = serverToServiceSection(based);
    expect(section).toContain('# builds on service rds-prod');
    writeFileSync(file, section);
    const read = applyService(
      { service: 'based' },
      { env: { PGSERVICEFILE: file }, homeFolder: '/nowhere', platform: 'linux' },
    );
    expect(read).toEqual({ ok: true, value: { service: 'based', ...serverKeywords({ ...based, service: '' }) } });
  });
});

import { describe, expect, it } from 'vitest';
import { databaseCheck, whitelistCheck } from '../../../electron/rds/doctor-checks';
import { refusedClientAddress } from '../../../shared/pg-refusal';

const groups = [{ name: 'default', attribute: '', ips: ['127.0.0.1'] }];

describe('the address a pg_hba refusal names', () => {
  it('reads both of PostgreSQL messages and nothing else', () => {
    expect(
      refusedClientAddress(
        'no pg_hba.conf entry for host "203.0.113.7", user "app", database "postgres", SSL encryption',
      ),
    ).toBe('203.0.113.7');
    expect(refusedClientAddress('pg_hba.conf rejects connection for host "198.51.100.4", user "a", database "b"')).toBe(
      '198.51.100.4',
    );
    expect(refusedClientAddress('password authentication failed for user "app"')).toBeNull();
  });
});

describe('doctor checks', () => {
  it('offers the address the server reported over the one typed', () => {
    const refused = {
      ok: false as const,
      code: 'authentication_failed',
      message: 'no pg_hba.conf entry for host "203.0.113.7", user "a", database "b", no encryption',
    };
    const check = whitelistCheck('pgm-x', groups, '198.51.100.1', refused);
    expect(check).toEqual({
      name: 'whitelist',
      ok: false,
      detail:
        'the server saw this computer as 203.0.113.7 (not 198.51.100.1): 203.0.113.7 is not in the whitelist (127.0.0.1)',
      fix: 'add it with "rdspg rds whitelist add pgm-x --ip 203.0.113.7"',
      finding: {
        code: 'whitelist_missing_address',
        params: {
          address: '203.0.113.7',
          whitelist: ['127.0.0.1'],
          seenByServer: true,
          typed: '198.51.100.1',
          command: 'rdspg rds whitelist add pgm-x --ip 203.0.113.7',
        },
      },
    });
  });

  it('passes the whitelist when the probe reached authentication, and asks for --ip when nothing answered', () => {
    const asked = { ok: false as const, code: 'password_required', message: 'fe_sendauth: no password supplied' };
    expect(whitelistCheck('pgm-x', groups, null, asked).ok).toBe(true);
    const silent = whitelistCheck('pgm-x', groups, null, { ok: false, code: 'timeout', message: 'timeout expired' });
    expect(silent.ok).toBe(false);
    expect(silent.detail).toContain('the server could not be reached (timeout expired)');
    expect(silent.fix).toContain('rdspg rds doctor pgm-x --ip IP');
  });

  it('tells a missing database from one that could not be checked', () => {
    const missing = {
      ok: false as const,
      code: 'database_missing',
      message: 'database "orders" does not exist. Check the database name.',
    };
    expect(databaseCheck('orders', missing).detail).toBe(
      'database orders does not exist (the server says: database "orders" does not exist)',
    );
    const earlier = databaseCheck('orders', { ok: false, code: 'hostname_mismatch', message: 'does not match' });
    expect(earlier.detail).toBe('not checked: the connection failed first (hostname_mismatch: does not match)');
    expect(databaseCheck('orders', { ok: true })).toMatchObject({ ok: true, fix: null });
  });
});

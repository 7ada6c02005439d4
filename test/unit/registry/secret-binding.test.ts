import { describe, expect, it } from 'vitest';
import { bindingBreach, bindingOf, parseBinding } from '../../../electron/saved-servers/secret-binding';
import { sslModes } from '../../../shared/libpq-keywords';
import { blankTunnelFields } from '../../../shared/tunnel-fields';

// What a saved secret was saved for, and when a connection may have it: the rule every face follows.
const env = { HOME: '/home/someone', RDSPG_OS_USER: 'someone' };
const server = { host: 'pgm-1.pg.rds.aliyuncs.com', port: '5432', user: 'app' };
const jump = { ...blankTunnelFields(), host: 'ECS.example.test', port: 22, username: 'ops' };

describe('secret bindings', () => {
  it('the sslmode may only stay or grow stricter: disable < allow < prefer < require < verify-ca < verify-full', () => {
    for (const [savedIndex, saved] of sslModes.entries()) {
      for (const [nowIndex, now] of sslModes.entries()) {
        const recorded = bindingOf({ ...server, sslmode: saved, sslrootcert: '/ca.pem' }, env, undefined);
        const breach = bindingBreach(
          'password',
          recorded,
          bindingOf({ ...server, sslmode: now, sslrootcert: '/ca.pem' }, env, undefined),
        );
        expect(breach?.code ?? null).toBe(nowIndex < savedIndex ? 'saved_password_weaker_ssl' : null);
      }
    }
  });

  it('a verified sslmode binds its root certificate; the environment counts as libpq reads it', () => {
    const recorded = bindingOf(server, { ...env, PGSSLMODE: 'verify-full', PGSSLROOTCERT: '/ca.pem' }, undefined);
    expect(recorded).toMatchObject({ sslmode: 'verify-full', sslrootcert: '/ca.pem' });
    const otherRoot = bindingOf(server, { ...env, PGSSLMODE: 'verify-full', PGSSLROOTCERT: '/other.pem' }, undefined);
    expect(bindingBreach('password', recorded, otherRoot)?.code).toBe('saved_password_weaker_ssl');
    const prefer = bindingOf(server, { ...env, PGSSLMODE: 'prefer' }, undefined);
    expect(bindingBreach('sslpassword', recorded, prefer)?.message).toMatch(
      /^the saved key passphrase was saved for sslmode=verify-full with sslrootcert=\/ca.pem; this connection uses sslmode=prefer/,
    );
    expect(bindingOf(server, env, undefined)).toMatchObject({ sslmode: 'prefer', sslrootcert: null });
  });

  it('another host, port, user or jump host is elsewhere; the jump host name is compared without case', () => {
    const recorded = bindingOf(server, env, jump);
    expect(bindingBreach('password', recorded, bindingOf(server, env, { ...jump, host: 'ecs.example.test' }))).toBe(
      null,
    );
    const elsewhere = [
      bindingOf({ ...server, port: '5433' }, env, jump),
      bindingOf({ ...server, user: 'admin' }, env, jump),
      bindingOf({ ...server, hostaddr: '10.0.0.9' }, env, jump),
      bindingOf(server, env, { ...jump, host: 'other.example.test' }),
      bindingOf(server, env, { ...jump, port: 2222 }),
      bindingOf(server, env, undefined),
    ];
    for (const now of elsewhere)
      expect(bindingBreach('password', recorded, now)?.code).toBe('saved_password_elsewhere');
    expect(bindingBreach('password', recorded, bindingOf(server, env, undefined))?.message).toBe(
      'the saved password was saved for pgm-1.pg.rds.aliyuncs.com:5432 user app through the SSH jump host ops@ecs.example.test:22; this connection now goes to pgm-1.pg.rds.aliyuncs.com:5432 user app, so it was not sent; type the password, or save it again for the new endpoint.',
    );
  });

  it('PGHOST and PGPORT move a server that names neither', () => {
    const recorded = bindingOf({ user: 'app' }, { ...env, PGHOST: 'db.test', PGPORT: '5432' }, undefined);
    const moved = bindingOf({ user: 'app' }, { ...env, PGHOST: 'db.test', PGPORT: '6432' }, undefined);
    expect(bindingBreach('password', recorded, moved)?.code).toBe('saved_password_elsewhere');
  });

  it('a record that is not one, or settings that do not resolve, send nothing', () => {
    expect(parseBinding('not json')).toBe(null);
    expect(parseBinding('{"targets":[]}')).toBe(null);
    const recorded = bindingOf(server, env, undefined);
    expect(parseBinding(JSON.stringify(recorded))).toEqual(recorded);
    expect(bindingBreach('password', null, recorded)?.code).toBe('saved_password_elsewhere');
    const broken = bindingOf({ ...server, sslmode: 'sometimes' }, env, undefined);
    expect(broken).toBe(null);
    expect(bindingBreach('password', recorded, broken)?.code).toBe('saved_password_elsewhere');
  });
});

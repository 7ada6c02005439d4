import { describe, expect, it } from 'vitest';
import { contextFrom } from '../../../electron/engine/connect';
import { resolveSettings, type SettingsContext } from '../../../electron/engine/settings';

const context = (env: Record<string, string> = {}): SettingsContext => ({
  env,
  homeFolder: '/home/ada',
  userName: 'ada',
  platform: 'linux',
});

describe('resolveSettings', () => {
  it("applies libpq's defaults and default file locations", () => {
    const resolved = resolveSettings({}, context());
    expect(resolved.ok && resolved.value).toMatchObject({
      sslmode: 'prefer',
      user: 'ada',
      database: 'ada',
      sslrootcert: '/home/ada/.postgresql/root.crt',
      sslcert: '/home/ada/.postgresql/postgresql.crt',
      sslkey: '/home/ada/.postgresql/postgresql.key',
      sslcrl: '/home/ada/.postgresql/root.crl',
      passfile: '/home/ada/.pgpass',
      minProtocol: 'TLSv1.2',
      targets: [{ host: '/var/run/postgresql', hostaddr: null, port: 5432 }],
    });
  });
  it('takes the environment after the conninfo', () => {
    const resolved = resolveSettings(
      { sslmode: 'require' },
      context({ PGSSLMODE: 'verify-full', PGHOST: 'db', PGPORT: '6000', PGSSLROOTCERT: '/ca.pem' }),
    );
    expect(resolved.ok && resolved.value).toMatchObject({
      sslmode: 'require',
      sslrootcert: '/ca.pem',
      targets: [{ host: 'db', port: 6000 }],
    });
  });
  it('pairs hosts, hostaddrs and ports, and rejects mismatched lists', () => {
    const resolved = resolveSettings({ host: 'a,b', hostaddr: '10.0.0.1,10.0.0.2', port: '1,2' }, context());
    expect(resolved.ok && resolved.value.targets).toEqual([
      { host: 'a', hostaddr: '10.0.0.1', port: 1 },
      { host: 'b', hostaddr: '10.0.0.2', port: 2 },
    ]);
    expect(resolveSettings({ host: 'a,b', port: '1,2,3' }, context()).ok).toBe(false);
    expect(resolveSettings({ host: 'a', hostaddr: '1.1.1.1,2.2.2.2' }, context()).ok).toBe(false);
  });
  it('forces verify-full for sslrootcert=system and refuses weaker modes', () => {
    const resolved = resolveSettings({ sslrootcert: 'system' }, context());
    expect(resolved.ok && resolved.value.sslmode).toBe('verify-full');
    expect(resolveSettings({ sslrootcert: 'system', sslmode: 'require' }, context())).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('weak sslmode "require"') },
    });
  });
  it('refuses direct SSL negotiation with a weak sslmode, bad ports and bad timeouts', () => {
    expect(resolveSettings({ sslnegotiation: 'direct' }, context()).ok).toBe(false);
    expect(resolveSettings({ sslnegotiation: 'direct', sslmode: 'require' }, context()).ok).toBe(true);
    expect(resolveSettings({ port: '70000' }, context()).ok).toBe(false);
    expect(resolveSettings({ connect_timeout: 'soon' }, context()).ok).toBe(false);
  });
  it('rounds a 1-second connect_timeout up to 2 seconds, as libpq does', () => {
    const resolved = resolveSettings({ connect_timeout: '1' }, context());
    expect(resolved.ok && resolved.value.connectTimeoutMs).toBe(2000);
  });
  it('uses %APPDATA%\\postgresql on Windows', () => {
    const resolved = resolveSettings(
      {},
      {
        env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' },
        homeFolder: 'C:\\Users\\ada',
        userName: 'ada',
        platform: 'win32',
      },
    );
    expect(resolved.ok && resolved.value.sslrootcert).toContain('postgresql');
    expect(resolved.ok && resolved.value.passfile).toMatch(/pgpass\.conf$/);
  });
});

describe('contextFrom', () => {
  it("looks the operating system's user up only for a connection without a user, as libpq does", () => {
    let lookups = 0;
    const env: Record<string, string | undefined> = { HOME: '/home/ada' };
    Object.defineProperty(env, 'RDSPG_OS_USER', {
      enumerable: true,
      get: () => {
        lookups += 1;
        return 'ada';
      },
    });
    const machine = contextFrom(env);
    const given = resolveSettings({ user: 'postgres', host: 'db' }, machine);
    expect(given.ok && given.value.user).toBe('postgres');
    expect(lookups).toBe(0);
    const defaulted = resolveSettings({ host: 'db' }, machine);
    expect(defaulted.ok && defaulted.value).toMatchObject({ user: 'ada', database: 'ada' });
    expect(machine.userName).toBe('ada');
    expect(lookups).toBe(1);
  });
});

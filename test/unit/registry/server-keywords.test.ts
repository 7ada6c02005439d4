import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConninfo } from '../../../electron/engine/conninfo';
import { resolveSettings } from '../../../electron/engine/settings';
import { serverToConninfo } from '../../../electron/registry/server-export';
import { newServerKeywords, serverKeywords } from '../../../electron/registry/server-keywords';
import { ServerRegistry } from '../../../electron/registry/server-registry';

const context = { env: {}, homeFolder: '/home/ada', userName: 'ada', platform: 'linux' as const };

/** Saves a server from a conninfo the way `rdspg servers add NAME CONNINFO` does, and reads it back. */
async function saveAndReload(conninfo: string) {
  const parsed = parseConninfo(conninfo);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const registry = new ServerRegistry({ folder: mkdtempSync(join(tmpdir(), 'rdspg-keywords-')) });
  const created = await registry.create({ ...newServerKeywords(parsed.value).fields, name: 'saved' });
  if (!created.ok) return created;
  return registry.get('saved');
}

/** What libpq would connect to: each host and port, the user and the database. */
function destination(keywords: Record<string, string>) {
  const resolved = resolveSettings(keywords, context);
  if (!resolved.ok) throw new Error(resolved.error.message);
  const { targets, user, database } = resolved.value;
  return { targets, user, database };
}

describe('saved servers mean what the conninfo meant to libpq', () => {
  it.each([
    'host=a,b port=5432,5433 user=app dbname=app',
    'postgresql://app@a:5432,b:5433/app',
    'host=a,b port=6000 user=app',
    'host=a user=app',
    "host=a port='' user=app sslrootcert='' dbname=shop",
  ])('%s reaches the same hosts, user and database once saved', async (conninfo) => {
    const parsed = parseConninfo(conninfo);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const saved = await saveAndReload(conninfo);
    if (!saved.ok) throw new Error(saved.error.message);
    expect(destination(serverKeywords(saved.value))).toEqual(destination(parsed.value));
    expect(parseConninfo(serverToConninfo(saved.value))).toEqual({ ok: true, value: serverKeywords(saved.value) });
  });

  it('keeps host and port lists as lists, and a conninfo without dbname opens the database named after the user', async () => {
    const multi = await saveAndReload('host=a,b port=5432,5433 user=app');
    expect(multi.ok && multi.value).toMatchObject({ host: 'a,b', port: '5432,5433', maintenanceDatabase: 'app' });
  });

  it('treats empty values as unset instead of saving them', async () => {
    const saved = await saveAndReload("host=a user=app port='' sslrootcert='' sslmode=require");
    expect(saved.ok && saved.value).toMatchObject({
      port: 5432,
      parameters: [{ keyword: 'sslmode', value: 'require' }],
    });
  });

  it('names a bad port and a mismatched port list, never "NaN"', async () => {
    const bad = await saveAndReload('host=a port=abc user=app');
    expect(bad.ok ? null : bad.error.message).toBe(
      'port: Port "abc" is not a port number: use 1 to 65535, or one port per host separated by commas.',
    );
    const mismatched = await saveAndReload('host=a,b port=1,2,3 user=app');
    expect(mismatched.ok ? null : mismatched.error.message).toBe('port: could not match 3 port numbers to 2 hosts');
  });

  it('keeps a Service and leaves what it does not give to the service file', async () => {
    const saved = await saveAndReload('service=prod');
    expect(saved.ok && serverKeywords(saved.value)).toEqual({ service: 'prod' });
  });

  it('moves a service Parameters row saved by an older build to the Service field, losing nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rdspg-service-row-'));
    const old = { id: 'x1', name: 'old', group: 'Servers', background: '', foreground: '', comments: '' };
    const server = {
      ...old,
      host: 'h',
      port: 5432,
      maintenanceDatabase: 'postgres',
      username: 'u',
      savePassword: false,
    };
    const parameters = [
      { keyword: 'sslmode', value: 'require' },
      { keyword: 'service', value: 'prod' },
    ];
    writeFileSync(
      join(folder, 'servers.json'),
      JSON.stringify({ schemaVersion: 2, groups: ['Servers'], servers: [{ ...server, parameters }] }),
    );
    const loaded = await new ServerRegistry({ folder }).get('old');
    expect(loaded.ok && loaded.value).toMatchObject({ service: 'prod', parameters: [parameters[0]] });
  });
});

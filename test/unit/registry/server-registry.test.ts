import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServerRegistry } from '../../../electron/registry/server-registry';
import { serverFieldsSchema } from '../../../shared/server-schema';

function freshRegistry() {
  const folder = join(mkdtempSync(join(tmpdir(), 'rdspg-registry-')), 'home');
  return { folder, registry: new ServerRegistry({ folder }) };
}

const basics = { host: 'pgm-bp1.pg.rds.aliyuncs.com', username: 'app' };

describe('server registry', () => {
  it('creates servers with pgAdmin defaults, in a private folder, and reads them back in another instance', async () => {
    const { folder, registry } = freshRegistry();
    const created = await registry.create({ name: 'prod', ...basics, group: 'Alibaba' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toMatchObject({
      port: 5432,
      maintenanceDatabase: 'postgres',
      savePassword: false,
      group: 'Alibaba',
    });
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, 'servers.json')).mode & 0o777).toBe(0o600);
    const listed = await new ServerRegistry({ folder }).list();
    expect(listed.ok && listed.value.groups).toEqual(['Servers', 'Alibaba']);
    expect(listed.ok && listed.value.servers.map((server) => server.name)).toEqual(['prod']);
    expect(JSON.parse(readFileSync(join(folder, 'servers.json'), 'utf8')).schemaVersion).toBe(2);
    expect(readdirSync(folder).sort()).toEqual(['servers.json', 'servers.json.bak']);
  });

  it('finds by id or by name, updates, refuses duplicates, and removes', async () => {
    const { registry } = freshRegistry();
    const first = await registry.create({ name: 'one', ...basics });
    await registry.create({ name: 'two', ...basics });
    if (!first.ok) throw new Error('create failed');
    expect((await registry.get(first.value.id)).ok).toBe(true);
    expect((await registry.get('ONE')).ok).toBe(true);
    const clash = await registry.update('two', { name: 'One' });
    expect(clash.ok ? null : clash.error.code).toBe('duplicate_name');
    const renamed = await registry.update(first.value.id, { name: 'uno', port: 6432 });
    expect(renamed.ok && renamed.value).toMatchObject({
      id: first.value.id,
      name: 'uno',
      port: 6432,
      host: basics.host,
    });
    expect((await registry.remove('uno')).ok).toBe(true);
    const gone = await registry.get('uno');
    expect(gone.ok ? null : gone.error.code).toBe('server_not_found');
  });

  it('refuses secrets and connection keywords among the parameters, with the dialog messages', async () => {
    const { registry } = freshRegistry();
    const result = await registry.create({
      name: 'bad',
      ...basics,
      port: 70000,
      parameters: [
        { keyword: 'password', value: 'x' },
        { keyword: 'sslmode', value: 'very-safe' },
        { keyword: 'host', value: 'h' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_server');
    expect(result.error.message).toContain('Port must be 1 to 65535.');
    expect(result.error.message).toContain('Password is kept in the vault');
    expect(result.error.message).toContain(
      'SSL mode must be one of: disable, allow, prefer, require, verify-ca, verify-full.',
    );
    expect(result.error.message).toContain('Set host on the Connection tab.');
    const same = serverFieldsSchema.safeParse({ name: ' x', group: 'Servers' });
    expect(same.success).toBe(false);
  });

  it('manages groups: create, rename (moving servers), delete (servers move to Servers), and keeps an empty one', async () => {
    const { folder, registry } = freshRegistry();
    expect(await registry.createGroup('Staging')).toEqual({ ok: true, value: 'Staging' });
    await registry.create({ name: 's1', ...basics, group: 'Staging' });
    await registry.create({ name: 's2', ...basics, group: 'Staging' });
    expect((await registry.createGroup('Empty')).ok).toBe(true);
    expect((await registry.renameGroup('Staging', 'Stage')).ok).toBe(true);
    expect((await registry.get('s1')).ok && (await registry.get('s1'))).toMatchObject({ value: { group: 'Stage' } });
    const removed = await registry.removeGroup('Stage');
    expect(removed).toEqual({ ok: true, value: { group: 'Stage', moved: 2 } });
    const listed = await new ServerRegistry({ folder }).list();
    expect(listed.ok && listed.value.groups).toEqual(['Servers', 'Empty']);
    expect(listed.ok && listed.value.servers.map((server) => server.group)).toEqual(['Servers', 'Servers']);
  });

  it('refuses a taken group name in any letter case, a missing group, and deleting the default group', async () => {
    const { registry } = freshRegistry();
    await registry.createGroup('Staging');
    await registry.createGroup('Prod');
    const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code);
    expect(codeOf(await registry.createGroup('staging'))).toBe('duplicate_group');
    expect(codeOf(await registry.createGroup('PROD'))).toBe('duplicate_group');
    expect(codeOf(await registry.renameGroup('Staging', 'PROD'))).toBe('duplicate_group');
    expect(codeOf(await registry.renameGroup('Staging', 'STAGING'))).toBe('ok');
    expect(codeOf(await registry.renameGroup('Nope', 'Other'))).toBe('group_not_found');
    expect(codeOf(await registry.removeGroup('Nope'))).toBe('group_not_found');
    expect(codeOf(await registry.removeGroup('Servers'))).toBe('default_group');
    expect(codeOf(await registry.createGroup('  '))).toBe('invalid_server');
    const listed = await registry.list();
    expect(listed.ok && listed.value.groups).toEqual(['Servers', 'STAGING', 'Prod']);
  });

  it('migrates a version 1 file and refuses a newer one without touching it', async () => {
    const { folder, registry } = freshRegistry();
    await registry.createGroup('Old');
    const v1 = {
      schemaVersion: 1,
      groups: ['Servers'],
      servers: [
        {
          id: 'a1',
          name: 'legacy',
          group: 'Servers',
          bgcolor: '#112233',
          fgcolor: '',
          comments: '',
          host: 'h',
          port: 5432,
          maintenanceDatabase: 'postgres',
          username: 'u',
          savePassword: false,
          parameters: { sslmode: 'require', connect_timeout: '10' },
        },
      ],
    };
    writeFileSync(join(folder, 'servers.json'), JSON.stringify(v1));
    const loaded = await registry.get('legacy');
    expect(loaded.ok && loaded.value).toMatchObject({
      background: '#112233',
      parameters: [
        { keyword: 'sslmode', value: 'require' },
        { keyword: 'connect_timeout', value: '10' },
      ],
    });
    const newer = JSON.stringify({ schemaVersion: 99, groups: [], servers: [] });
    writeFileSync(join(folder, 'servers.json'), newer);
    const refused = await registry.create({ name: 'x', ...basics });
    expect(refused.ok ? null : refused.error.code).toBe('registry_newer');
    expect(readFileSync(join(folder, 'servers.json'), 'utf8')).toBe(newer);
  });

  it('reports a damaged file and never overwrites it', async () => {
    const { folder, registry } = freshRegistry();
    await registry.create({ name: 'x', ...basics });
    writeFileSync(join(folder, 'servers.json'), '{"schemaVersion": 2, "groups": [');
    const result = await registry.create({ name: 'y', ...basics });
    expect(result.ok ? null : result.error.code).toBe('registry_corrupt');
    expect(readFileSync(join(folder, 'servers.json'), 'utf8')).toBe('{"schemaVersion": 2, "groups": [');
  });
});

describe('the fast load check', () => {
  it('accepts and refuses the same servers as the zod schema', async () => {
    const { storedServerProblem } = await import('../../../shared/registry-shape');
    const { blankServerFields } = await import('../../../shared/server-schema');
    const good = { id: 'a', ...blankServerFields(), name: 'n', host: 'h', username: 'u' };
    const variants: Record<string, unknown>[] = [
      good,
      { ...good, port: 0 },
      { ...good, port: 5432.5 },
      { ...good, background: 'red' },
      { ...good, background: '#A0b1C2' },
      { ...good, host: '' },
      { ...good, name: ' padded' },
      { ...good, comments: 'x'.repeat(4001) },
      { ...good, savePassword: 'yes' },
      {
        ...good,
        parameters: [
          { keyword: 'sslmode', value: 'require' },
          { keyword: 'sslmode', value: 'disable' },
        ],
      },
      { ...good, parameters: [{ keyword: 'sslpassword', value: 'x' }] },
      { ...good, parameters: [{ keyword: 'nonsense', value: 'x' }] },
      { ...good, parameters: [{ keyword: 'keepalives', value: 'x' }] },
      { ...good, parameters: [{ keyword: 'sslsni', value: '1' }] },
    ];
    for (const variant of variants) {
      const { id: _id, ...fields } = variant;
      expect(storedServerProblem(variant) === null, JSON.stringify(variant)).toBe(
        serverFieldsSchema.safeParse(fields).success,
      );
    }
  });
});

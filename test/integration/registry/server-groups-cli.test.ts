import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerRegistry } from '../../../electron/registry/server-registry';
import { runCli } from '../../support/run-cli';

let home: string;
const rdspg = (...args: string[]) =>
  runCli(['servers', 'group', ...args], {
    env: { PATH: process.env.PATH, HOME: home, RDSPG_HOME: home, RDSPG_KEYCHAIN: 'off' },
    timeoutMs: 30_000,
  });

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdspg-groups-cli-'));
  await new ServerRegistry({ folder: home }).create({ name: 'prod', host: 'h', username: 'u', group: 'Old' });
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('rdspg servers group', () => {
  it('adds, refuses a duplicate with its code, renames, and removes moving the servers to Servers', async () => {
    expect(await rdspg('add', 'Empty')).toMatchObject({ status: 0, stdout: 'Added group "Empty".\n' });
    const duplicate = await rdspg('add', 'empty', '--json');
    expect(duplicate.status).toBe(1);
    expect(JSON.parse(duplicate.stdout)).toMatchObject({ ok: false, error: { code: 'duplicate_group' } });
    expect(duplicate.stderr).toContain('error [duplicate_group]');
    expect(await rdspg('rename', 'Old', 'Legacy')).toMatchObject({ status: 0 });
    const removed = await rdspg('remove', 'Legacy', '--json');
    expect(JSON.parse(removed.stdout)).toEqual({ ok: true, value: { group: 'Legacy', moved: 1 } });
    const saved = JSON.parse(await readFile(join(home, 'servers.json'), 'utf8'));
    expect(saved.groups).toEqual(['Servers', 'Empty']);
    expect(saved.servers[0].group).toBe('Servers');
    expect(await rdspg('remove', 'Servers')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('default_group'),
    });
  });

  it('says what is missing', async () => {
    expect(await rdspg('rename', 'Empty')).toMatchObject({ status: 2, stderr: expect.stringContaining('missing NEW') });
    expect(await rdspg('drop', 'x')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('unknown group action'),
    });
  });
});

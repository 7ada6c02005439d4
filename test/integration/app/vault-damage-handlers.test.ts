import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHandlers, createHandlers } from '../../../electron/app/create-handlers';
import { dispatch } from '../../../electron/app/handler-table';
import type { AppPorts } from '../../../electron/app/ports';
import { formatSavedAt } from '../../../electron/platform/last-good-copy';
import { blankServerForm } from '../../../shared/contract/server-form';
import { testPorts } from './app-ports';

let home: string;
let ports: AppPorts;
let app: AppHandlers;
let serverId: string;
let vaultPath: string;

/** Calls a channel through the same validation as IPC and server mode. */
// biome-ignore lint/suspicious/noExplicitAny: the answers are checked field by field below
async function call(name: string, payload: unknown = {}): Promise<any> {
  return dispatch(app.table, name, payload);
}

/** The damage as every channel must report it: vault_corrupt, the last good copy with its date, the way out. */
async function expectDamage(answer: { ok: boolean; error?: { code: string; message: string } }) {
  const savedAt = (await stat(`${vaultPath}.bak`)).mtimeMs;
  expect(answer.ok).toBe(false);
  expect(answer.error?.code).toBe('vault_corrupt');
  expect(answer.error?.message).toContain(`${vaultPath}.bak was saved at ${formatSavedAt(savedAt)}`);
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdspg-damage-handlers-'));
  ports = testPorts(home);
  app = createHandlers(ports);
  vaultPath = join(home, 'vault.json');
  expect((await call('vault:setup', { password: 'damage handlers master', remember: false })).ok).toBe(true);
  const form = {
    ...blankServerForm(),
    name: 'prod',
    host: '127.0.0.1',
    port: 1,
    username: 'app',
    password: 'saved-db-password',
    savePassword: true,
  };
  const created = await call('servers:create', { form });
  expect(created.value.passwordSaved).toBe(true);
  serverId = created.value.id;
  const profile = { name: 'work', accessKeyId: 'LTAI-id', accessKeySecret: 'ak-secret', regionId: 'cn-hangzhou' };
  expect((await call('rds:account-add', profile)).ok).toBe(true);
  const text = await readFile(vaultPath, 'utf8');
  await writeFile(vaultPath, text.replace('"ownerKind"', '"oWnerKind"'));
});

afterAll(async () => {
  await app?.sessions.closeAll();
  await ports?.rds.close();
  await rm(home, { recursive: true, force: true });
});

describe('the handlers the UI uses, on a damaged vault.json', () => {
  it('vault:status names the damage and the last good copy (the damaged-vault screen)', async () => {
    const answer = await call('vault:status');
    const savedAt = (await stat(`${vaultPath}.bak`)).mtimeMs;
    expect(answer.value.damage).toMatchObject({
      code: 'vault_corrupt',
      backupPath: `${vaultPath}.bak`,
      backupSavedAt: savedAt,
    });
    expect(answer.value.damage.message).toContain(formatSavedAt(savedAt));
  });

  it('the server panel, Test connection and the cloud accounts refuse with vault_corrupt', async () => {
    await expectDamage(await call('servers:list'));
    await expectDamage(await call('servers:get', { id: serverId }));
    await expectDamage(await call('servers:clear-password', { id: serverId }));
    const form = { ...blankServerForm(), name: 'prod', host: '127.0.0.1', port: 1, username: 'app' };
    await expectDamage(await call('connection:test', { form, serverId }));
    await expectDamage(await call('connection:connect', { id: serverId }));
    await expectDamage(await call('rds:accounts'));
    await expectDamage(await call('rds:regions', { accountId: 'profile:work' }));
  });

  it('vault:reset refuses without the typed word, and vault:restore brings the saved password back', async () => {
    const damaged = await readFile(vaultPath, 'utf8');
    const refused = await call('vault:reset', { password: 'a new master 1', confirmation: 'yes', remember: false });
    expect(refused.error.code).toBe('reset_not_confirmed');
    expect(await readFile(vaultPath, 'utf8')).toBe(damaged);
    const restored = await call('vault:restore');
    expect(restored.value.status.damage).toBe(null);
    expect(restored.value.restoredFrom.path).toBe(`${vaultPath}.bak`);
    expect((await call('servers:get', { id: serverId })).value.summary.passwordSaved).toBe(true);
    expect((await call('rds:accounts')).ok).toBe(true);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHandlers, createHandlers } from '../../../electron/app/create-handlers';
import { blankServerForm } from '../../../shared/contract/server-form';
import { testPorts } from './app-ports';

// Delete in the GUI goes through the one saved-servers module: a server whose secrets cannot be deleted (locked
// vault) stays, and the failure says so, instead of leaving its password behind in the vault.

const master = 'master password 1';
let folder: string;
let app: AppHandlers;
let ports: ReturnType<typeof testPorts>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-delete-secrets-'));
  ports = testPorts(folder);
  app = createHandlers(ports);
  await app.table['vault:setup']({ password: master, remember: false });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('Delete a server with its saved password', () => {
  it('refuses while the vault is locked and keeps the server; unlocked, removes both', async () => {
    const form = { ...blankServerForm(), name: 'kept', host: 'db.example', username: 'u' };
    const created = await app.table['servers:create']({ form: { ...form, password: 'pw 12345', savePassword: true } });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    await app.table['vault:lock']({});

    const refused = await app.table['servers:delete']({ id });
    expect(refused.ok ? null : refused.error.code).toBe('vault_locked');
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /unlock the vault first: deleting the server deletes the password/,
    );
    const listed = await app.table['servers:list']({});
    expect(listed.ok && listed.value.servers.map((server) => [server.name, server.passwordSaved])).toEqual([
      ['kept', true],
    ]);

    await app.table['vault:unlock']({ password: master, remember: false });
    expect(await app.table['servers:delete']({ id })).toEqual({ ok: true, value: {} });
    const after = await app.table['servers:list']({});
    expect(after.ok && after.value.servers).toEqual([]);
    const secrets = await ports.vault.savedSecrets('server');
    expect(secrets.ok && secrets.value).toEqual([]);
  });
});

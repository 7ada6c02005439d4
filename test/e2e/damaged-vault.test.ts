import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerRegistry } from '../../electron/registry/server-registry';
import { Vault } from '../../electron/vault/vault';
import { screenshot } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';

const master = 'damaged vault e2e master';
let session: BrowserSession;
let page: Page;
let home: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdspg-damaged-e2e-'));
  const vault = new Vault({ folder: home, kdfCost: { N: 2 ** 12, r: 8, p: 1 } });
  expect((await vault.initialize(master)).ok).toBe(true);
  const created = await new ServerRegistry({ folder: home }).create({
    name: 'prod',
    host: '127.0.0.1',
    username: 'app',
    savePassword: true,
  });
  const id = created.ok ? created.value.id : '';
  expect((await vault.writeSecret({ ownerKind: 'server', ownerId: id, field: 'password' }, 'db-pw')).ok).toBe(true);
  const path = join(home, 'vault.json');
  await writeFile(path, (await readFile(path, 'utf8')).replace('"ownerKind"', '"oWnerKind"'));
  session = await startBrowserSession({ home });
  page = session.page;
});

afterAll(() => session?.stop());

describe('the damaged-vault screen', () => {
  it('names the damage and the last good copy, asks to type RESET, and restores the saved password', async () => {
    await page.goto(session.serve.url);
    await page.getByRole('heading', { name: 'The vault file is damaged' }).waitFor();
    await page.getByText('[vault_corrupt]').waitFor();
    await page.getByText(`A last good copy from`).waitFor();
    expect(await page.getByText(join(home, 'vault.json.bak')).count()).toBeGreaterThan(0);
    await screenshot(page, 'damaged-vault');

    await page.getByRole('button', { name: 'Reset the vault…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset master password' });
    await dialog.getByLabel('New master password', { exact: true }).fill('tulip garden 49 lanterns');
    await dialog.getByLabel('Confirm new master password').fill('tulip garden 49 lanterns');
    const ok = dialog.getByRole('button', { name: 'Delete saved passwords and reset' });
    expect(await ok.isDisabled()).toBe(true);
    await dialog.getByLabel('Type RESET to confirm that saved passwords are deleted').fill('RESET');
    expect(await ok.isDisabled()).toBe(false);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Restore the last good copy' }).click();
    await page.getByRole('heading', { name: 'Unlock RDS PG Connect' }).waitFor();
    await page.getByLabel('Master password', { exact: true }).fill(master);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('navigation', { name: 'Servers' }).waitFor();
    await page.getByRole('tree').getByText('prod').waitFor();
  });

  it('a damaged servers.json shows its message and Restore brings the servers back', async () => {
    const path = join(home, 'servers.json');
    await writeFile(path, '{"schemaVersion": 2, "groups": [');
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.getByText('rdspg servers restore').waitFor();
    await alert.getByText(`${path}.bak was saved at`).waitFor();
    await alert.getByRole('button', { name: 'Restore the last good servers.json' }).click();
    await page.getByRole('tree').getByText('prod').waitFor();
    expect(await readFile(path, 'utf8')).toContain('"prod"');
  });
});

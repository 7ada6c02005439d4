import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fillServerDialog,
  openRegisterServer,
  screenshot,
  settled,
  settledDialog,
  signInAndSetMasterPassword,
} from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';
import { startTlsServer, type TlsServer } from './support/tls-server';

// Issue 14: server groups, the tree's context menu, and the databases of a connected server.
let server: TlsServer;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  [server, session] = await Promise.all([startTlsServer(), startBrowserSession()]);
  await server.cluster.sql('create database "sales db"');
  await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: session.serve.origin,
  });
  page = session.page;
  await signInAndSetMasterPassword(page, session.serve.url, 'correct horse battery staple');
});

afterAll(async () => {
  await Promise.allSettled([session?.stop(), server?.destroy()]);
});

const tree = () => page.getByRole('tree');
const contextMenu = () => page.getByRole('menu');
/**
 * Right-clicks a tree node by its text (a server's node also shows its "connected" and "SSL" tags), and waits until
 * its menu has stopped moving: on a loaded machine a click during the opening motion can land beside the item.
 */
async function rightClick(text: string) {
  await tree()
    .locator('.ant-tree-title')
    .filter({ hasText: new RegExp(`^${text.replace(/[()]/g, '\\$&')}`) })
    .first()
    .click({ button: 'right' });
  await settled(page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').last());
}

describe('server groups, the context menu and databases (issue 14)', () => {
  it('Register > Server Group… creates an empty group that stays in the tree; a duplicate name is refused', async () => {
    await page.getByRole('menuitem', { name: 'Register' }).click();
    await page.getByRole('menuitem', { name: 'Server Group…' }).click();
    const dialog = await settledDialog(page, 'Register - Server Group');
    await dialog.getByLabel('Name').fill('Production');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await tree().getByText('Production (0)').waitFor();
    await page.getByRole('menuitem', { name: 'Register' }).click();
    await page.getByRole('menuitem', { name: 'Server Group…' }).click();
    await settledDialog(page, 'Register - Server Group');
    await dialog.getByLabel('Name').fill('production');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('[duplicate_group]').waitFor();
    await screenshot(page, 'group-duplicate');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(JSON.parse(await readFile(join(session.serve.home, 'servers.json'), 'utf8')).groups).toEqual([
      'Servers',
      'Production',
    ]);
  });

  it('a server registered into the group from the list; once connected its databases appear under it', async () => {
    await openRegisterServer(page);
    await fillServerDialog(page, {
      name: 'e2e-lab',
      host: '127.0.0.1',
      port: server.cluster.port,
      username: 'postgres',
      password: server.password,
      rootCertificate: server.root.own.certPath,
    });
    const dialog = page.getByRole('dialog', { name: 'Register - Server' });
    await dialog.getByRole('tab', { name: 'General' }).click();
    await dialog.getByLabel('Server group').click();
    await page.locator('.ant-select-item-option[title="Production"]').click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await tree().getByText('Production (1)').waitFor();
    await rightClick('e2e-lab');
    await contextMenu().getByRole('menuitem', { name: 'Connect' }).click();
    await tree().getByText('sales db', { exact: true }).waitFor();
    await tree().getByText('postgres', { exact: true }).waitFor();
    expect(await tree().getByText('template1').count()).toBe(0);
    await screenshot(page, 'tree-databases');
  });

  it('right-click → Copy as conninfo copies what libpq reads, without the password, and says so', async () => {
    await rightClick('e2e-lab');
    await contextMenu().getByRole('menuitem', { name: 'Copy as conninfo' }).waitFor();
    await screenshot(page, 'tree-context-menu');
    await contextMenu().getByRole('menuitem', { name: 'Copy as conninfo' }).click();
    const shown = page.getByTestId('copied');
    await shown.getByText('Copied to the clipboard:').waitFor();
    const copied = await page.evaluate('navigator.clipboard.readText()');
    expect(copied).toBe(
      `host=127.0.0.1 port=${server.cluster.port} dbname=postgres user=postgres sslmode=verify-full connect_timeout=10 sslrootcert=${server.root.own.certPath}`,
    );
    expect(await shown.textContent()).toContain(String(copied));
    expect(String(copied)).not.toContain(server.password);
  });

  it('Query Tool from the database chosen in the tree runs there', async () => {
    await rightClick('sales db');
    await contextMenu().getByRole('menuitem', { name: 'Query Tool' }).click();
    const drawer = page.getByRole('dialog', { name: 'Query Tool — sales db on e2e-lab' });
    await drawer.getByLabel('SQL editor').fill('select current_database()');
    await drawer.getByRole('button', { name: 'Run' }).click();
    await drawer.getByRole('region', { name: 'Results' }).getByText('sales db', { exact: true }).waitFor();
    await screenshot(page, 'query-tool-chosen-database');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await drawer.waitFor({ state: 'detached' });
  });

  it('Shift+F10 and the context-menu key open the menu of the node the keyboard is on', async () => {
    await tree().getByText('e2e-lab').click();
    await page.keyboard.press('Shift+F10');
    await contextMenu().getByRole('menuitem', { name: 'Copy as JDBC URL' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => contextMenu().getByRole('menuitem', { name: 'Copy as JDBC URL' }).isVisible()).toBe(false);
    expect(await page.evaluate("document.activeElement?.getAttribute('role')")).toBe('tree');
    await tree().getByText('e2e-lab').click();
    await page.keyboard.press('ContextMenu');
    await contextMenu().getByRole('menuitem', { name: 'Disconnect' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('Rename… and Delete on the group: its server moves to Servers', async () => {
    await rightClick('Production (1)');
    await contextMenu().getByRole('menuitem', { name: 'Rename…' }).click();
    const rename = await settledDialog(page, 'Rename Server Group');
    await rename.getByLabel('Name').fill('Prod');
    await rename.getByRole('button', { name: 'Save' }).click();
    await tree().getByText('Prod (1)').waitFor();
    await rightClick('Prod (1)');
    await contextMenu().getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = await settledDialog(page, 'Delete the group Prod?');
    await confirm.getByText('Its servers move to the group Servers.').waitFor();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await tree().getByText('Servers (1)').waitFor();
    expect(await tree().getByText('Prod (1)').count()).toBe(0);
    const registry = JSON.parse(await readFile(join(session.serve.home, 'servers.json'), 'utf8'));
    expect(registry.groups).toEqual(['Servers']);
    expect(registry.servers[0].group).toBe('Servers');
  });

  it('in Chinese: the context menu and the group dialog', async () => {
    await page.getByRole('menuitem', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await rightClick('e2e-lab');
    await contextMenu().getByRole('menuitem', { name: '复制为 conninfo' }).waitFor();
    await screenshot(page, 'tree-context-menu-zh');
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: /^注\s?册$/ }).click();
    await page.getByRole('menuitem', { name: '服务器组…' }).click();
    const dialog = await settledDialog(page, '注册 - 服务器组');
    await dialog.getByLabel('名称').fill('生产');
    await screenshot(page, 'group-dialog-zh');
    await dialog.getByRole('button', { name: /^保\s?存$/ }).click();
    await tree().getByText('生产 (0)').waitFor();
    await page.getByText('已创建服务器组 生产。').waitFor();
    await page.getByRole('menuitem', { name: '语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  });

  it('Delete… from the menu asks first, then deletes the server', async () => {
    await rightClick('e2e-lab');
    await contextMenu().getByRole('menuitem', { name: 'Delete…' }).click();
    const confirm = await settledDialog(page, 'Delete e2e-lab?');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => tree().getByText('e2e-lab').count()).toBe(0);
    expect(await readFile(join(session.serve.home, 'servers.json'), 'utf8')).not.toContain('e2e-lab');
  });
});

import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestAuthority } from '../support/pki';
import { runCli } from '../support/run-cli';
import { openRegisterServer, screenshot, settledDialog, signInAndSetMasterPassword } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';

// Issue 14, the server dialog's remaining rough edges (3, the rest of 11, Service without Host, port lists), checked
// at 1024×768 by the text a user sees. Screenshots: .tmp/screenshots/dialog-edges-*.png.
let session: BrowserSession;
let page: Page;
let folder: string;
let rootPath: string;

beforeAll(async () => {
  // With antd's motion on, as most users have it: every dialog here is used once it has stopped moving (settled).
  session = await startBrowserSession({ launch: { reducedMotion: 'no-preference' } });
  page = session.page;
  await page.setViewportSize({ width: 1024, height: 768 });
  // A long folder name, as a user's certificates folder often has; enough files that the list must scroll.
  folder = join(session.serve.home, 'customer-certificates-for-the-production-environment-hangzhou');
  await mkdir(folder);
  const root = await TestAuthority.createRoot(join(session.serve.home, 'ca'), 'Dialog Edges Root CA');
  rootPath = join(folder, 'ApsaraDB-CA-Chain.crt');
  await copyFile(root.own.certPath, rootPath);
  await writeFile(join(folder, 'client.key'), 'not a key');
  await writeFile(join(folder, 'notes.txt'), 'notes');
  for (let index = 10; index < 70; index++) await copyFile(root.own.certPath, join(folder, `replica-${index}.pem`));
  const store = await TestAuthority.createRoot(join(session.serve.home, 'store-ca'), 'Dialog Edges Store CA');
  const added = await runCli(['cert', 'store', 'add', store.own.certPath, '--label', 'Store CA for edges'], {
    env: { PATH: process.env.PATH, HOME: session.serve.home, RDSPG_HOME: session.serve.home, RDSPG_KEYCHAIN: 'off' },
    timeoutMs: 30_000,
  });
  expect(added.status, added.stderr).toBe(0);
  await signInAndSetMasterPassword(page, session.serve.url, 'correct horse battery staple');
});

afterAll(() => session?.stop());

/** A fresh page (same session, vault still unlocked), so each check starts with no dialog left open by another. */
async function freshPage() {
  await page.reload();
  await page.getByRole('navigation', { name: /Servers|服务器/ }).waitFor();
}
const registerDialog = () => page.getByRole('dialog', { name: /Register - Server|注册 - 服务器/ });
/** What has the keyboard focus: a tab's or button's name, or a field's id. */
const focused = () =>
  page.evaluate(`(() => {
    const element = document.activeElement;
    const role = element.getAttribute('role');
    // A tab holds a hidden live region first; its name is the last part (with a problem count after a space).
    if (role === 'tab') return 'tab:' + element.lastChild.textContent.split(' ')[0];
    if (element.tagName === 'BUTTON') return 'button:' + (element.getAttribute('aria-label') || element.textContent);
    return element.tagName === 'BODY' ? 'BODY' : element.id || element.getAttribute('aria-label') || element.tagName;
  })()`) as Promise<string>;
const shoot = (name: string) => screenshot(page, name);
const insideViewport = async (locator: Locator) => {
  const box = await locator.boundingBox();
  return Boolean(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1024 && box.y + box.height <= 768);
};
/** The menu bar's items that are not wholly inside the 1024×768 window, and whether the page scrolls sideways. */
async function menuBarOverflow(): Promise<{ outside: string[]; scrollsSideways: boolean }> {
  const items = page.getByRole('menubar').getByRole('menuitem');
  const outside: string[] = [];
  for (const item of await items.all())
    if (!(await insideViewport(item))) outside.push((await item.textContent()) ?? '');
  const widths = (await page.evaluate(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  )) as [number, number];
  return { outside, scrollsSideways: widths[0] > widths[1] };
}
async function chooseVerifyFull(dialog: Locator) {
  await dialog.getByRole('tab', { name: /Parameters|参数/ }).click();
  await dialog.locator('#parameter-sslmode').click();
  await page.locator('.ant-select-item-option[title="Verify-Full"]').click();
}
async function closeDialog() {
  await registerDialog()
    .getByRole('button', { name: /^(Cancel|取\s*消)$/ })
    .click();
  await registerDialog().waitFor({ state: 'detached' });
}

describe('the server dialog’s rough edges (issue 14)', () => {
  it('Tab goes tabs → fields → footer and round to the tabs again, never the close button or the page body', async () => {
    await freshPage();
    await openRegisterServer(page);
    await expect.poll(focused).toBe('server-name');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('tab:General');
    const stops: string[] = [];
    for (let step = 0; step < 30 && (step === 0 || stops.at(-1) !== 'tab:General'); step++) {
      await page.keyboard.press('Tab');
      stops.push(await focused());
    }
    expect(stops[0]).toBe('server-name');
    // The footer ends the round: right after it come the tabs again, not the title bar's close button.
    expect(stops.slice(-3)).toEqual(['button:Test connection', 'button:Cancel', 'tab:General']);
    expect(stops).not.toContain('BODY');
    expect(stops).not.toContain('button:Close');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('button:Cancel');
    await closeDialog();
  });

  it('Root certificate: the file name first, the folder beside it, the whole path on hover', async () => {
    await freshPage();
    await openRegisterServer(page);
    const dialog = registerDialog();
    await chooseVerifyFull(dialog);
    await dialog.getByLabel('Root certificate', { exact: true }).fill(rootPath);
    const name = dialog.getByTestId('file-name-sslrootcert');
    await expect.poll(() => name.locator('strong').textContent()).toBe('ApsaraDB-CA-Chain.crt');
    expect(await name.getAttribute('title')).toBe(rootPath);
    expect(await name.textContent()).toContain(`in ${folder}`);
    expect(await insideViewport(name.locator('strong'))).toBe(true);
    await dialog.getByText('Subject: CN=Dialog Edges Root CA', { exact: false }).waitFor();
    await shoot('dialog-edges-root-certificate-en');
  });

  it('From certificate store… picks a CA of the app’s own store', async () => {
    const dialog = registerDialog();
    await dialog.getByRole('button', { name: 'From certificate store…' }).click();
    const picker = await settledDialog(page, 'Choose a CA certificate from the certificate store');
    await picker.getByText('Store CA for edges').waitFor();
    await picker.getByText('CN=Dialog Edges Store CA').waitFor();
    await shoot('dialog-edges-store-picker-en');
    await picker.getByRole('button', { name: 'Use Store CA for edges' }).click();
    await picker.waitFor({ state: 'detached' });
    const field = dialog.getByLabel('Root certificate', { exact: true });
    await expect.poll(() => field.inputValue()).toContain(join(session.serve.home, 'certificates'));
    await dialog.getByText('Subject: CN=Dialog Edges Store CA', { exact: false }).waitFor();
    await field.fill(rootPath);
  });

  it('Browse…: opens the field’s folder, filters by file type, scrolls inside the dialog, takes a typed path', async () => {
    const dialog = registerDialog();
    await dialog.getByRole('button', { name: 'Browse…' }).first().click();
    const browse = await settledDialog(page, 'Choose Root certificate');
    const pathBox = browse.getByLabel('Folder or file path');
    await expect.poll(() => pathBox.inputValue()).toBe(folder);
    await browse.getByText('ApsaraDB-CA-Chain.crt').waitFor();
    expect(await browse.getByText('notes.txt').count()).toBe(0);
    expect(await browse.getByText('client.key').count()).toBe(0);
    await browse.getByText('61 files shown; 2 more hidden by the file type filter').waitFor();
    await browse.getByText('Certificates (*.crt, *.pem, *.cer, *.der, *.p7b)').waitFor();
    // The list scrolls inside the dialog; the path box, the filter and the buttons stay on a 1024×768 screen.
    const list = browse.getByTestId('file-list');
    const scrolls = await list.evaluate((element) => {
      const box = element as unknown as { scrollHeight: number; clientHeight: number };
      return box.scrollHeight > box.clientHeight;
    });
    expect(scrolls).toBe(true);
    for (const part of [pathBox, browse.getByRole('button', { name: 'Open' }), list])
      expect(await insideViewport(part)).toBe(true);
    await shoot('dialog-edges-browse-en');
    await browse.getByText('replica-69.pem').scrollIntoViewIfNeeded();
    expect(await insideViewport(browse.getByText('replica-69.pem'))).toBe(true);
    await browse.getByLabel('File type').click();
    await page.getByText('All files (*)').click();
    await browse.getByText('notes.txt').waitFor();
    await browse.getByText('63 files').waitFor();
    // Tab stays inside the Browse dialog, never the page body.
    await pathBox.focus();
    for (let step = 0; step < 12; step++) {
      await page.keyboard.press('Tab');
      expect(await focused()).not.toBe('BODY');
    }
    // A folder typed into the path box opens; a file typed there is chosen.
    await pathBox.fill(join(session.serve.home, 'ca'));
    await pathBox.press('Enter');
    await browse.getByText('ca.crt', { exact: true }).waitFor();
    await pathBox.fill(rootPath);
    await pathBox.press('Enter');
    await browse.waitFor({ state: 'detached' });
    expect(await dialog.getByLabel('Root certificate', { exact: true }).inputValue()).toBe(rootPath);
    await closeDialog();
  });

  it('Service without Host: Host is not required and the server saves, shown as service=NAME', async () => {
    await freshPage();
    await openRegisterServer(page);
    const dialog = registerDialog();
    await dialog.getByLabel('Name', { exact: true }).fill('reports via service');
    await dialog.getByLabel('Connect now?').click();
    await dialog.getByRole('tab', { name: 'Connection' }).click();
    const hostItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('Host name/address') });
    expect(await hostItem.locator('.ant-form-item-required').count()).toBe(1);
    await dialog.getByLabel('Service', { exact: true }).fill('reporting');
    await dialog.getByLabel('Port', { exact: true }).fill('');
    await expect.poll(() => hostItem.locator('.ant-form-item-required').count()).toBe(0);
    await expect.poll(() => dialog.getByRole('button', { name: 'Save' }).isDisabled()).toBe(false);
    expect(await dialog.getByTestId('form-problems').textContent()).toBe('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tree').getByText('reports via service').click();
    const panel = page.getByRole('region', { name: 'Server reports via service' });
    await panel.getByText('service=reporting dbname=postgres').waitFor();
    expect(await panel.textContent()).not.toContain('@:/');
    expect(await page.getByRole('tree').getByTitle('service=reporting', { exact: false }).count()).toBe(1);
    // The tree's filter finds it by its service too.
    await page.getByLabel('Filter servers').fill('reporting');
    await expect.poll(() => page.getByTestId('shown-count').getAttribute('data-count')).toBe('1');
    await page.getByLabel('Filter servers').fill('');
  });

  it('Port keeps a list of ports (one per host) and names a bad one', async () => {
    await freshPage();
    await openRegisterServer(page);
    const dialog = registerDialog();
    await dialog.getByLabel('Name', { exact: true }).fill('two hosts');
    await dialog.getByLabel('Connect now?').click();
    await dialog.getByRole('tab', { name: 'Connection' }).click();
    await dialog.getByLabel('Host name/address').fill('db1.example,db2.example');
    await dialog.getByLabel('Username', { exact: true }).fill('app');
    const port = dialog.getByLabel('Port', { exact: true });
    await port.fill('5432,54x3');
    const strip = dialog.getByTestId('form-problems');
    await expect.poll(() => strip.textContent()).toContain('Port "54x3" is not a port number');
    await dialog.getByText('Port "54x3" is not a port number', { exact: false }).first().waitFor();
    await shoot('dialog-edges-port-list-en');
    await port.fill('5432,5433');
    await expect.poll(() => dialog.getByRole('button', { name: 'Save' }).isDisabled()).toBe(false);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tree').getByText('two hosts').click();
    const panel = page.getByRole('region', { name: 'Server two hosts' });
    await panel.getByText('app@db1.example,db2.example:5432,5433/postgres').waitFor();
    await panel.getByRole('button', { name: 'Properties' }).click();
    const properties = await settledDialog(page, 'Properties - two hosts');
    await properties.getByRole('tab', { name: 'Connection' }).click();
    await expect.poll(() => properties.getByLabel('Port', { exact: true }).inputValue()).toBe('5432,5433');
    await properties.getByRole('button', { name: 'Cancel' }).click();
    await properties.waitFor({ state: 'detached' });
  });

  it('the menu bar fits the 1024-px window: it wraps, every menu is in reach, the page never scrolls sideways', async () => {
    await freshPage();
    expect(await page.getByRole('menubar').getByRole('menuitem').count()).toBeGreaterThanOrEqual(8);
    expect(await menuBarOverflow()).toEqual({ outside: [], scrollsSideways: false });
    await shoot('dialog-edges-menu-bar');
  });

  it('in Chinese: the Root certificate field, the store button and the Browse dialog', async () => {
    await freshPage();
    await page.getByRole('menuitem', { name: /Language/ }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    expect(await menuBarOverflow()).toEqual({ outside: [], scrollsSideways: false });
    await page.getByRole('menuitem', { name: /注\s*册/ }).click();
    await page.getByRole('menuitem', { name: '服务器…' }).click();
    const dialog = await settledDialog(page, '注册 - 服务器');
    await chooseVerifyFull(dialog);
    await dialog.getByLabel('根证书', { exact: true }).fill(rootPath);
    await dialog.getByText(`位于 ${folder}`).waitFor();
    await dialog.getByRole('button', { name: '从证书库选择…' }).waitFor();
    await shoot('dialog-edges-root-certificate-zh');
    await dialog.getByRole('button', { name: '浏览…' }).first().click();
    const browse = await settledDialog(page, '选择根证书');
    await browse.getByText('证书（*.crt, *.pem, *.cer, *.der, *.p7b）').waitFor();
    await browse.getByText('显示 61 个文件；另有 2 个被文件类型筛选隐藏').waitFor();
    expect(await insideViewport(browse.getByRole('button', { name: /^打\s*开$/ }))).toBe(true);
    await shoot('dialog-edges-browse-zh');
    await page.keyboard.press('Escape');
    await browse.waitFor({ state: 'detached' });
  });
});

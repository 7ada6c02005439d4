import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestAuthority } from '../support/pki';
import { fillServerDialog, openRegisterServer, screenshot } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';
import { startTlsServer, type TlsServer } from './support/tls-server';

// Issue 14, "rough edges seen on screen", checked at 1024×768 by the text a user sees.
const masterPassword = 'correct horse battery staple';
let server: TlsServer;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  [server, session] = await Promise.all([
    startTlsServer(),
    // A keychain that cannot start (no D-Bus session, no display): the first screen must say so plainly.
    startBrowserSession({ env: { RDSPG_KEYCHAIN: '', DBUS_SESSION_BUS_ADDRESS: '', DISPLAY: '' } }),
  ]);
  page = session.page;
  await page.setViewportSize({ width: 1024, height: 768 });
});

afterAll(async () => {
  await Promise.allSettled([session?.stop(), server?.destroy()]);
});

/** True when an element's text is cut off (an ellipsis or overflow). */
const clipped = (locator: Locator) =>
  locator.evaluate((element) => {
    // The e2e TypeScript has no DOM library: the two widths are read through a plain shape.
    const box = element as unknown as { scrollWidth: number; clientWidth: number };
    return box.scrollWidth > box.clientWidth + 1;
  });

const insideViewport = async (locator: Locator) => {
  const box = await locator.boundingBox();
  return Boolean(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1024 && box.y + box.height <= 768);
};
const registerDialog = () => page.getByRole('dialog', { name: 'Register - Server' });
const switchLanguage = async (from: RegExp, to: string) => {
  await page.getByRole('button', { name: from }).first().click();
  await page.getByRole('menuitem', { name: to }).click();
};

describe('rough edges seen on screen (issue 14)', () => {
  it('first run: the whole title, the keychain in plain words with details, and "password1" refused', async () => {
    await page.goto(session.serve.url);
    await page.getByRole('heading', { name: 'Set the master password' }).waitFor();
    expect(await clipped(page.locator('.ant-card-head-title'))).toBe(false);
    const note = page.getByTestId('keychain-note');
    await expect
      .poll(() => note.textContent())
      .toContain('The system keychain is not available; the master password alone protects your secrets.');
    expect(await note.textContent()).not.toMatch(/D-Bus|cannot be reached|address/);
    await note.getByText('details').click();
    await expect.poll(() => note.textContent()).toMatch(/keychain|D-Bus/i);
    await screenshot(page, 'rough-first-run-en');
    await switchLanguage(/Language/, '简体中文');
    await page.getByRole('heading', { name: '设置主密码' }).waitFor();
    await expect.poll(() => note.textContent()).toContain('系统钥匙串不可用；您的机密仅由主密码保护。');
    expect(await clipped(page.locator('.ant-card-head-title'))).toBe(false);
    await screenshot(page, 'rough-first-run-zh');
    await switchLanguage(/语言/, 'English');
    await page.getByLabel('Master password', { exact: true }).fill('password1');
    await page.getByLabel('Confirm master password').fill('password1');
    await page.getByText('Too easy to guess.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Set master password' }).isDisabled()).toBe(true);
    await page.getByLabel('Master password', { exact: true }).fill(masterPassword);
    await page.getByLabel('Confirm master password').fill(masterPassword);
    await page.getByRole('button', { name: 'Set master password' }).click();
    await page.getByRole('navigation', { name: 'Servers' }).waitFor();
  });

  it('Register: Tab cycles through the dialog (tabs included) and never falls to the page body', async () => {
    await openRegisterServer(page);
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('server-name');
    const stops: string[] = [];
    for (let step = 0; step < 12; step++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate("document.activeElement.getAttribute('role') || document.activeElement.tagName"));
    }
    expect(stops).not.toContain('BODY');
    expect(stops).toContain('tab');
    await registerDialog().getByRole('button', { name: 'Cancel' }).click();
    await registerDialog().waitFor({ state: 'detached' });
  });

  it('Register: no bare file picker, an error strip and tab markers, calm Root certificate row, Escape asks', async () => {
    await openRegisterServer(page);
    const dialog = registerDialog();
    expect(await dialog.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    const strip = dialog.getByTestId('form-problems');
    await expect.poll(() => strip.textContent()).toContain('Name must be specified.');
    expect(await strip.isVisible()).toBe(true);
    await expect.poll(() => dialog.getByRole('tab', { name: 'General' }).textContent()).toMatch(/General\s*● 1/);
    await dialog.getByLabel('Name', { exact: true }).fill('edges');
    await expect.poll(() => dialog.getByRole('tab', { name: 'General' }).textContent()).toBe('General');
    await dialog.getByRole('tab', { name: 'Parameters' }).click();
    await dialog.getByLabel('SSL mode').click();
    await page.locator('.ant-select-item-option[title="Verify-Full"]').click();
    await dialog.getByLabel('Root certificate', { exact: true }).waitFor();
    expect(await dialog.getByText('Choose File').count()).toBe(0);
    for (const input of await dialog.locator('input[type=file]').all()) expect(await input.isVisible()).toBe(false);
    // The new Root certificate row is not red at once, and no advice contradicts another.
    expect(await dialog.locator('.ant-table').getByText('Root certificate needs').count()).toBe(0);
    expect(await dialog.getByText('delete the row').count()).toBe(0);
    await expect
      .poll(() => strip.textContent())
      .toContain('SSL mode verify-full needs a Root certificate: choose the CA certificate file.');
    await expect.poll(() => dialog.getByRole('tab', { name: 'Parameters' }).textContent()).toMatch(/● 1/);
    await screenshot(page, 'rough-register-strip-en');
    await dialog.getByLabel('Root certificate', { exact: true }).focus();
    await page.keyboard.press('Escape');
    const discard = page.getByRole('dialog', { name: 'Discard your changes?' });
    await discard.getByText('The values entered in this dialog are lost.').waitFor();
    await discard.getByRole('button', { name: 'Keep editing' }).click();
    await discard.waitFor({ state: 'detached' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('edges');
    await page.keyboard.press('Escape');
    await discard.getByRole('button', { name: 'Discard', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('after Test connection Save stays inside a 1024×768 window, and Enter saves', async () => {
    await openRegisterServer(page);
    const dialog = registerDialog();
    await fillServerDialog(page, {
      name: 'edges',
      host: '127.0.0.1',
      port: server.cluster.port,
      username: 'postgres',
      password: server.password,
      rootCertificate: server.root.own.certPath,
    });
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    await dialog.getByText('Test connection succeeded').waitFor();
    await screenshot(page, 'rough-test-connection-en');
    expect(await insideViewport(dialog.getByRole('button', { name: 'Save' }))).toBe(true);
    await dialog.getByRole('tab', { name: 'General' }).click();
    await dialog.getByLabel('Name', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tree').getByText('edges').waitFor();
  });

  it('the password prompt names the user; a wrong password keeps it open with the reason, no stale page error', async () => {
    await page.getByRole('tree').getByText('edges').click();
    const panel = page.getByRole('region', { name: 'Server edges' });
    await panel.getByRole('button', { name: 'Clear saved password' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Clear saved password' }).isDisabled()).toBe(true);
    await panel.getByRole('button', { name: 'Connect', exact: true }).click();
    const prompt = page.getByRole('dialog', { name: 'Connect to Server' });
    await prompt
      .getByText('Please enter the password for the user "postgres" to connect the server "edges".')
      .waitFor();
    await prompt.getByLabel('Password', { exact: true }).fill('not the password');
    await page.keyboard.press('Enter');
    await prompt.getByText('authentication_failed', { exact: false }).waitFor();
    expect(await prompt.isVisible()).toBe(true);
    expect(await panel.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'rough-password-prompt-en');
    await prompt.getByLabel('Password', { exact: true }).fill(server.password);
    await page.keyboard.press('Enter');
    await prompt.waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: 'Disconnect' }).waitFor();
  });

  it('Change and Reset master password: confirmation, strength meter, "password1" refused', async () => {
    for (const item of ['Change master password', 'Reset master password']) {
      await page.getByRole('menuitem', { name: 'Master password' }).click();
      await page.getByRole('menuitem', { name: item }).click();
      const dialog = page.getByRole('dialog', { name: item });
      await dialog.getByLabel('New master password', { exact: true }).fill('password1');
      await dialog.getByText('Strength: very weak').waitFor();
      await dialog.getByText('Too easy to guess.', { exact: false }).waitFor();
      await dialog.getByLabel('Confirm new master password').fill('password1');
      const ok = dialog.locator('.ant-modal-footer .ant-btn-primary');
      expect(await ok.isDisabled()).toBe(true);
      await dialog.getByLabel('New master password', { exact: true }).fill('tulip garden 49 lanterns');
      await dialog.getByText('The passwords do not match.').waitFor();
      await dialog.getByText(/Strength: (good|strong)/).waitFor();
      await screenshot(page, `rough-${item.split(' ')[0]?.toLowerCase()}-en`);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
  });

  it('Certificates: the Actions column stays inside a 1024 px window', async () => {
    await page.getByRole('menuitem', { name: 'Certificates' }).click();
    const drawer = page.getByRole('dialog', { name: 'Certificates' });
    // A subject without spaces, as long as ApsaraDB's CA names: nothing can wrap it.
    const folder = await mkdtemp(join(tmpdir(), 'rdspg-long-ca-'));
    const long = await TestAuthority.createRoot(folder, 'ApsaraDB-RDS-PostgreSQL-Hangzhou-Production-Root-CA-2026');
    await drawer.getByRole('textbox', { name: 'CA certificate file to add' }).fill(long.own.certPath);
    await drawer.getByPlaceholder('Label').fill('a rather long label for the E2E root certificate authority');
    await drawer.getByRole('button', { name: 'Add to store' }).click();
    await drawer
      .getByRole('button', { name: /^Remove/ })
      .first()
      .waitFor();
    expect(await insideViewport(drawer.getByRole('columnheader', { name: 'Actions' }))).toBe(true);
    expect(await insideViewport(drawer.getByRole('button', { name: /^Remove/ }).first())).toBe(true);
    await screenshot(page, 'rough-certificates-en');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await rm(folder, { recursive: true, force: true });
  });

  it('the Servers sidebar is resized by dragging its edge', async () => {
    const sidebar = page.getByRole('navigation', { name: 'Servers' });
    const before = (await sidebar.boundingBox())?.width ?? 0;
    const bar = page.getByRole('separator').first();
    const box = await bar.boundingBox();
    if (!box) throw new Error('no splitter bar on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await sidebar.boundingBox())?.width ?? 0).toBeGreaterThan(before + 100);
    await screenshot(page, 'rough-sidebar-en');
  });

  it('the Servers sidebar is resized from the keyboard too: the bar takes focus and says its width', async () => {
    const bar = page.getByRole('separator', { name: 'Resize the Servers sidebar' });
    const now = async () => Number(await bar.getAttribute('aria-valuenow'));
    const width = async () => Math.round((await page.locator('.ant-splitter-panel').first().boundingBox())?.width ?? 0);
    await bar.focus();
    await page.keyboard.press('Home');
    await expect.poll(now).toBe(200);
    expect(await width()).toBe(200);
    await page.keyboard.press('ArrowRight');
    await expect.poll(now).toBe(210);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(now).toBe(260);
    expect(await width()).toBe(260);
    await page.keyboard.press('End');
    const widest = Number(await bar.getAttribute('aria-valuemax'));
    expect(widest).toBe(Math.round(0.6 * ((await page.evaluate('document.documentElement.clientWidth')) as number)));
    await expect.poll(now).toBe(widest);
    await page.keyboard.press('ArrowRight');
    await expect.poll(now).toBe(widest);
    await page.keyboard.press('Home');
    await expect.poll(now).toBe(200);
  });

  it('Lock says what it does and asks first; the Unlock title is whole', async () => {
    await page.getByRole('menuitem', { name: 'Lock' }).click();
    const ask = page.getByRole('dialog', { name: 'Lock RDS PG Connect?' });
    await ask.getByText('Every connected server is disconnected', { exact: false }).waitFor();
    await screenshot(page, 'rough-lock-en');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('region', { name: 'Server edges' }).getByRole('button', { name: 'Disconnect' }).waitFor();
    await page.getByRole('menuitem', { name: 'Lock' }).click();
    await ask.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Unlock RDS PG Connect' }).waitFor();
    expect(await clipped(page.locator('.ant-card-head-title'))).toBe(false);
    await switchLanguage(/Language/, '简体中文');
    await page.getByRole('heading', { name: '解锁 RDS PG Connect' }).waitFor();
    expect(await clipped(page.locator('.ant-card-head-title'))).toBe(false);
    await screenshot(page, 'rough-unlock-zh');
  });
});

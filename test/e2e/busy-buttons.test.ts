import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { TestAuthority } from '../support/pki';
import { type SilentHost, startSilentHost } from '../support/silent-host';
import { fillServerDialog, openRegisterServer, screenshot, signInAndSetMasterPassword } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';

// A host that accepts TCP, says nothing and hangs up after 3 s: Test connection is busy that long, then fails.
let slow: SilentHost;
let folder: string;
let root: TestAuthority;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  slow = await startSilentHost(3_000);
  folder = await mkdtemp(join(tmpdir(), 'rdspg-e2e-busy-'));
  root = await TestAuthority.createRoot(join(folder, 'root'), 'Busy Root CA');
  session = await startBrowserSession();
  page = session.page;
});

afterAll(async () => {
  await Promise.allSettled([session?.stop(), slow?.close(), rm(folder, { recursive: true, force: true })]);
});

/**
 * Clicks the dialog's Test connection (named `label`) and checks that the button is found by exactly that name
 * before, while busy (with aria-busy="true" and a visible spinner) and in the moments right after it finishes.
 */
async function clickTestAndWatch(dialog: Locator, label: string, shot: string): Promise<void> {
  const byName = dialog.getByRole('button', { name: label, exact: true });
  // The same button whatever its accessible name (antd's own spinner made it "loading Test connection").
  const button = dialog.locator('.ant-modal-footer button').filter({ hasText: label });
  expect(await button.ariaSnapshot()).toBe(`- button "${label}"`);
  expect(await button.getAttribute('aria-busy')).toBeNull();
  await byName.click();
  await expect.poll(() => button.getAttribute('aria-busy')).toBe('true');
  expect(await byName.count()).toBe(1);
  expect(await byName.getAttribute('aria-busy', { timeout: 1_000 })).toBe('true');
  expect(await button.locator('[aria-hidden="true"]').isVisible()).toBe(true);
  await screenshot(page, shot);
  await dialog.locator('.ant-alert-error').waitFor({ timeout: 30_000 });
  // Right after the attempt ends: sampled for about half a second, the name never carries the spinner's.
  for (let sample = 0; sample < 10; sample++) {
    expect(await button.ariaSnapshot({ timeout: 1_000 })).toBe(`- button "${label}"`);
    expect(await button.getAttribute('aria-busy')).toBeNull();
    await page.waitForTimeout(50);
  }
  expect(await byName.count()).toBe(1);
}

describe('a busy button keeps its visible label as its accessible name', () => {
  it('Test connection: its exact name before, during (aria-busy, spinner) and right after; a second click does nothing', async () => {
    await signInAndSetMasterPassword(page, session.serve.url, 'correct horse battery staple');
    await openRegisterServer(page);
    const dialog = page.getByRole('dialog', { name: 'Register - Server' });
    await fillServerDialog(page, {
      name: 'slow',
      host: '127.0.0.1',
      port: slow.port,
      username: 'postgres',
      password: 'secret',
      rootCertificate: root.own.certPath,
    });
    const before = slow.accepted.length;
    const secondClick = async () => {
      await expect.poll(() => slow.accepted.length - before).toBe(1);
      const button = dialog.getByRole('button', { name: 'Test connection', exact: true });
      await button.click();
      expect(await button.getAttribute('aria-busy')).toBe('true');
    };
    await Promise.all([clickTestAndWatch(dialog, 'Test connection', 'busy-button-en'), secondClick()]);
    // The click while busy started no second attempt.
    await page.waitForTimeout(500);
    expect(slow.accepted.length - before).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('in 简体中文 too (测试连接)', async () => {
    await page.getByRole('menuitem', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: zhCN['menu.register'] }).click();
    await page.getByRole('menuitem', { name: zhCN['menu.registerServer'] }).click();
    const dialog = page.getByRole('dialog', { name: zhCN['dialog.registerTitle'] });
    await dialog.getByLabel(zhCN['field.name'], { exact: true }).fill('慢');
    await dialog.getByRole('tab', { name: zhCN['dialog.connection'] }).click();
    await dialog.getByLabel(zhCN['field.host']).fill('127.0.0.1');
    await dialog.getByLabel(zhCN['field.port'], { exact: true }).fill(String(slow.port));
    await dialog.getByLabel(zhCN['field.username'], { exact: true }).fill('postgres');
    await clickTestAndWatch(dialog, zhCN['dialog.test'], 'busy-button-zh');
    await dialog.getByRole('button', { name: zhCN['common.cancel'], exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});

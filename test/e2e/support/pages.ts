import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where screenshots go: docs/screenshots with RDSPG_SCREENSHOTS=1 (to refresh the README's), else a scratch folder. */
export const screenshotFolder = process.env.RDSPG_SCREENSHOTS
  ? new URL('../../../docs/screenshots/', import.meta.url).pathname
  : new URL('../../../.tmp/screenshots/', import.meta.url).pathname;

/** Saves a PNG of the page into the screenshot folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotFolder, { recursive: true });
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(screenshotFolder, `${name}.png`) });
}

/** Opens Register > Server… from the main window's menu, and waits until the dialog has stopped moving. */
export async function openRegisterServer(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: 'Register' }).click();
  await page.getByRole('menuitem', { name: 'Server…' }).click();
  await settledDialog(page, 'Register - Server');
}

/** What the Register > Server… dialog is filled with. */
export interface ServerEntry {
  name: string;
  host: string;
  port: number;
  username: string;
  password: string;
  rootCertificate: string;
  /** Upload the root certificate through the browser instead of typing its path on the serving machine. */
  uploadRoot?: boolean;
}

/** Fills General, Connection and Parameters (SSL mode Verify-Full and the Root certificate) by visible labels. */
export async function fillServerDialog(page: Page, entry: ServerEntry): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Register - Server' });
  await dialog.getByLabel('Name', { exact: true }).fill(entry.name);
  await dialog.getByLabel('Connect now?').click();
  await dialog.getByRole('tab', { name: 'Connection' }).click();
  await dialog.getByLabel('Host name/address').fill(entry.host);
  await dialog.getByLabel('Port', { exact: true }).fill(String(entry.port));
  await dialog.getByLabel('Username', { exact: true }).fill(entry.username);
  await dialog.getByLabel('Password', { exact: true }).fill(entry.password);
  await dialog.getByLabel('Save password?').click();
  await dialog.getByRole('tab', { name: 'Parameters' }).click();
  // A click on an option while the list is still opening can be lost, or the list can close under it: choose again
  // (the list opened anew) until the field shows it.
  const sslMode = dialog.getByLabel('SSL mode');
  // `has` looks inside each .ant-select: a locator from the page, not one that starts at the dialog again.
  const chosen = dialog.locator('.ant-select', { has: page.getByLabel('SSL mode') }).filter({ hasText: 'Verify-Full' });
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="Verify-Full"]');
  for (let attempt = 0; attempt < 5 && !(await chosen.count()); attempt++) {
    if (!(await option.isVisible())) await sslMode.click();
    await option.click({ timeout: 5_000 }).catch(() => undefined);
    await chosen.waitFor({ timeout: 3_000 }).catch(() => undefined);
  }
  await chosen.waitFor({ timeout: 1_000 });
  if (entry.uploadRoot) await dialog.getByLabel('Upload Root certificate').setInputFiles(entry.rootCertificate);
  else await dialog.getByLabel('Root certificate', { exact: true }).fill(entry.rootCertificate);
}

/** Opens the sign-in URL that `rdspg serve` printed and sets the master password on the first-run screen. */
export async function signInAndSetMasterPassword(page: Page, url: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Set the master password' }).waitFor();
  await page.getByLabel('Master password', { exact: true }).fill(password);
  await page.getByLabel('Confirm master password').fill(password);
  await page.getByRole('button', { name: 'Set master password' }).click();
  await page.getByRole('navigation', { name: 'Servers' }).waitFor();
}

/** The server-mode session secret this tab keeps (what a thief would need). */
export function sessionSecret(page: Page): Promise<string | null> {
  return page.evaluate("sessionStorage.getItem('rdspg.session')");
}

/** Menu > Lock, then confirms the question that says what locking does. */
export async function lockFromMenu(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: 'Lock' }).click();
  await page.getByRole('dialog', { name: 'Lock RDS PG Connect?' }).getByRole('button', { name: 'Lock' }).click();
}

/**
 * An antd popup (a dialog, a dropdown menu) once its opening motion has ended: on a loaded machine a click during it
 * can be aimed at the target's place in one frame and land beside it in the next, and the popup then stays open.
 */
export async function settled(popup: Locator): Promise<Locator> {
  await expect.poll(() => popup.getAttribute('class'), { timeout: 30_000 }).not.toMatch(/-(appear|enter)(-|\s|$)/);
  return popup;
}

/** A dialog by its title once its opening motion (antd's zoom) has ended (see `settled`). */
export function settledDialog(page: Page, title: string | RegExp): Promise<Locator> {
  return settled(page.getByRole('dialog', { name: title }));
}

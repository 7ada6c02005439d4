import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession({ launch: { colorScheme: 'dark' } });
  page = session.page;
});

afterAll(() => session?.stop());

describe('keyboard, announced errors and the dark theme', () => {
  it('follows the OS dark theme and sets the master password from the keyboard', async () => {
    await page.goto(session.serve.url);
    await page.getByLabel('Master password', { exact: true }).waitFor();
    const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
    expect(background).toBe('rgb(20, 20, 20)');
    await page.keyboard.type('short');
    await page.getByText('Use at least 8 characters.').waitFor();
    await page.keyboard.type(' but long enough');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('short but long enough');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Servers' }).waitFor();
  });

  it('opens Register > Server… with the keyboard; Save stays disabled and errors are announced', async () => {
    // The pointer away from the menu, so that no item is active by hover.
    await page.mouse.move(0, 0);
    await page.getByRole('menuitem', { name: 'Register' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Server…' }).waitFor();
    // Home makes the first item active, whichever item the menu opened with (it may open with one already active).
    await page.keyboard.press('Home');
    const active = page.locator('.ant-dropdown-menu-item-active');
    await expect.poll(() => active.allTextContents()).toEqual(['Server…']);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Register - Server' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('server-name');
    await page.keyboard.type('keyboard server');
    await screenshot(page, 'register-server-general-dark');
    expect(await dialog.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Test connection' }).focus();
    await page.keyboard.press('Enter');
    const announced = dialog.getByTestId('form-problems');
    await expect.poll(() => announced.textContent()).toContain('Host name/address must be specified.');
    expect(await announced.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => dialog.getByRole('tab', { name: 'Connection', selected: true }).count()).toBe(1);
    await dialog.getByRole('tab', { name: 'Parameters' }).click();
    await dialog.getByLabel('Add parameter').click();
    await page.keyboard.type('Application name');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Application name', { exact: true }).fill('rdspg-e2e');
    await dialog.getByLabel('Add parameter').click();
    await page.keyboard.type('SSL min protocol');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByText('SSL min protocol version', { exact: true }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    // Escape first closes an open drop-down of the parameter picker, then asks before discarding the dialog.
    const discard = page.getByRole('dialog', { name: 'Discard your changes?' });
    await expect
      .poll(async () => {
        await page.keyboard.press('Escape');
        return discard.isVisible();
      })
      .toBe(true);
    await discard.getByRole('button', { name: 'Keep editing' }).press('Enter');
    await discard.waitFor({ state: 'detached' });
    // Two Escapes in one go (the second before the question is on screen) ask once, not once per key.
    await page.evaluate(`(() => {
      for (let press = 0; press < 2; press++)
        document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true }));
    })()`);
    await discard.waitFor();
    await page.waitForTimeout(500);
    expect(await discard.count()).toBe(1);
    await discard.getByRole('button', { name: 'Discard', exact: true }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
  });
});

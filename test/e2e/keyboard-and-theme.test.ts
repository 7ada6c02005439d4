import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegisterServer, screenshot } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession({ launch: { colorScheme: 'dark', reducedMotion: 'no-preference' } });
  page = session.page;
});

afterAll(() => session?.stop());

/**
 * Opens Register > Server… and returns the class names antd's dialog box had from the moment it was added until it
 * stood still: the zoom's steps (`ant-zoom-appear-start`, `-active`) are among them only when it zoomed in.
 */
async function classesWhileOpening(): Promise<string[]> {
  await page.evaluate(`(() => {
    const seen = (window.openingClasses = []);
    const note = (node) => {
      if (node.nodeType !== 1) return;
      for (const box of [node, ...node.querySelectorAll('.ant-modal')])
        if (box.classList.contains('ant-modal')) seen.push(box.className);
    };
    window.openingObserver?.disconnect();
    window.openingObserver = new MutationObserver((records) =>
      records.forEach((record) => (record.type === 'attributes' ? note(record.target) : record.addedNodes.forEach(note))),
    );
    window.openingObserver.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  })()`);
  await openRegisterServer(page);
  return (await page.evaluate('window.openingClasses')) as string[];
}

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
    // The keys below go to the focused element, so focus must be back in the dialog first (antd returns it to Cancel
    // once the question has gone). Without this wait the question once never came.
    await expect.poll(() => page.evaluate(`document.activeElement.closest('[role="dialog"]') !== null`)).toBe(true);
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

  it('follows the OS setting for motion: dialogs zoom in, and appear at once when it asks for reduced motion', async () => {
    const dialog = page.getByRole('dialog', { name: 'Register - Server' });
    // A zoom's moving steps; without motion, antd still sets `-appear-prepare` for a moment, but nothing moves.
    const motion = /-(appear|enter)-(start|active)(\s|$)/;
    expect((await classesWhileOpening()).some((name) => motion.test(name))).toBe(true);
    // The app follows the setting while it runs, as it follows the dark theme, and a dialog open at that moment keeps
    // what was typed in it.
    await dialog.getByLabel('Name', { exact: true }).fill('typed before the switch');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.waitForFunction('matchMedia("(prefers-reduced-motion: reduce)").matches');
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('typed before the switch');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    const still = await classesWhileOpening();
    expect(still.length).toBeGreaterThan(0);
    expect(still.filter((name) => motion.test(name))).toEqual([]);
    // Without the zoom, antd's focus lock takes focus to the close button first; the Name field still gets it.
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('server-name');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});

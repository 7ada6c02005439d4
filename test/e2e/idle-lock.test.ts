import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionHeader } from '../../shared/contract/server-mode';
import { sessionSecret } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
  page = session.page;
});

afterAll(() => session?.stop());

describe('idle auto-lock in server mode', () => {
  it('the Idle timeout menu offers off, 5, 15 and 60 minutes and server mode keeps the choice', async () => {
    await page.goto(session.serve.url);
    await page.getByLabel('Master password', { exact: true }).fill('idle lock master password');
    await page.getByLabel('Confirm master password', { exact: true }).fill('idle lock master password');
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menuitem', { name: 'Idle timeout', exact: true });
    await expect.poll(() => menu.textContent()).toBe('Idle timeout: 15 minutes');
    await menu.click();
    for (const label of ['Off', '5 minutes', '15 minutes', '60 minutes'])
      await page.getByRole('menuitem', { name: label, exact: true }).waitFor();
    await page.getByRole('menuitem', { name: '5 minutes', exact: true }).click();
    await expect.poll(() => menu.textContent()).toBe('Idle timeout: 5 minutes');
    const saved = JSON.parse(await readFile(join(session.serve.home, 'settings.json'), 'utf8'));
    expect(saved).toEqual({ idleLockMinutes: 5 });
  });

  it('when the main side locks the vault, the page shows the lock screen with a notice', async () => {
    // The main side locks as the idle timer would: a call with this tab's own session, not through the page's UI.
    const secret = await sessionSecret(page);
    const answer = await page.evaluate(
      ([header, value]) =>
        fetch('/api/vault:lock', {
          method: 'POST',
          headers: { 'content-type': 'application/json', [header]: value },
          body: '{}',
        }).then((response) => response.status),
      [sessionHeader, secret ?? ''] as const,
    );
    expect(answer).toBe(200);
    await page.getByText('The vault was locked after a time without use').waitFor({ timeout: 30_000 });
    await page.getByLabel('Master password', { exact: true }).waitFor();
  }, 60_000);
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bystander, startBystander } from './support/bystander';
import { lockFromMenu, sessionSecret, signInAndSetMasterPassword } from './support/pages';
import { startServe } from './support/serve';
import { type BrowserSession, startBrowserSession } from './support/session';

const masterPassword = 'correct horse battery staple';
let session: BrowserSession;
let bystander: Bystander;
let page: Page;

beforeAll(async () => {
  [session, bystander] = await Promise.all([startBrowserSession(), startBystander()]);
  page = session.page;
});

afterAll(async () => {
  await Promise.allSettled([session?.stop(), bystander?.close()]);
});

describe('server mode: a session cannot be borrowed', () => {
  it('a page on another 127.0.0.1 port gets nothing that signs in: its replay is answered 401', async () => {
    await signInAndSetMasterPassword(page, session.serve.url, masterPassword);
    const secret = await sessionSecret(page);
    await page.goto(`${bystander.origin}/visit`);
    await expect.poll(() => page.title()).toBe('recorded');
    expect(bystander.requests.length).toBeGreaterThan(0);
    expect(await bystander.replay(session.serve.origin)).toBe(401);
    expect(bystander.readable).toEqual([]);
    expect(secret).toMatch(/^[\w-]{40,}$/);
    // The harness can tell: the same replay with the tab's own secret is let in.
    expect(await bystander.replay(session.serve.origin, { 'x-rdspg-session': secret ?? '' })).toBe(200);
  });

  it('reloading the signed-in tab keeps the session; the sign-in URL opened again gets none', async () => {
    await page.goBack();
    await page.reload();
    await page.getByRole('navigation', { name: 'Servers' }).waitFor();
    const second = await session.browser.context.newPage();
    await second.goto(session.serve.url);
    await second.getByText('The session has ended').waitFor();
    expect(await second.getByRole('navigation', { name: 'Servers' }).count()).toBe(0);
    expect(await sessionSecret(second)).toBeNull();
    await second.close();
  });

  it('Sign out ends the session: the old secret gets 401 and a reload does not sign in again', async () => {
    const secret = await sessionSecret(page);
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByText('Signed out').waitFor();
    expect(await sessionSecret(page)).toBeNull();
    expect(await bystander.replay(session.serve.origin, { 'x-rdspg-session': secret ?? '' })).toBe(401);
    await page.reload();
    await page.getByText('The session has ended').waitFor();
  });

  it('Sign out locks the vault: the next sign-in asks for the master password again', async () => {
    const next = session.serve.nextUrl();
    expect(next).toMatch(/#token=/);
    const tab = await session.browser.context.newPage();
    await tab.goto(next ?? '');
    await tab.getByLabel('Master password', { exact: true }).waitFor();
    expect(await tab.getByRole('navigation', { name: 'Servers' }).count()).toBe(0);
    await tab.getByLabel('Master password', { exact: true }).fill(masterPassword);
    await tab.getByRole('button', { name: 'Unlock' }).click();
    await tab.getByRole('navigation', { name: 'Servers' }).waitFor();
    await tab.close();
  });

  it('a session ends after the idle time (RDSPG_SERVE_IDLE_SECONDS) and the page says so', async () => {
    const idle = await startServe({ RDSPG_SERVE_IDLE_SECONDS: '4' });
    try {
      const tab = await session.browser.context.newPage();
      await signInAndSetMasterPassword(tab, idle.url, masterPassword);
      await tab.waitForTimeout(7_000);
      await lockFromMenu(tab);
      await tab.getByText('The session has ended').waitFor();
      await tab.getByText('open the newest URL that rdspg serve printed', { exact: false }).waitFor();
      await tab.close();
    } finally {
      await idle.stop();
    }
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { backedInstance, confirmChange, openInstance } from './support/cloud-panel';
import { screenshot } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';

const masterPassword = 'correct horse battery staple';
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  // Each network change lasts 15 s in the sandbox: long enough to reload the page and find it again.
  session = await startBrowserSession({
    env: { RDSPG_SANDBOX_MODIFY_START_DELAY_MS: '300', RDSPG_SANDBOX_MODIFY_DELAY_MS: '15000' },
    masterPassword,
  });
  page = session.page;
});

afterAll(() => session?.stop());

/** The phase the progress shows, or '' when there is none. */
function phase(): Promise<string> {
  return page
    .getByTestId('ssl-progress-phase')
    .textContent({ timeout: 1000 })
    .then((text) => text ?? '')
    .catch(() => '');
}

describe('a reloaded page finds the change it started and follows it until Running', () => {
  it('release, reload: the progress is shown again and ends', async () => {
    await page.getByRole('menuitem', { name: 'Cloud', exact: true }).click();
    await page.getByRole('button', { name: 'Try the local sandbox' }).click();
    await openInstance(page, backedInstance, 'Connectivity', 'Public endpoint');
    await page.getByRole('button', { name: 'Release public endpoint…' }).click();
    await confirmChange(page, 'Release the public endpoint');
    const deleting = 'Deleting network connection';
    await expect.poll(phase, { timeout: 30_000 }).toBe(deleting);

    await page.reload();
    await page.getByRole('navigation', { name: 'Servers' }).waitFor();
    await page.getByRole('menuitem', { name: 'Cloud', exact: true }).click();
    await openInstance(page, backedInstance, 'Connectivity', 'Public endpoint');
    await expect.poll(phase, { timeout: 10_000 }).toBe(deleting);
    await expect.poll(() => page.getByTestId('ssl-progress-elapsed').textContent()).toMatch(/^Elapsed time: \d+ s$/);
    // No second change is offered while it runs.
    expect(await page.getByRole('button', { name: 'Release public endpoint…' }).isDisabled()).toBe(true);
    await screenshot(page, 'cloud-progress-after-reload');
    await page.getByText('This instance has no public endpoint.').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('instance-status').textContent(), { timeout: 30_000 }).toBe('Running');
    expect(await page.getByTestId('ssl-progress').count()).toBe(0);
  });

  it('in Chinese: allocate, reload: the progress is shown again in the console words and ends', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: '云', exact: true }).click();
    await openInstance(page, backedInstance, zhCN['connect.tab'], zhCN['connect.publicEndpoint']);
    await page.getByRole('button', { name: zhCN['connect.allocate'] }).click();
    await confirmChange(page, zhCN['connect.allocateTitle'], { apply: zhCN['connect.apply'] });
    const creating = '创建网络连接中';
    await expect.poll(phase, { timeout: 30_000 }).toBe(creating);

    await page.reload();
    await page.getByRole('navigation', { name: zhCN['tree.servers'] }).waitFor();
    await page.getByRole('menuitem', { name: '云', exact: true }).click();
    await openInstance(page, backedInstance, zhCN['connect.tab'], zhCN['connect.publicEndpoint']);
    await expect.poll(phase, { timeout: 10_000 }).toBe(creating);
    expect(await page.getByTestId('ssl-progress').textContent()).toContain(zhCN['cloud.phaseSending']);
    await expect.poll(() => page.getByTestId('ssl-progress-elapsed').textContent()).toMatch(/^已用时：\d+秒$/);
    await screenshot(page, 'cloud-progress-after-reload-zh-cn');
    await page.getByTestId('public-endpoint-host').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('ssl-progress').count()).toBe(0);
  });

  it('Stop waiting after the change was sent: the panel says it is still under way, and a new change is refused', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: '语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Cloud', exact: true }).click();
    await openInstance(page, backedInstance, 'Connectivity', 'Public endpoint');
    await page.getByRole('button', { name: 'Release public endpoint…' }).click();
    await confirmChange(page, 'Release the public endpoint');
    await expect.poll(phase, { timeout: 30_000 }).toBe('Deleting network connection');
    await page.getByRole('button', { name: 'Stop waiting' }).click();
    await page.getByText(/^Stopped waiting\. The change is still under way at the service/).waitFor();
    expect(await page.getByTestId('ssl-progress').count()).toBe(0);
    // The section offers the release again (it no longer follows the change), but the app refuses it.
    await page.getByRole('button', { name: 'Release public endpoint…' }).click();
    await confirmChange(page, 'Release the public endpoint');
    const refusal = page.getByRole('alert').filter({ hasText: '[change_in_progress]' });
    await expect.poll(() => refusal.textContent(), { timeout: 30_000 }).toMatch(/still under way at the service/);
    await screenshot(page, 'cloud-stopped-waiting');
  });
});

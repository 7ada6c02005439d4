import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { backedInstance, confirmChange, newPublicHost, openInstance, seededPublicHost } from './support/cloud-panel';
import { screenshot } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';

const masterPassword = 'correct horse battery staple';
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  // Each network change lasts 8 s in the sandbox (each pg_hba phase too): long enough to watch it, leave and return.
  session = await startBrowserSession({
    env: { RDSPG_SANDBOX_MODIFY_START_DELAY_MS: '300', RDSPG_SANDBOX_MODIFY_DELAY_MS: '8000' },
    masterPassword,
  });
  page = session.page;
});

afterAll(() => session?.stop());

/** The phase the progress shows and the instance's status tag, while the change runs. */
async function phaseAndStatus(on: Page): Promise<string[]> {
  const phase = await on
    .getByTestId('ssl-progress-phase')
    .textContent({ timeout: 1000 })
    .catch(() => null);
  return [phase ?? '', (await on.getByTestId('instance-status').textContent()) ?? ''];
}

describe('public endpoint and Enforced SSL changes do not block: the panel follows them as jobs', () => {
  it('releasing the public endpoint shows its phase and elapsed time, also after leaving the page, until Running', async () => {
    await page.getByRole('menuitem', { name: 'Cloud', exact: true }).click();
    await page.getByRole('button', { name: 'Try the local sandbox' }).click();
    await openInstance(page, backedInstance, 'Connectivity', 'Public endpoint');
    await page.getByRole('button', { name: 'Release public endpoint…' }).click();
    await confirmChange(page, 'Release the public endpoint');
    const deleting = 'Deleting network connection';
    await expect.poll(() => phaseAndStatus(page), { timeout: 30_000 }).toEqual([deleting, deleting]);
    const progress = page.getByTestId('ssl-progress');
    await expect
      .poll(() => progress.getByTestId('ssl-progress-elapsed').textContent())
      .toMatch(/^Elapsed time: \d+ s$/);
    const shown = (await progress.textContent()) ?? '';
    expect(shown).toContain('Sending the change');
    expect(shown).not.toMatch(/NET_DELETING|%/);
    await screenshot(page, 'cloud-release-progress');
    // Leave the instance and come back: the change is followed on.
    await page.getByRole('button', { name: 'Back to instances' }).click();
    await openInstance(page, backedInstance, 'Connectivity', 'Public endpoint');
    await expect.poll(() => phaseAndStatus(page), { timeout: 5_000 }).toEqual([deleting, deleting]);
    await page.getByText('This instance has no public endpoint.').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('instance-status').textContent(), { timeout: 30_000 }).toBe('Running');
    expect(await page.getByTestId('ssl-progress').count()).toBe(0);
    expect(await page.getByText(seededPublicHost).count()).toBe(0);
  });

  it('a second change of the instance is refused with its code while the first runs, from another session too', async () => {
    // Another signed-in tab (its own session) has the Enforced SSL change ready to apply.
    const other = await session.browser.context.newPage();
    await other.goto(session.serve.nextUrl() ?? '');
    await other.getByRole('navigation', { name: 'Servers' }).waitFor();
    await other.getByRole('menuitem', { name: 'Cloud', exact: true }).click();
    await openInstance(other, backedInstance, 'Data Security', 'SSL');
    await other.getByRole('button', { name: 'Enforce SSL…' }).click();
    await other.getByTestId('enforcement-plan').waitFor();

    await page.getByRole('button', { name: 'Allocate public endpoint…' }).click();
    await confirmChange(page, 'Allocate a public endpoint');
    const creating = 'Creating network connection';
    await expect.poll(() => phaseAndStatus(page), { timeout: 30_000 }).toEqual([creating, creating]);
    // This tab offers no second change meanwhile (polled: the SSL tab may mount before it hears of the running job).
    await page.getByRole('tab', { name: 'Data Security' }).click();
    await page.getByRole('tab', { name: 'SSL' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Enforce SSL…' }).isDisabled(), { timeout: 10_000 })
      .toBe(true);

    await confirmChange(other, 'Change the pg_hba entries');
    const refusal = other.getByRole('alert').filter({ hasText: '[change_in_progress]' });
    await expect
      .poll(() => refusal.textContent(), { timeout: 30_000 })
      .toMatch(/Wait until the instance is Running again/);
    await screenshot(other, 'cloud-change-refused');
    await other.close();

    await page.getByRole('tab', { name: 'Connectivity' }).click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('public-endpoint-host')
            .textContent({ timeout: 1000 })
            .catch(() => ''),
        {
          timeout: 60_000,
        },
      )
      .toMatch(new RegExp(`^Public endpoint: ${newPublicHost.replaceAll('.', '\\.')} port \\d+$`));
    await expect.poll(() => page.getByTestId('instance-status').textContent(), { timeout: 30_000 }).toBe('Running');
  });

  it('enforcing SSL shows the pg_hba phase, then plain connections are no longer accepted', async () => {
    await page.getByRole('tab', { name: 'Data Security' }).click();
    await page.getByRole('tab', { name: 'SSL' }).click();
    expect(await page.getByTestId('plain-accepted').textContent()).toBe('Yes');
    await page.getByRole('button', { name: 'Enforce SSL…' }).click();
    await page.getByTestId('enforcement-plan').waitFor();
    await confirmChange(page, 'Change the pg_hba entries');
    const applying = 'Applying the pg_hba entries';
    await expect.poll(() => phaseAndStatus(page), { timeout: 30_000 }).toEqual([applying, applying]);
    await screenshot(page, 'cloud-enforce-progress');
    await expect.poll(() => page.getByTestId('plain-accepted').textContent(), { timeout: 60_000 }).toBe('No');
    expect(await page.getByTestId('ssl-progress').count()).toBe(0);
  });

  it('in Chinese: releasing shows the phase in the console words', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: '云', exact: true }).click();
    await openInstance(page, backedInstance, zhCN['connect.tab'], zhCN['connect.publicEndpoint']);
    await page.getByRole('button', { name: zhCN['connect.release'] }).click();
    await confirmChange(page, zhCN['connect.releaseTitle'], { apply: zhCN['connect.apply'] });
    const deleting = '删除网络连接中';
    await expect.poll(() => phaseAndStatus(page), { timeout: 30_000 }).toEqual([deleting, deleting]);
    expect(await page.getByTestId('ssl-progress').textContent()).toContain(zhCN['cloud.phaseSending']);
    await expect.poll(() => page.getByTestId('ssl-progress-elapsed').textContent()).toMatch(/^已用时：\d+秒$/);
    await screenshot(page, 'cloud-release-progress-zh-cn');
    await page.getByText(zhCN['connect.noPublicEndpoint']).waitFor({ timeout: 60_000 });
  });
});

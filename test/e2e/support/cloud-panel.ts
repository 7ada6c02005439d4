import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { settledDialog } from './pages';

/** The sandbox's PostgreSQL instance with a real PostgreSQL behind it (electron/sandbox/seed.ts). */
export const backedInstance = 'pgm-bp1sandbox16pg';

/** The public endpoint the sandbox seeds for it. */
export const seededPublicHost = `${backedInstance}o.pg.rds.aliyuncs.com`;

/** The public endpoint an allocation gives it. */
export const newPublicHost = `${backedInstance}-pub.pg.rds.aliyuncs.com`;

/** A button's accessible name: antd puts a space between two Chinese characters ("应 用"). */
export function buttonName(label: string): RegExp {
  return new RegExp(`^${[...label].join('\\s?')}$`);
}

/** Opens an instance of the open cloud panel, waits for its status, then its tab and section when given. */
export async function openInstance(page: Page, instanceId: string, tab?: string, section?: string): Promise<void> {
  await page.getByRole('button', { name: instanceId, exact: true }).click();
  await page.getByTestId('instance-status').locator('.ant-tag').waitFor();
  if (tab) await page.getByRole('tab', { name: tab }).click();
  if (section) await page.getByRole('tab', { name: section }).click();
}

/**
 * Confirms the change dialog titled `title` with its `apply` button (English "Apply" unless given), once it shows
 * what will change when `shows` is given; the dialog closes when the request has started the change.
 */
export async function confirmChange(
  page: Page,
  title: string,
  { apply = 'Apply', shows }: { apply?: string; shows?: string | RegExp } = {},
): Promise<void> {
  const dialog = await settledDialog(page, title);
  if (shows) await expect.poll(() => dialog.textContent()).toMatch(shows);
  await dialog.getByRole('button', { name: buttonName(apply) }).click();
  await dialog.waitFor({ state: 'detached', timeout: 60_000 });
}

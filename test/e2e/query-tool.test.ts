import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fillServerDialog, openRegisterServer, screenshot } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';
import { startTlsServer, type TlsServer } from './support/tls-server';

let server: TlsServer;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  [server, session] = await Promise.all([
    startTlsServer(),
    startBrowserSession({ masterPassword: 'correct horse battery staple' }),
  ]);
  page = session.page;
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await screenshot(page, 'query-tool-failed');
});

afterAll(async () => {
  await Promise.allSettled([session?.stop(), server?.destroy()]);
});

/** The sleeping queries running on the test server right now. */
const sleeping = () =>
  server.cluster.sql("select pid from pg_stat_activity where query like 'select pg_sleep%' and state = 'active'");

/** Replaces the editor's SQL by typing it, as a user does. */
async function typeSql(editor: Locator, sql: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(sql);
  await page.keyboard.press('Escape');
}

describe('colour fields with a picker', () => {
  it('a background picked in the dialog is saved and shows on the tree node', async () => {
    await openRegisterServer(page);
    const dialog = page.getByRole('dialog', { name: 'Register - Server' });
    const hex = page.locator('.ant-color-picker-hex-input input');
    // A click on the swatch while the dialog is still opening can be lost: click again until the picker shows.
    for (let attempt = 0; attempt < 3 && !(await hex.isVisible()); attempt++) {
      await dialog.getByLabel('Pick a colour').first().click();
      await hex.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await hex.fill('2F54EB');
    await hex.press('Enter');
    await expect.poll(() => dialog.getByLabel('Background').inputValue()).toBe('#2f54eb');
    await screenshot(page, 'colour-picker-en');
    await dialog.getByLabel('Foreground').fill('#ffffff');
    await dialog.getByLabel('Name', { exact: true }).click();
    await page.locator('.ant-color-picker-hex-input').waitFor({ state: 'hidden' });
    await fillServerDialog(page, {
      name: 'qt-lab',
      host: '127.0.0.1',
      port: server.cluster.port,
      username: 'postgres',
      password: server.password,
      rootCertificate: server.root.own.certPath,
    });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const saved = JSON.parse(await readFile(join(session.serve.home, 'servers.json'), 'utf8'));
    expect(JSON.stringify(saved)).toContain('"background":"#2f54eb"');
    expect(JSON.stringify(saved)).toContain('"foreground":"#ffffff"');
    const node = page.getByRole('tree').locator('span[style*="background"]', { hasText: 'qt-lab' });
    // The e2e TypeScript has no DOM library: the computed style is read through a plain shape.
    const colours = () =>
      node.evaluate((element) => {
        const { getComputedStyle } = globalThis as unknown as {
          getComputedStyle(node: unknown): { backgroundColor: string; color: string };
        };
        return [getComputedStyle(element).backgroundColor, getComputedStyle(element).color];
      });
    await expect.poll(colours).toEqual(['rgb(47, 84, 235)', 'rgb(255, 255, 255)']);
    await node.click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('button', { name: 'Disconnect' }).waitFor({ timeout: 20_000 });
    await page.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: 15_000 });
  });
});

describe('Query Tool', () => {
  it('runs typed SQL with Ctrl+Enter: "1 row" and the elapsed time; Run and F5 run too; counts and command tags', async () => {
    await page.getByRole('button', { name: 'Query Tool' }).click();
    const tool = page.getByRole('dialog', { name: /Query Tool/ });
    const editor = tool.getByRole('textbox', { name: 'SQL editor' });
    await typeSql(editor, 'select 42 as answer');
    await page.keyboard.press('Control+Enter');
    const summary = tool.getByRole('status');
    await expect.poll(() => summary.textContent(), { timeout: 20_000 }).toMatch(/^1 row returned in [\d.]+ ms\.$/);
    expect(await editor.textContent()).toBe('select 42 as answer');
    expect(await tool.getByRole('region', { name: 'Results' }).textContent()).toMatch(/answerinteger\s*42/);
    expect(await editor.locator('.cm-line span').count()).toBeGreaterThan(0);
    await screenshot(page, 'query-tool-en');
    await typeSql(editor, 'select n from generate_series(1, 2500) n');
    await tool.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => summary.textContent())
      .toMatch(/^2,500 rows returned in [\d.]+ ms\. Only the first 1,000 of 2,500 rows are shown/);
    await typeSql(editor, 'select 1 where false');
    await page.keyboard.press('F5');
    await expect.poll(() => summary.textContent()).toMatch(/^0 rows returned in [\d.]+ ms\.$/);
    await typeSql(editor, 'create temporary table t as select generate_series(1, 3) as n; update t set n = n + 1');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => summary.textContent()).toMatch(/^UPDATE 3 — completed in [\d.]+ ms\.$/);
  });

  it('a slow query clears the old result and shows it is running; Cancel (and closing the tool) stops it on the server', async () => {
    const tool = page.getByRole('dialog', { name: /Query Tool/ });
    const editor = tool.getByRole('textbox', { name: 'SQL editor' });
    await typeSql(editor, 'select pg_sleep(30)');
    await page.keyboard.press('Control+Enter');
    await tool.getByText(/^Running… /).waitFor();
    expect(await tool.getByText('UPDATE 3').count()).toBe(0);
    // While it runs, Run is disabled and keeps its name (no spinner inside it).
    expect(await tool.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(true);
    await expect.poll(async () => (await sleeping()).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => tool.getByText(/^Running… \d+(\.\d+)? s$/).count(), { timeout: 5_000 }).toBe(1);
    await screenshot(page, 'query-tool-running-en');
    await tool.getByRole('button', { name: 'Cancel query' }).click();
    await tool.getByText(/^Query cancelled after [\d.]+ (ms|s)\.$/).waitFor({ timeout: 10_000 });
    expect(await sleeping()).toEqual([]);
    expect(await tool.getByRole('button', { name: 'Run', exact: true }).isDisabled()).toBe(false);
    await editor.click();
    await page.keyboard.press('F5');
    await expect.poll(async () => (await sleeping()).length, { timeout: 10_000 }).toBe(1);
    await tool.getByRole('button', { name: 'Close' }).click();
    await tool.waitFor({ state: 'detached' });
    await expect.poll(async () => (await sleeping()).length, { timeout: 10_000 }).toBe(0);
  });

  it('in Chinese: "1 行", the time, running and cancelled; the colour picker in the dialog', async () => {
    await page.getByRole('menuitem', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByRole('button', { name: '查询工具' }).click();
    const tool = page.getByRole('dialog', { name: /查询工具/ });
    const editor = tool.getByRole('textbox', { name: 'SQL 编辑器' });
    await typeSql(editor, "select '数据' as 名称");
    await page.keyboard.press('Control+Enter');
    const summary = tool.getByRole('status');
    await expect.poll(() => summary.textContent(), { timeout: 20_000 }).toMatch(/^返回 1 行，耗时 [\d.]+ 毫秒。$/);
    await screenshot(page, 'query-tool-zh-cn');
    await typeSql(editor, 'select pg_sleep(30)');
    await page.keyboard.press('F5');
    await tool.getByText(/^正在执行… /).waitFor();
    expect(await tool.getByText('返回 1 行').count()).toBe(0);
    await expect.poll(async () => (await sleeping()).length, { timeout: 10_000 }).toBe(1);
    await screenshot(page, 'query-tool-running-zh-cn');
    await tool.getByRole('button', { name: '取消查询' }).click();
    await tool.getByText(/^查询已在 [\d.]+ (毫秒|秒) 后取消。$/).waitFor({ timeout: 10_000 });
    expect(await sleeping()).toEqual([]);
    await tool.getByRole('button', { name: /Close|关闭/ }).click();
    await tool.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^属\s?性$/ }).click();
    const dialog = page.getByRole('dialog', { name: /qt-lab/ });
    expect(await dialog.getByLabel('背景色').inputValue()).toBe('#2f54eb');
    await dialog.getByLabel('选择颜色').first().click();
    await page.locator('.ant-color-picker-hex-input input').waitFor();
    expect(await page.locator('.ant-color-picker-hex-input input').inputValue()).toBe('2f54eb');
    await screenshot(page, 'colour-picker-zh-cn');
  });
});

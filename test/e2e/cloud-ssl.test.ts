import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seededInstances } from '../../electron/sandbox/seed';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { backedInstance, buttonName, openInstance, seededPublicHost } from './support/cloud-panel';
import { screenshot, settledDialog } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';

const masterPassword = 'correct horse battery staple';
const postgresInstances = seededInstances()
  .filter((instance) => instance.engine === 'PostgreSQL')
  .map((instance) => instance.instanceId);
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  // A short SSL change in the sandbox, still long enough to see "Modifying SSL Settings".
  session = await startBrowserSession({ env: { RDSPG_SANDBOX_MODIFY_DELAY_MS: '1500' }, masterPassword });
  page = session.page;
});

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await screenshot(page, 'cloud-ssl-failed');
});

afterAll(() => session?.stop());

async function applyChange(continueLabel: string, restartTitle: string): Promise<void> {
  const warning = await settledDialog(page, restartTitle);
  await warning.getByRole('button', { name: buttonName(continueLabel) }).click();
  await warning.waitFor({ state: 'detached' });
}

describe('the Alibaba Cloud panel against the sandbox backed by real PostgreSQL', () => {
  it('adds the sandbox account and lists the PostgreSQL instances with version, storage and status', async () => {
    await page.getByRole('menuitem', { name: 'Cloud', exact: true }).click();
    await page.getByRole('button', { name: 'Try the local sandbox' }).click();
    await page.getByRole('button', { name: backedInstance, exact: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: backedInstance });
    await expect
      .poll(() => row.textContent())
      .toMatch(/PostgreSQL 16\.0.*ESSD PL1 cloud disk.*High-availability Edition.*Running/);
    expect(await page.getByRole('table').textContent()).not.toMatch(/cloud_essd|local_ssd|HighAvailability/);
    expect(await page.getByRole('row').filter({ hasText: 'rm-bp1sandboxmysql8' }).count()).toBe(0);
    const readOnly = page.getByRole('row').filter({ hasText: 'pgr-bp1sandbox16ro' });
    await expect.poll(() => readOnly.textContent()).toContain('Read-only');
    await page.getByText('China (Hangzhou) (cn-hangzhou)').waitFor();
    await screenshot(page, 'cloud-instances');
  });

  it('PostgreSQL 9.4 and Serverless instances say why SSL is unavailable', async () => {
    await openInstance(page, 'pgm-bp1sandbox94pg');
    const reasons = page.getByTestId('ssl-unavailable');
    await expect
      .poll(() => reasons.textContent())
      .toContain('PostgreSQL 9.4 is too old: SSL needs PostgreSQL 10 or later.');
    await expect.poll(() => reasons.textContent()).toContain('local disks (Local SSD)');
    await page.getByRole('button', { name: 'Back to instances' }).click();
    await openInstance(page, 'pgm-bp1sandbox14sl');
    await expect
      .poll(() => page.getByTestId('ssl-unavailable').textContent())
      .toContain('Serverless instances do not support SSL encryption.');
    await page.getByRole('button', { name: 'Back to instances' }).click();
  });

  it('enables SSL with a cloud certificate on the public endpoint and returns to Running', async () => {
    await openInstance(page, backedInstance);
    await page.getByRole('tab', { name: 'Data Security' }).waitFor();
    await page.getByRole('radio', { name: 'Cloud Certificate' }).waitFor();
    await expect.poll(() => page.getByTestId('ssl-state').textContent()).toBe('Disabled');
    expect(await page.getByTestId('scheduled-renewal').textContent()).toBe('No renewal scheduled');
    await page.getByRole('button', { name: 'Configure Database Certificate (to Prevent Database Disguise)' }).click();
    const chooser = await settledDialog(page, 'Select Protected Endpoint');
    const publicChoice = chooser.getByRole('radio', { name: new RegExp(seededPublicHost.replaceAll('.', '\\.')) });
    const internalChoice = chooser.getByRole('radio', { name: new RegExp(`${backedInstance}\\.pg`) });
    await expect.poll(() => publicChoice.isChecked()).toBe(true);
    expect(await internalChoice.isChecked()).toBe(false);
    await expect.poll(() => chooser.textContent()).toContain('Recommended');
    await chooser.getByRole('button', { name: 'OK' }).click();
    const warning = page.getByRole('dialog', { name: 'The instance restarts' });
    await expect.poll(() => warning.textContent()).toContain('off-peak hours');
    await applyChange('Continue', 'The instance restarts');
    await expect.poll(() => page.getByTestId('instance-status').textContent()).toBe('Modifying SSL Settings');
    const progress = page.getByTestId('ssl-progress');
    await expect
      .poll(() => progress.getByTestId('ssl-progress-phase').textContent(), { timeout: 30_000 })
      .toBe('Modifying SSL Settings');
    await expect
      .poll(() => progress.getByTestId('ssl-progress-elapsed').textContent())
      .toMatch(/^Elapsed time: \d+ s$/);
    const shown = (await progress.textContent()) ?? '';
    expect(shown).toContain('Sending the change');
    expect(shown).not.toMatch(/SSL_MODIFYING|check \d|%/);
    expect(await progress.getByRole('progressbar').count()).toBe(0);
    await screenshot(page, 'cloud-ssl-modifying');
    await expect.poll(() => page.getByTestId('instance-status').textContent(), { timeout: 60_000 }).toBe('Running');
    await expect.poll(() => page.getByTestId('ssl-state').textContent()).toBe('Enabled');
    await expect.poll(() => page.getByText(seededPublicHost, { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/\(36[45] days left\)/).count()).toBe(1);
    await expect.poll(() => page.getByText('No renewal needed').count()).toBe(1);
  });

  it('Download CA Certificate stores the PEM and offers PEM, JKS and P7B', async () => {
    await page.getByRole('button', { name: 'Download CA Certificate' }).click();
    const result = page.getByTestId('ca-download');
    await result.waitFor();
    expect(await result.textContent()).toContain('The JKS password is apsaradb.');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      result.getByRole('button', { name: 'Save PEM' }).click(),
    ]);
    const path = await download.path();
    expect(await readFile(path, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const [jks] = await Promise.all([
      page.waitForEvent('download'),
      result.getByRole('button', { name: 'Save JKS' }).click(),
    ]);
    expect(jks.suggestedFilename()).toMatch(/\.jks$/);
    await screenshot(page, 'cloud-ssl-enabled');
  });

  it('Register this instance as a server: prefilled Verify-Full, Test connection succeeds, the query tool sees SSL', async () => {
    await page.getByRole('button', { name: 'Register this instance as a server' }).click();
    // RDS users cannot log in as postgres: the app asks for one of the instance's accounts, or creates one.
    const picker = page.getByRole('dialog', { name: 'Register this instance as which account?' });
    await picker.getByText('No database accounts yet.', { exact: false }).waitFor();
    await picker.getByLabel('Account name').fill('app_owner');
    await picker.getByLabel('Password').fill('Str0ng-passw0rd');
    await picker.getByRole('button', { name: 'Create account…' }).click();
    const create = page.getByRole('dialog', { name: 'Create a database account' });
    await expect.poll(() => create.textContent()).toContain('its password goes straight into the vault');
    await create.getByRole('button', { name: 'Apply' }).click();
    await create.waitFor({ state: 'detached' });
    await picker.getByRole('button', { name: 'Register this instance as a server' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register - Server' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByLabel('Name', { exact: true }).inputValue()).toContain(backedInstance);
    await dialog.getByRole('tab', { name: 'Connection' }).click();
    expect(await dialog.getByLabel('Host name/address').inputValue()).toBe(seededPublicHost);
    expect(await dialog.getByLabel('Username', { exact: true }).inputValue()).toBe('app_owner');
    await dialog.getByRole('tab', { name: 'Parameters' }).click();
    expect(await dialog.getByLabel('Root certificate', { exact: true }).inputValue()).toContain(
      `${backedInstance}.pem`,
    );
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const outcome = dialog.getByTestId('test-outcome');
    await outcome.getByText('Test connection succeeded').waitFor();
    await expect.poll(() => outcome.getByText('TLSv1.3').count()).toBeGreaterThan(0);
    await screenshot(page, 'cloud-register-test');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tree').getByText(backedInstance, { exact: false }).click();
    await page.getByRole('button', { name: 'Connect' }).click();
    // The "Connected to …" notice covers the menu bar for a few seconds.
    await page.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('button', { name: 'Query Tool' }).click();
    await page.getByLabel('SQL editor').fill('select ssl, version from pg_stat_ssl where pid = pg_backend_pid()');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const tool = page.getByRole('dialog', { name: /Query Tool/ });
    await expect.poll(() => tool.textContent(), { timeout: 20_000 }).toContain('TLSv1.3');
    expect(await tool.textContent()).toMatch(/sslbooleanversiontext\s*(t|true)\s*TLSv1\.3/);
    await screenshot(page, 'cloud-query-tool');
    await tool.getByRole('button', { name: 'Close' }).click();
    await tool.waitFor({ state: 'detached' });
  });

  it('the fleet audit lists every seeded PostgreSQL instance, with the new SSL state, and exports CSV', async () => {
    await page.getByRole('menuitem', { name: 'Cloud', exact: true }).click();
    await page.getByRole('tab', { name: 'Fleet audit' }).click();
    await page.getByRole('button', { name: 'Run audit' }).click();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    for (const instanceId of postgresInstances) await table.getByText(instanceId, { exact: false }).first().waitFor();
    const row = table.getByRole('row').filter({ hasText: backedInstance }).filter({ hasText: 'cn-hangzhou' });
    await expect
      .poll(() => row.first().textContent())
      .toMatch(new RegExp(`On${seededPublicHost.replaceAll('.', '\\.')}Cloud certificate`));
    expect(await row.first().textContent()).toContain('China (Hangzhou) (cn-hangzhou)');
    expect(await table.locator('thead').textContent()).toContain('Certificate update needed');
    expect(await table.textContent()).not.toMatch(/RequireUpdate|\baliyun\b/);
    expect(await table.getByText('rm-bp1sandboxmysql8').count()).toBe(0);
    const old = table.getByRole('row').filter({ hasText: 'pgm-bp1sandbox94pg' });
    expect(await old.getByTestId('audit-ssl-unavailable').textContent()).toBe('Not available');
    const serverless = table.getByRole('row').filter({ hasText: 'pgm-bp1sandbox14sl' });
    expect(await serverless.textContent()).toContain('Not available');
    expect(await serverless.textContent()).not.toMatch(/Off/);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const text = await readFile(await csv.path(), 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      'regionId,instanceId,description,engineVersion,status,sslEnabled,protectedEndpoint,caType,expiresAt,daysLeft,requireUpdate,clientCa,error,instanceType,primaryInstanceId,renewalScheduledAt,renewalRestart,sslUnavailableReason',
    );
    expect(text).toContain(`pgr-bp1sandbox16ro,orders-ro (read-only instance of orders)`);
    expect(text).toMatch(/,Readonly,pgm-bp1sandbox16pg,/);
    for (const instanceId of postgresInstances) expect(text).toContain(instanceId);
    await page.getByLabel('Filter by instance, endpoint or region').fill('shanghai');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await screenshot(page, 'cloud-audit');
    await page.getByLabel('Filter by instance, endpoint or region').fill('');
    await table.getByRole('row').filter({ hasText: 'pgm-bp1sandbox94pg' }).getByRole('cell').first().click();
    await expect.poll(() => page.getByTestId('ssl-unavailable').textContent()).toContain('PostgreSQL 9.4 is too old');
    await page.getByRole('button', { name: 'Back to instances' }).click();
  });

  it('the same flow in Chinese: disable and enable SSL again, download the CA, Test connection, and audit', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: '云', exact: true }).click();
    await page.getByRole('tab', { name: '实例列表' }).click();
    await openInstance(page, 'pgm-bp1sandbox94pg');
    await expect.poll(() => page.getByTestId('ssl-unavailable').textContent()).toContain('PostgreSQL 9.4版本过低');
    await expect.poll(() => page.getByTestId('ssl-unavailable').textContent()).toContain('本地SSD盘');
    await page.getByRole('button', { name: '返回实例列表' }).click();
    await openInstance(page, backedInstance);
    await page.getByRole('tab', { name: '数据安全性' }).waitFor();
    await expect.poll(() => page.getByTestId('ssl-state').textContent()).toBe('已开启');
    await page.getByRole('button', { name: '关闭SSL' }).click();
    await applyChange('继续', '实例将重启');
    const progress = page.getByTestId('ssl-progress');
    await expect
      .poll(() => progress.getByTestId('ssl-progress-phase').textContent(), { timeout: 30_000 })
      .toBe('SSL设置修改中');
    await expect.poll(() => progress.getByTestId('ssl-progress-elapsed').textContent()).toMatch(/^已用时：\d+秒$/);
    await screenshot(page, 'cloud-ssl-modifying-zh-cn');
    await expect.poll(() => page.getByTestId('ssl-state').textContent(), { timeout: 60_000 }).toBe('未开通');
    await page.getByRole('button', { name: '配置数据库证书（防止数据库伪装）' }).click();
    const chooser = await settledDialog(page, '选择保护地址');
    await expect.poll(() => chooser.textContent()).toContain('外网地址');
    await chooser.getByRole('button', { name: buttonName('确定') }).click();
    await applyChange('继续', '实例将重启');
    await expect.poll(() => page.getByTestId('ssl-state').textContent(), { timeout: 60_000 }).toBe('已开启');
    await expect.poll(() => page.getByTestId('instance-status').textContent()).toBe('运行中');
    await page.getByRole('button', { name: '下载CA证书' }).click();
    await expect.poll(() => page.getByTestId('ca-download').textContent()).toContain('JKS文件的密码为apsaradb');
    await screenshot(page, 'cloud-ssl-zh-cn');
    await page.getByRole('button', { name: '将该实例注册为服务器' }).click();
    const picker = page.getByRole('dialog', { name: zhCN['connect.registerAs'] });
    await picker.getByLabel(zhCN['connect.pickAccount']).click();
    await page.locator('.ant-select-item-option[title="app_owner"]').click();
    await picker.getByLabel(zhCN['connect.password'], { exact: true }).first().fill('Str0ng-passw0rd');
    await picker.getByRole('button', { name: zhCN['cloud.register'] }).click();
    const dialog = page.getByRole('dialog', { name: zhCN['dialog.registerTitle'] });
    await dialog.getByRole('button', { name: buttonName(zhCN['dialog.test']) }).click();
    const outcome = dialog.getByTestId('test-outcome');
    await outcome.getByText(zhCN['dialog.testSucceeded']).waitFor();
    await expect.poll(() => outcome.getByText('TLSv1.3').count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: buttonName(zhCN['common.cancel']) }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('menuitem', { name: '云', exact: true }).click();
    await page.getByRole('tab', { name: '实例列表' }).click();
    await openInstance(page, backedInstance);
    await page.getByRole('button', { name: '返回实例列表' }).click();
    await page.getByRole('tab', { name: '实例巡检' }).click();
    await page.getByRole('button', { name: '开始巡检' }).click();
    const table = page.getByTestId('audit-table');
    for (const instanceId of postgresInstances) await table.getByText(instanceId, { exact: false }).first().waitFor();
    const row = table.getByRole('row').filter({ hasText: backedInstance }).filter({ hasText: 'cn-hangzhou' });
    await expect.poll(() => row.first().textContent()).toContain('华东1（杭州）');
    expect(await row.first().textContent()).toContain('云证书');
    expect(await table.locator('thead').textContent()).toContain('证书需更新');
    const old = table.getByRole('row').filter({ hasText: 'pgm-bp1sandbox94pg' });
    expect(await old.getByTestId('audit-ssl-unavailable').textContent()).toBe('不可用');
    await page.getByRole('tab', { name: '实例列表' }).click();
    const listed = page.getByRole('row').filter({ hasText: backedInstance }).filter({ hasText: 'PostgreSQL 16.0' });
    await expect.poll(() => listed.first().textContent()).toMatch(/ESSD PL1云盘.*高可用系列.*运行中/);
    await screenshot(page, 'cloud-instances-zh-cn');
  });
});

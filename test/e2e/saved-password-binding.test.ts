import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { nothingOpen, settledLeftovers } from '../support/leftovers';
import { runCli } from '../support/run-cli';
import { screenshot, signInAndSetMasterPassword } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';
import { startTlsServer, type TlsServer } from './support/tls-server';

// A server saved with `service=NAME`: when the service file later sends it to another endpoint, Connect does not send
// the saved password; the prompt asks for it and says why, and saving the typed one binds it to the new endpoint.
const masterPassword = 'correct horse battery staple';
let server: TlsServer;
let session: BrowserSession;
let page: Page;
let folder: string;
let serviceFile: string;

const service = (host: string) =>
  writeFile(
    serviceFile,
    `[svc]\n${host}\nport=${server.cluster.port}\nuser=postgres\ndbname=postgres\nsslmode=verify-full\nsslrootcert=${server.root.own.certPath}\n`,
  );

const cliEnv = () => ({
  PATH: process.env.PATH,
  HOME: session.serve.home,
  RDSPG_HOME: session.serve.home,
  RDSPG_KEYCHAIN: 'off',
  RDSPG_MASTER_PASSWORD: masterPassword,
  PGSERVICEFILE: serviceFile,
});

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-e2e-binding-'));
  serviceFile = join(folder, 'pg_service.conf');
  [server, session] = await Promise.all([
    startTlsServer(),
    startBrowserSession({ env: { PGSERVICEFILE: serviceFile } }),
  ]);
  page = session.page;
});

afterAll(async () => {
  await Promise.allSettled([session?.stop(), server?.destroy()]);
  await rm(folder, { recursive: true, force: true });
});

describe('a saved password bound to its endpoint, in the app', () => {
  it('Connect after the service file moved the server asks for the password and says why', async () => {
    await signInAndSetMasterPassword(page, session.serve.url, masterPassword);
    await service('host=127.0.0.1');
    const added = await runCli(['servers', 'add', 'by-service', 'service=svc', '--save-password', '--password-stdin'], {
      env: cliEnv(),
      input: `${server.password}\n`,
      timeoutMs: 30_000,
    });
    expect(added.status).toBe(0);
    await service('host=localhost\nhostaddr=127.0.0.1');
    await page.reload();
    await page.getByRole('tree').getByText('by-service').click();
    const panel = page.getByRole('region', { name: 'Server by-service' });
    await panel.getByRole('button', { name: 'Connect', exact: true }).click();
    const prompt = page.getByRole('dialog', { name: 'Connect to Server' });
    await prompt
      .getByText('The saved password was not sent: this connection goes elsewhere', { exact: false })
      .waitFor();
    expect(await prompt.textContent()).toContain(
      `now goes to localhost (127.0.0.1):${server.cluster.port} user postgres`,
    );
    await prompt.getByRole('checkbox', { name: 'Save password?' }).check();
    await prompt.getByLabel('Password', { exact: true }).fill(server.password);
    await page.keyboard.press('Enter');
    await prompt.waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: 'Disconnect' }).click();
    // Saved again, the password belongs to the new endpoint: the next Connect needs no prompt.
    await panel.getByRole('button', { name: 'Connect', exact: true }).click();
    await panel.getByRole('button', { name: 'Disconnect' }).click();
    await panel.getByRole('button', { name: 'Connect', exact: true }).waitFor();
    expect(await prompt.count()).toBe(0);
    expect(await settledLeftovers([server.cluster])).toEqual(nothingOpen([server.cluster]));
  }, 120_000);

  it('Connect after a renewed CA package replaced the root certificate file asks for the password and says why, in English and Chinese', async () => {
    const rootFile = join(folder, 'ApsaraDB-CA-Chain.pem');
    await writeFile(rootFile, server.root.certPem);
    const conninfo = `host=localhost hostaddr=127.0.0.1 port=${server.cluster.port} user=postgres dbname=postgres sslmode=verify-full sslrootcert=${rootFile}`;
    const added = await runCli(['servers', 'add', 'renewal', conninfo, '--save-password', '--password-stdin'], {
      env: cliEnv(),
      input: `${server.password}\n`,
      timeoutMs: 30_000,
    });
    expect(added.status).toBe(0);
    // The renewed package, downloaded into the same path, holds the next CA beside the current one.
    await writeFile(rootFile, server.root.certPem + server.foreign.certPem);
    await page.reload();
    await page.getByRole('tree').getByText('renewal').click();
    const panel = page.getByRole('region', { name: 'Server renewal' });
    await panel.getByRole('button', { name: 'Connect', exact: true }).click();
    const prompt = page.getByRole('dialog', { name: 'Connect to Server' });
    await prompt
      .getByText('The saved password was not sent: the root certificate file has changed', { exact: false })
      .waitFor();
    expect(await prompt.textContent()).toContain(
      `the root certificate file ${rootFile} held other certificates than it holds now (a renewed or another CA), so it was not sent; type the password, or save it again to trust the file as it is now.`,
    );
    await screenshot(page, 'saved-password-root-changed');
    await prompt.getByRole('button', { name: 'Cancel', exact: true }).click();
    await prompt.waitFor({ state: 'detached' });
    await page.getByRole('menuitem', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    const panelZh = page.getByRole('region', { name: zhCN['panel.server'].replace('{name}', 'renewal') });
    await panelZh.getByRole('button', { name: zhCN['panel.connect'], exact: true }).click();
    const promptZh = page.getByRole('dialog', { name: zhCN['password.title'] });
    await promptZh.getByText('未发送已保存的密码：根证书文件已更改', { exact: false }).waitFor();
    expect(await promptZh.textContent()).toContain('请输入密码，或重新保存密码以信任现在的文件。');
    await screenshot(page, 'saved-password-root-changed-zh');
    // Saved again, the password trusts the file as it is now: the next Connect needs no prompt.
    await promptZh.getByRole('checkbox', { name: zhCN['password.save'] }).check();
    await promptZh.getByLabel(zhCN['field.password'], { exact: true }).fill(server.password);
    await page.keyboard.press('Enter');
    await promptZh.waitFor({ state: 'detached' });
    await panelZh.getByRole('button', { name: zhCN['panel.disconnect'] }).click();
    await panelZh.getByRole('button', { name: zhCN['panel.connect'], exact: true }).click();
    await panelZh.getByRole('button', { name: zhCN['panel.disconnect'] }).click();
    await panelZh.getByRole('button', { name: zhCN['panel.connect'], exact: true }).waitFor();
    expect(await promptZh.count()).toBe(0);
    expect(await settledLeftovers([server.cluster])).toEqual(nothingOpen([server.cluster]));
  }, 120_000);
});

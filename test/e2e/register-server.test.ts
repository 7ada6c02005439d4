import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser } from './support/browser';
import { fillServerDialog, lockFromMenu, openRegisterServer, screenshot } from './support/pages';
import { type ServeProcess, startServe } from './support/serve';
import { startTlsServer, type TlsServer } from './support/tls-server';

const masterPassword = 'correct horse battery staple';
let server: TlsServer;
let serve: ServeProcess;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  [server, serve, browser] = await Promise.all([startTlsServer(), startServe(), launchChromium()]);
  page = await browser.context.newPage();
});

afterAll(async () => {
  // Each clean-up runs even when another fails or hangs, so no PostgreSQL cluster outlives the tests.
  await Promise.allSettled([browser?.close(), serve?.stop(), server?.destroy()]);
});

describe('Register > Server… in server mode, against PostgreSQL over TLS', () => {
  it('first run sets the master password', async () => {
    await page.goto(serve.url);
    await page.getByRole('heading', { name: 'Set the master password' }).waitFor();
    expect(await page.getByLabel('Remember on this device').isVisible()).toBe(true);
    await screenshot(page, 'first-run');
    await page.getByLabel('Master password', { exact: true }).fill(masterPassword);
    await page.getByLabel('Confirm master password').fill(masterPassword);
    await page.getByRole('button', { name: 'Set master password' }).click();
    await page.getByRole('navigation', { name: 'Servers' }).waitFor();
    expect(page.url()).not.toContain('token=');
  });

  it('Verify-Full with the right root certificate: Test connection shows TLS 1.3, Save keeps the server', async () => {
    await openRegisterServer(page);
    const dialog = page.getByRole('dialog', { name: 'Register - Server' });
    await expect.poll(() => dialog.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await fillServerDialog(page, {
      name: 'e2e-lab',
      host: '127.0.0.1',
      port: server.cluster.port,
      username: 'postgres',
      password: server.password,
      rootCertificate: server.root.own.certPath,
    });
    await dialog.getByText('Subject: CN=E2E Root CA').waitFor();
    await screenshot(page, 'register-server-parameters');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const outcome = dialog.getByTestId('test-outcome');
    await outcome.getByText('Test connection succeeded').waitFor();
    await expect.poll(() => outcome.getByText('TLSv1.3').count()).toBeGreaterThan(0);
    await screenshot(page, 'test-connection');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('tree').getByText('e2e-lab').waitFor();
    const registry = await readFile(join(serve.home, 'servers.json'), 'utf8').catch(() => '');
    expect(registry).toContain('e2e-lab');
    expect(registry).not.toContain(server.password);
  });

  it('Lock asks for the master password again', async () => {
    await lockFromMenu(page);
    await page.getByRole('heading', { name: 'Unlock RDS PG Connect' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Servers' }).count()).toBe(0);
    expect(await page.getByRole('tree').getByText('e2e-lab').count()).toBe(0);
    expect(await page.getByLabel('Master password', { exact: true }).inputValue()).toBe('');
    await screenshot(page, 'unlock');
  });

  it('after a restart and reload: unlock, Connect, and the SSL panel shows SSL in use', async () => {
    await serve.stop(true);
    serve = await startServe({}, serve.home);
    await page.goto(serve.url);
    await page.getByRole('heading', { name: 'Unlock RDS PG Connect' }).waitFor();
    await page.getByLabel('Master password', { exact: true }).fill(masterPassword);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('tree').getByText('e2e-lab').click();
    await page.getByRole('button', { name: 'Connect' }).click();
    const panel = page.getByRole('region', { name: 'SSL' });
    await panel.waitFor();
    await expect.poll(() => panel.getByText('SSL in use').count()).toBeGreaterThan(0);
    await expect.poll(() => panel.getByText('TLSv1.3').count()).toBe(1);
    await expect.poll(() => panel.getByText('CN=localhost').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('tree').getByText('connected').count()).toBe(1);
    await screenshot(page, 'connected-ssl-panel');
  });

  it('a root certificate from another CA: the untrusted-certificate error, and nothing is saved', async () => {
    await openRegisterServer(page);
    await fillServerDialog(page, {
      name: 'e2e-wrong-ca',
      host: '127.0.0.1',
      port: server.cluster.port,
      username: 'postgres',
      password: server.password,
      rootCertificate: server.foreign.own.certPath,
      uploadRoot: true,
    });
    const dialog = page.getByRole('dialog', { name: 'Register - Server' });
    await dialog.getByText('Subject: CN=Another Root CA').waitFor();
    const uploadedPath = await dialog.getByLabel('Root certificate', { exact: true }).inputValue();
    expect(uploadedPath.startsWith(join(serve.home, 'uploads'))).toBe(true);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const outcome = dialog.getByTestId('test-outcome');
    await outcome.getByText('[certificate_untrusted]').waitFor();
    await screenshot(page, 'test-connection-untrusted');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    const registry = await readFile(join(serve.home, 'servers.json'), 'utf8');
    expect(registry).not.toContain('e2e-wrong-ca');
    await expect.poll(() => page.getByRole('tree').getByText('e2e-wrong-ca').count()).toBe(0);
  });
});

describe('per-server actions', () => {
  it('Properties, Disconnect, Clear saved password and Delete', async () => {
    await page.getByRole('tree').getByText('e2e-lab').click();
    await page.getByRole('button', { name: 'Properties' }).click();
    const properties = page.getByRole('dialog', { name: 'Properties - e2e-lab' });
    await expect.poll(() => properties.getByLabel('Name', { exact: true }).inputValue()).toBe('e2e-lab');
    await properties.getByLabel('Comments').fill('checked by the browser test');
    await properties.getByRole('tab', { name: 'Connection' }).click();
    await properties.getByLabel('Role', { exact: true }).fill('pg_monitor');
    await expect.poll(() => properties.getByLabel('Service', { exact: true }).inputValue()).toBe('');
    await properties.getByRole('button', { name: 'Save' }).click();
    await properties.waitFor({ state: 'detached' });
    const registry = await readFile(join(serve.home, 'servers.json'), 'utf8');
    expect(registry).toContain('checked by the browser test');
    expect(registry).toContain('"role":"pg_monitor"');
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('button', { name: 'Connect' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'SSL' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Clear saved password' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Clear saved password' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Connect' }).click();
    const prompt = page.getByRole('dialog', { name: 'Connect to Server' });
    await prompt.getByLabel('Password', { exact: true }).fill(server.password);
    await prompt.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('region', { name: 'SSL' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByRole('tree').getByText('e2e-lab').count()).toBe(0);
    expect(await readFile(join(serve.home, 'servers.json'), 'utf8')).not.toContain('e2e-lab');
  });
});

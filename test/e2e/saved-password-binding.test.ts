import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nothingOpen, settledLeftovers } from '../support/leftovers';
import { runCli } from '../support/run-cli';
import { launchChromium, type TestBrowser } from './support/browser';
import { signInAndSetMasterPassword } from './support/pages';
import { type ServeProcess, startServe } from './support/serve';
import { startTlsServer, type TlsServer } from './support/tls-server';

// A server saved with `service=NAME`: when the service file later sends it to another endpoint, Connect does not send
// the saved password; the prompt asks for it and says why, and saving the typed one binds it to the new endpoint.
const masterPassword = 'correct horse battery staple';
let server: TlsServer;
let serve: ServeProcess;
let browser: TestBrowser;
let page: Page;
let folder: string;
let serviceFile: string;

const service = (host: string) =>
  writeFile(
    serviceFile,
    `[svc]\n${host}\nport=${server.cluster.port}\nuser=postgres\ndbname=postgres\nsslmode=verify-full\nsslrootcert=${server.root.own.certPath}\n`,
  );

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-e2e-binding-'));
  serviceFile = join(folder, 'pg_service.conf');
  [server, serve, browser] = await Promise.all([
    startTlsServer(),
    startServe({ PGSERVICEFILE: serviceFile }),
    launchChromium(),
  ]);
  page = await browser.context.newPage();
});

afterAll(async () => {
  await Promise.allSettled([browser?.close(), serve?.stop(), server?.destroy()]);
  await rm(folder, { recursive: true, force: true });
});

describe('a saved password bound to its endpoint, in the app', () => {
  it('Connect after the service file moved the server asks for the password and says why', async () => {
    await signInAndSetMasterPassword(page, serve.url, masterPassword);
    await service('host=127.0.0.1');
    const added = await runCli(['servers', 'add', 'by-service', 'service=svc', '--save-password', '--password-stdin'], {
      env: {
        PATH: process.env.PATH,
        HOME: serve.home,
        RDSPG_HOME: serve.home,
        RDSPG_KEYCHAIN: 'off',
        RDSPG_MASTER_PASSWORD: masterPassword,
        PGSERVICEFILE: serviceFile,
      },
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
});

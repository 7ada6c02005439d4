import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledChildCount, startSshd, type TestSshd } from '../support/sshd';
import {
  fillServerDialog,
  openRegisterServer,
  screenshot,
  settledDialog,
  signInAndSetMasterPassword,
} from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';
import { startTlsServer, type TlsServer } from './support/tls-server';

// The SSH Tunnel tab in server mode: a real sshd on loopback in front of PostgreSQL over TLS (Verify-Full).
let sshd: TestSshd;
let server: TlsServer;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  [sshd, server, session] = await Promise.all([startSshd(), startTlsServer(), startBrowserSession()]);
  page = session.page;
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([session?.stop(), server?.destroy(), sshd?.stop()]);
});

describe('Register > Server… with an SSH tunnel', () => {
  it('fills the SSH Tunnel tab, confirms the jump host key by its fingerprint, and Test connection succeeds', async () => {
    await signInAndSetMasterPassword(page, session.serve.url, 'correct horse battery staple');
    await openRegisterServer(page);
    const dialog = page.getByRole('dialog', { name: 'Register - Server' });
    await fillServerDialog(page, {
      name: 'behind-jump',
      host: '127.0.0.1',
      port: server.cluster.port,
      username: 'postgres',
      password: server.password,
      rootCertificate: server.root.own.certPath,
    });
    await dialog.getByRole('tab', { name: 'SSH Tunnel' }).click();
    const tab = dialog.getByRole('tabpanel', { name: 'SSH Tunnel' });
    await tab.getByLabel('Use SSH tunneling').click();
    await tab.getByLabel('Tunnel host').fill('127.0.0.1');
    await tab.getByLabel('Tunnel port').fill(String(sshd.port));
    await tab.getByLabel('Username', { exact: true }).fill(sshd.user);
    // "Password" names both the Authentication choice and the field: the field is the password input.
    await tab.getByLabel('Password', { exact: true }).and(page.locator('input[type=password]')).fill(sshd.password);
    await tab.getByLabel('Save password?').click();
    await tab.getByLabel('Tunnel keep alive (seconds)').fill('30');
    await screenshot(page, 'ssh-tunnel-tab');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const confirm = page.getByRole('dialog', { name: `Trust the SSH host [127.0.0.1]:${sshd.port}?` });
    await confirm.waitFor({ timeout: 30_000 });
    expect(await confirm.getByTestId('host-key-fingerprint').textContent()).toBe(sshd.hostFingerprint);
    await screenshot(page, 'ssh-host-key');
    await confirm.getByRole('button', { name: 'Trust this host' }).click();
    const outcome = dialog.getByTestId('test-outcome');
    await outcome.getByText('Test connection succeeded').waitFor({ timeout: 30_000 });
    await expect.poll(() => outcome.getByText('TLSv1.3').count()).toBeGreaterThan(0);
    expect(await readFile(join(session.serve.home, 'known_hosts'), 'utf8')).toContain(
      `[127.0.0.1]:${sshd.port} ssh-ed25519`,
    );
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const registry = await readFile(join(session.serve.home, 'servers.json'), 'utf8');
    expect(registry).toContain(`"tunnel":{"host":"127.0.0.1","port":${sshd.port}`);
    expect(registry).not.toContain(sshd.password);
    expect(await settledChildCount(sshd)).toBe(0);
  });

  it('Connect from the tree asks the same first-use question, then the SSL panel shows the tunnelled session', async () => {
    await rm(join(session.serve.home, 'known_hosts'));
    await page.getByRole('tree').getByText('behind-jump').click();
    await page.getByRole('button', { name: 'Connect' }).click();
    const confirm = await settledDialog(page, `Trust the SSH host [127.0.0.1]:${sshd.port}?`);
    expect(await confirm.getByTestId('host-key-fingerprint').textContent()).toBe(sshd.hostFingerprint);
    await confirm.getByRole('button', { name: 'Trust this host' }).click();
    const panel = page.getByRole('region', { name: 'SSL' });
    await panel.waitFor({ timeout: 30_000 });
    await expect.poll(() => panel.getByText('TLSv1.3').count()).toBe(1);
    expect(await sshd.childCount()).toBeGreaterThan(0);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestAuthority } from '../support/pki';
import { type SilentHost, startSilentHost } from '../support/silent-host';
import { fillServerDialog, openRegisterServer, signInAndSetMasterPassword } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';

// A host that accepts TCP and never answers: without Cancel, Test connection would spin until a time-out.
let silent: SilentHost;
let folder: string;
let root: TestAuthority;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  silent = await startSilentHost();
  folder = await mkdtemp(join(tmpdir(), 'rdspg-e2e-cancel-'));
  root = await TestAuthority.createRoot(join(folder, 'root'), 'Cancel Root CA');
  session = await startBrowserSession();
  page = session.page;
});

afterAll(async () => {
  await Promise.allSettled([session?.stop(), silent?.close(), rm(folder, { recursive: true, force: true })]);
});

describe('Register > Server…: Test connection against a host that never answers', () => {
  it('Cancel aborts the attempt (the socket closes) and the dialog is ready again', async () => {
    await signInAndSetMasterPassword(page, session.serve.url, 'correct horse battery staple');
    await openRegisterServer(page);
    const dialog = page.getByRole('dialog', { name: 'Register - Server' });
    await fillServerDialog(page, {
      name: 'silent',
      host: '127.0.0.1',
      port: silent.port,
      username: 'postgres',
      password: 'secret',
      rootCertificate: root.own.certPath,
    });
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const outcome = dialog.getByTestId('test-outcome');
    await outcome.getByText('Testing the connection…').waitFor();
    await expect.poll(() => silent.accepted.length, { timeout: 10_000 }).toBe(1);
    const socket = silent.accepted[0]!;
    await outcome.getByRole('button', { name: 'Cancel' }).click();
    await outcome.getByText('Test connection cancelled; nothing is left open.').waitFor({ timeout: 5_000 });
    await expect.poll(() => socket.destroyed || socket.closed, { timeout: 5_000 }).toBe(true);
    await expect
      .poll(() => dialog.getByRole('button', { name: 'Test connection' }).getAttribute('class'))
      .not.toContain('ant-btn-loading');
    expect(await outcome.getByText('Testing the connection…').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../renderer/i18n/zh-cn';
import { backedInstance, buttonName, confirmChange, newPublicHost, seededPublicHost } from './support/cloud-panel';
import { openRegisterServer, screenshot } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';

const masterPassword = 'correct horse battery staple';
// "This computer" as the sandbox's PostgreSQL sees it (its relay connects from this loopback address): outside the
// new instance's whitelist, which holds only 127.0.0.1.
const thisComputer = '127.0.0.2';
const thisComputerPattern = thisComputer.replaceAll('.', '\\.');
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession({
    env: {
      RDSPG_SANDBOX_MODIFY_START_DELAY_MS: '300',
      RDSPG_SANDBOX_MODIFY_DELAY_MS: '800',
      RDSPG_SANDBOX_CLIENT_ADDRESS: thisComputer,
    },
    masterPassword,
  });
  page = session.page;
});

afterAll(() => session?.stop());

async function checkResults(): Promise<string[]> {
  const rows = page.getByTestId('doctor-checks').last().locator('tbody tr');
  return rows.allTextContents();
}

/** The port of the server "Connect to this instance" saved: the sandbox cluster's, through its relay. */
async function savedPort(): Promise<number> {
  const saved = JSON.parse(await readFile(join(session.serve.home, 'servers.json'), 'utf8'));
  return Number(JSON.stringify(saved).match(/"port":\s*(\d+)/)?.[1]);
}

/** The client sessions open on the sandbox's cluster besides the one asking (over TLS: SSL is enforced by then). */
async function openSessions(port: number): Promise<number> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'app_owner',
    password: 'Str0ng-passw0rd',
    database: 'postgres',
    ssl: { rejectUnauthorized: false },
    connectionTimeoutMillis: 10_000,
  });
  await client.connect();
  try {
    const result = await client.query(
      "select count(*)::int as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
    );
    return result.rows[0].n;
  } finally {
    await client.end();
  }
}

/** The doctor's eight checks, in order, as the English UI names them. */
const checkNames = [
  'Instance running',
  'Endpoint exists and resolves',
  'This address is in the whitelist',
  'SSL protects this endpoint',
  'Certificate valid, no update needed',
  "Root certificate is the instance's CA",
  'Account exists',
  'Database exists',
];

/** The checks the last doctor table does not show as passed, by name (a missing row counts as not passed). */
async function failedChecks(): Promise<string[]> {
  const rows = await checkResults();
  return checkNames.filter((name, index) => !rows[index]?.startsWith(`${name}OK`));
}

/** A plain (sslmode=disable) connection to the sandbox's cluster as the new account: the error, or null when it connected. */
async function plainConnection(port: number): Promise<string | null> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'app_owner',
    password: 'Str0ng-passw0rd',
    database: 'postgres',
    ssl: false,
    connectionTimeoutMillis: 10_000,
  });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('from a fresh sandbox account to a Verify-Full connection, in the browser', () => {
  it('starts with no public endpoint: releasing the seeded one shows what it removes first', async () => {
    await page.getByRole('menuitem', { name: 'Cloud', exact: true }).click();
    await page.getByRole('button', { name: 'Try the local sandbox' }).click();
    await page.getByRole('button', { name: backedInstance, exact: true }).click();
    await page.getByTestId('instance-status').locator('.ant-tag').waitFor();
    await page.getByRole('tab', { name: 'Connectivity' }).click();
    await page.getByRole('tab', { name: 'Public endpoint' }).click();
    await page.getByRole('button', { name: 'Release public endpoint…' }).click();
    await confirmChange(page, 'Release the public endpoint', { shows: seededPublicHost });
    await page.getByText('This instance has no public endpoint.').waitFor({ timeout: 60_000 });
    await screenshot(page, 'connect-public-endpoint');
  });

  it('the doctor names each problem in order, with the address the server saw', async () => {
    await page.getByRole('tab', { name: 'Doctor' }).click();
    // No address typed: the whitelist check names the one PostgreSQL reported when it refused the doctor's probe.
    await page.getByRole('button', { name: 'Run the doctor' }).click();
    await expect.poll(checkResults).toHaveLength(8);
    const rows = await checkResults();
    expect(rows[0]).toMatch(/^Instance runningOK/);
    expect(rows[1]).toMatch(/^Endpoint exists and resolvesFailed.*no public endpoint/);
    expect(rows[2]).toMatch(
      new RegExp(
        `^This address is in the whitelistFailedthe server saw this computer as ${thisComputerPattern}: ${thisComputerPattern} is not in the whitelist \\(127\\.0\\.0\\.1\\)`,
      ),
    );
    expect(rows[3]).toMatch(/^SSL protects this endpointFailedSSL off/);
    expect(rows[4]).toMatch(/^Certificate valid, no update neededFailedno certificate \(SSL off\)/);
    expect(rows[5]).toMatch(/^Root certificate is the instance's CAFailedno CA to check \(SSL off\)/);
    expect(rows[6]).toMatch(/^Account existsFailedaccounts: none/);
    expect(rows[7]).toMatch(/^Database existsFailednot checked: no saved server named.*Connect to this instance/);
    await screenshot(page, 'connect-doctor');
    // The whitelist fix starts from the address the server saw (nothing changes until its plan is applied).
    await page.getByRole('button', { name: 'Add this address…' }).click();
    const fix = page.getByRole('dialog', { name: 'Add this address…' });
    expect(await fix.getByLabel("This computer's public address").inputValue()).toBe(thisComputer);
    // Closed while antd still zooms it in, the dialog can miss the click (the close button moves under it; one CI
    // run under load left it open for every later test): close it once it stands still.
    await expect.poll(() => fix.getAttribute('class')).not.toMatch(/ant-zoom-appear/);
    await fix.getByRole('button', { name: 'Close' }).click();
    await fix.waitFor({ state: 'detached' });
  });

  it('Connect to this instance fixes each in turn, showing each change first, and ends connected with Verify-Full', async () => {
    await page.getByRole('button', { name: 'Connect to this instance' }).click();
    const flow = page.getByRole('dialog', { name: `Connect to ${backedInstance}` });
    await flow.getByTestId('connect-step-endpoint').waitFor();
    await flow.getByRole('button', { name: 'Allocate public endpoint…' }).click();
    await confirmChange(page, 'Allocate a public endpoint', { shows: `${newPublicHost} on port 5432` });

    await flow.getByTestId('connect-step-ssl').waitFor({ timeout: 60_000 });
    await expect.poll(() => flow.getByTestId('ssl-protect').textContent()).toContain(newPublicHost);
    await screenshot(page, 'connect-flow-ssl');
    await flow.getByTestId('ssl-protect').getByRole('button', { name: 'Apply' }).click();

    await flow.getByTestId('connect-step-whitelist').waitFor({ timeout: 60_000 });
    // Nothing typed: the flow offers the address the server reported when it refused the doctor's probe.
    await flow
      .getByRole('button', { name: `Use ${thisComputer} (the address the last failed connection came from)` })
      .click();
    expect(await flow.getByLabel("This computer's public address").inputValue()).toBe(thisComputer);
    await flow.getByRole('button', { name: 'Add to whitelist…' }).click();
    const plan = page.getByTestId('whitelist-plan');
    await expect.poll(() => plan.textContent()).toMatch(new RegExp(`Before\\(empty\\)After${thisComputerPattern}`));
    await screenshot(page, 'connect-whitelist-plan');
    await confirmChange(page, 'Change the whitelist group "rdspg"', { shows: thisComputer });

    await flow.getByTestId('connect-step-account').waitFor({ timeout: 30_000 });
    await flow.getByLabel('Account name').fill('app_owner');
    await flow.getByLabel('Password').fill('Str0ng-passw0rd');
    await flow.getByRole('button', { name: 'Create account…' }).click();
    await confirmChange(page, 'Create a database account', { shows: 'Creates the Standard account app_owner' });

    await flow.getByTestId('connect-step-register').waitFor({ timeout: 30_000 });
    await flow.getByRole('button', { name: 'Download the CA into the certificate store' }).click();
    await flow.getByText(/^Stored: .*\.pem$/).waitFor();
    await flow.getByRole('button', { name: 'Test connection (Verify-Full)' }).click();
    await expect
      .poll(() => flow.getByTestId('connect-test-outcome').textContent(), { timeout: 30_000 })
      .toMatch(/over TLSv1\.3 with Verify-Full/);
    // Checked with the registered server (its root certificate, account, password and database), every check passes.
    await expect.poll(failedChecks, { timeout: 30_000 }).toEqual([]);
    const tested = await checkResults();
    expect(tested[5]).toMatch(/^Root certificate is the instance's CAOK.*\.pem holds the instance's CA/);
    expect(tested[7]).toMatch(/^Database existsOKdatabase postgres exists \(connected\)/);
    await screenshot(page, 'connect-flow-tested');
    await flow.getByRole('button', { name: 'Save and connect' }).click();
    await flow.waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('the query tool sees SSL on its own connection', async () => {
    await page.getByRole('button', { name: 'Query Tool' }).click();
    await page.getByLabel('SQL editor').fill('select ssl from pg_stat_ssl where pid = pg_backend_pid()');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const tool = page.getByRole('dialog', { name: /Query Tool/ });
    await expect.poll(() => tool.textContent(), { timeout: 20_000 }).toMatch(/sslboolean\s*(t|true)/);
    await screenshot(page, 'connect-query-tool');
    await tool.getByRole('button', { name: 'Close' }).click();
    await tool.waitFor({ state: 'detached' });
  });

  it('SSL on but not enforced is warned about; enforcing it shows the pg_hba change, then sslmode=disable is refused', async () => {
    const port = await savedPort();
    expect(port).toBeGreaterThan(0);
    expect(await plainConnection(port)).toBeNull();
    await page.getByRole('menuitem', { name: 'Cloud', exact: true }).click();
    await page.getByRole('button', { name: backedInstance, exact: true }).click();
    await page.getByRole('tab', { name: 'Data Security' }).click();
    await page.getByTestId('not-enforced-warning').waitFor();
    await screenshot(page, 'connect-not-enforced-warning');
    expect(await page.getByTestId('plain-accepted').textContent()).toBe('Yes');
    await page.getByRole('button', { name: 'Enforce SSL…' }).click();
    const plan = page.getByTestId('enforcement-plan');
    await expect
      .poll(() => plan.textContent())
      .toContain('#1: host all all 0.0.0.0/0 md5  →  hostssl all all 0.0.0.0/0 md5');
    expect(await plan.textContent()).toContain('no restart');
    await screenshot(page, 'connect-enforcement-plan');
    await confirmChange(page, 'Change the pg_hba entries', { shows: 'reload' });
    await expect.poll(() => page.getByTestId('plain-accepted').textContent(), { timeout: 60_000 }).toBe('No');
    expect(await page.getByTestId('not-enforced-warning').count()).toBe(0);
    await expect
      .poll(() => plainConnection(port), { timeout: 30_000 })
      .toMatch(/no pg_hba\.conf entry.*(SSL off|no encryption)/);
  });

  it('Register > Server…: a failed Test connection to the instance offers Diagnose, which shows the checks', async () => {
    await page.keyboard.press('Escape');
    await openRegisterServer(page);
    const dialog = page.getByRole('dialog', { name: 'Register - Server' });
    await dialog.getByLabel('Name', { exact: true }).fill('typed by hand');
    await dialog.getByRole('tab', { name: 'Connection' }).click();
    await dialog.getByLabel('Host name/address').fill(newPublicHost);
    await dialog.getByLabel('Username', { exact: true }).fill('postgres');
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const diagnose = dialog.getByTestId('diagnose');
    await diagnose.getByRole('button', { name: 'Diagnose' }).click({ timeout: 30_000 });
    await expect.poll(checkResults).toHaveLength(8);
    const rows = await checkResults();
    expect(rows[6]).toMatch(/^Account existsFailedaccount postgres does not exist/);
    // The dialog's settings are tried as the server's: the host name typed does not resolve here.
    expect(rows[7]).toMatch(/^Database existsFailednot checked: the connection failed first/);
    expect(await diagnose.textContent()).toContain(`The doctor for ${backedInstance}`);
    await diagnose.getByTestId('doctor-checks').scrollIntoViewIfNeeded();
    await screenshot(page, 'connect-diagnose');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('the panels in Chinese', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: '云', exact: true }).click();
    await page.getByRole('button', { name: backedInstance, exact: true }).click();
    await page.getByRole('tab', { name: zhCN['connect.tab'] }).click();
    await page.getByRole('tab', { name: zhCN['connect.doctor'] }).click();
    await page.getByLabel(zhCN['connect.address']).fill(thisComputer);
    const port = await savedPort();
    const sessionsBefore = await openSessions(port);
    // The server saved by "Connect to this instance" (named after the instance) is chosen by default.
    const doctorForm = page.locator('form').filter({ has: page.getByLabel(zhCN['connect.server']) });
    await doctorForm.getByText('(PostgreSQL 16, ESSD)').waitFor();
    await page.getByRole('button', { name: buttonName(zhCN['connect.runDoctor']) }).click();
    // The saved server of this instance is chosen by default: its root certificate, account and database pass too.
    await page.getByText(zhCN['connect.allPassed']).waitFor({ timeout: 30_000 });
    expect(await checkResults()).toHaveLength(8);
    // The doctor's probe and its attempt with the saved server leave nothing open on the server.
    await expect.poll(() => openSessions(port), { timeout: 15_000 }).toBe(sessionsBefore);
    await screenshot(page, 'connect-doctor-zh-cn');
    await page.getByRole('tab', { name: zhCN['connect.accounts'] }).click();
    await page.getByTestId('database-accounts').getByText('app_owner').waitFor();
    await screenshot(page, 'connect-accounts-zh-cn');
    await page.getByRole('tab', { name: zhCN['rds.dataSecurity'] }).click();
    await page.getByRole('tab', { name: zhCN['connect.whitelist'] }).click();
    await page.getByTestId('whitelist-groups').getByText(thisComputer).waitFor();
    await screenshot(page, 'connect-whitelist-zh-cn');
    await page.getByRole('button', { name: zhCN['connect.start'] }).click();
    const flow = page.getByRole('dialog', { name: `连接到${backedInstance}` });
    // The doctor's probe gets through pg_hba now, so a new flow passes the whitelist without the address typed and
    // asks for the account (its password is not known to a new flow).
    await flow.getByTestId('connect-step-account').waitFor({ timeout: 30_000 });
    const flowRows = flow.getByTestId('doctor-checks').locator('tbody tr');
    await expect
      .poll(() => flowRows.nth(2).textContent())
      .toMatch(new RegExp(`^${zhCN['connect.check.whitelist']}${zhCN['connect.ok']}`));
    await screenshot(page, 'connect-flow-zh-cn');
  });
});

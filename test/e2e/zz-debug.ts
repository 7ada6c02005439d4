import { launchChromium } from './support/browser';
import { openRegisterServer } from './support/pages';
import { startServe } from './support/serve';

const serve = await startServe();
const browser = await launchChromium();
const page = await browser.context.newPage();
await page.goto(serve.url);
await page.getByLabel('Master password', { exact: true }).fill('correct horse battery');
await page.getByLabel('Confirm master password').fill('correct horse battery');
await page.getByRole('button', { name: 'Set master password' }).click();
await openRegisterServer(page);
const dialog = page.getByRole('dialog', { name: 'Register - Server' });
await dialog.getByRole('tab', { name: 'Parameters' }).click();
await dialog.getByLabel('SSL mode').click();
await page.waitForTimeout(800);
const html = await page
  .locator('.ant-select-dropdown')
  .first()
  .innerHTML()
  .catch((e) => String(e));
console.log(html.slice(0, 3000));
await page.screenshot({ path: '/tmp/d1.png' });
await browser.close();
await serve.stop();

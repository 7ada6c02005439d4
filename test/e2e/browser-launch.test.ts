// The browser every browser test and the UI bench start: Chromium standing in for Electron's renderer, with
// Playwright's own settings kept and Chrome's omnibox UI (which Electron does not have) left out.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromeOnlyFeatures, launchChromium, type TestBrowser } from './support/browser';

/** The command line of the browser process started with this user-data folder (read from /proc). */
function browserCommandLine(profile: string): string[] {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // the process ended meanwhile
    }
    if (args.includes(`--user-data-dir=${profile}`) && !args.some((arg) => arg.startsWith('--type='))) return args;
  }
  throw new Error(`no browser process runs with ${profile}`);
}

/** The feature names a `--disable-features` switch lists. */
const listed = (switchText: string) => switchText.slice('--disable-features='.length).split(',');

describe('the test browser', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('keeps every feature Playwright turns off in the one --disable-features switch Chromium reads (the last)', () => {
    const switches = browserCommandLine(browser.profile).filter((arg) => arg.startsWith('--disable-features='));
    expect(switches.length).toBeGreaterThan(1); // Playwright's own, then ours
    const effective = new Set(listed(switches.at(-1)!));
    for (const earlier of switches.slice(0, -1)) for (const name of listed(earlier)) expect(effective).toContain(name);
    for (const name of chromeOnlyFeatures) expect(effective).toContain(name);
  });

  it('runs no page of Chrome’s own browser UI (the omnibox popup) beside the app’s', async () => {
    const page = await browser.context.newPage();
    await page.goto('about:blank');
    const session = await browser.context.newCDPSession(page);
    // Chrome opens its omnibox popup page shortly after start: watch the targets for two seconds.
    for (let look = 0; look < 8; look++) {
      const { targetInfos } = await session.send('Target.getTargets');
      expect(targetInfos.some((target) => target.url === 'about:blank')).toBe(true);
      expect(targetInfos.filter((target) => target.url.startsWith('chrome://')).map((target) => target.url)).toEqual(
        [],
      );
      await page.waitForTimeout(250);
    }
    await page.close();
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const chromiumPath = process.env.RDSPG_CHROMIUM ?? '/usr/bin/chromium';

/** A headless Chromium with a fresh profile, and how to close it and delete the profile. */
export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts Debian's Chromium headless with a fresh user-data folder. */
export async function launchChromium(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'rdspg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const chromiumPath = process.env.RDSPG_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The features playwright-core 1.65 turns off in every Chromium it starts (its `chromiumSwitches`). Chromium keeps only
 * the last `--disable-features` switch on a command line, so ours has to carry these too: the browser test checks it.
 */
export const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chrome's own browser UI that Electron does not have: a fresh headless Chromium 156 loads the omnibox popup as a
 * WebUI page (≈ 280 chrome:// files in a renderer of its own) while the first page loads, and on 2 cores that took
 * half of the first load's time (1,365 → 812 ms median cold load here). The app's window has no omnibox.
 */
export const chromeOnlyFeatures = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];

/** A headless Chromium with a fresh profile, and how to close it and delete the profile. */
export interface TestBrowser {
  context: BrowserContext;
  /** The browser's user-data folder (deleted by close). */
  profile: string;
  close(): Promise<void>;
}

/** How a test's Chromium starts: the OS settings it reports to the page, and whether Chrome's own UI is there. */
export interface ChromiumOptions {
  colorScheme?: 'light' | 'dark';
  /** The OS's reduced-motion setting as the page sees it; 'no-preference' (motion on) unless given. */
  reducedMotion?: 'reduce' | 'no-preference';
  /** Chromium as it comes, with Chrome's omnibox UI (the bench's reference). */
  chromeUi?: boolean;
}

/** Starts Debian's Chromium headless with a fresh user-data folder, without Chrome's own omnibox UI unless asked. */
export async function launchChromium(options: ChromiumOptions = {}): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'rdspg-chromium-'));
  const disabled = options.chromeUi
    ? []
    : [`--disable-features=${[...playwrightDisabledFeatures, ...chromeOnlyFeatures].join(',')}`];
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
      ...disabled,
    ],
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  return {
    context,
    profile,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

import type { Page } from 'playwright-core';
import { launchChromium, type TestBrowser } from './browser';
import { signInAndSetMasterPassword } from './pages';
import { type ServeProcess, startServe } from './serve';

/** What the browser test files differ in when they start server mode and Chromium. */
export interface BrowserSessionOptions {
  /** Extra environment for `rdspg serve`. */
  env?: Record<string, string>;
  /** A prepared RDSPG_HOME to serve instead of a fresh one. */
  home?: string;
  /** How Chromium starts (its color scheme). */
  launch?: Parameters<typeof launchChromium>[0];
  /** When given, the page signs in and sets this master password before the session is handed out. */
  masterPassword?: string;
}

/** Server mode, Chromium and one open page, and how to stop both. */
export interface BrowserSession {
  serve: ServeProcess;
  browser: TestBrowser;
  page: Page;
  /** Closes Chromium and stops server mode (deleting its data folder). */
  stop(): Promise<void>;
}

/** Starts `rdspg serve` and Chromium in parallel, opens a page and optionally signs in; stops what started on failure. */
export async function startBrowserSession(options: BrowserSessionOptions = {}): Promise<BrowserSession> {
  const [served, launched] = await Promise.allSettled([
    startServe(options.env, options.home),
    launchChromium(options.launch),
  ]);
  const stop = async () => {
    await Promise.allSettled([
      launched.status === 'fulfilled' ? launched.value.close() : undefined,
      served.status === 'fulfilled' ? served.value.stop() : undefined,
    ]);
  };
  try {
    if (served.status === 'rejected') throw served.reason;
    if (launched.status === 'rejected') throw launched.reason;
    const page = await launched.value.context.newPage();
    if (options.masterPassword !== undefined) {
      await signInAndSetMasterPassword(page, served.value.url, options.masterPassword);
    }
    return { serve: served.value, browser: launched.value, page, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

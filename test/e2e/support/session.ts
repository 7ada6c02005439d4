import type { Page } from 'playwright-core';
import { type ChromiumOptions, launchChromium, type TestBrowser } from './browser';
import { signInAndSetMasterPassword } from './pages';
import { type ServeProcess, startServe } from './serve';

/** What the browser test files differ in when they start server mode and Chromium. */
export interface BrowserSessionOptions {
  /** Extra environment for `rdspg serve`. */
  env?: Record<string, string>;
  /** A prepared RDSPG_HOME to serve instead of a fresh one. */
  home?: string;
  /**
   * How Chromium starts. Reduced motion unless asked otherwise: a click aimed at a dialog or menu while antd's opening
   * zoom still moves it can land beside its target on a busy machine (it did, in CI); the files that keep motion on
   * wait for it to end (pages.ts, `settled`), and keyboard-and-theme checks both settings.
   */
  launch?: ChromiumOptions;
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
    launchChromium({ reducedMotion: 'reduce', ...options.launch }),
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

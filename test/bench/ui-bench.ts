// Issue 6 benchmark (runnable alone: npx tsx test/bench/ui-bench.ts): server-mode cold load to an interactive
// Servers tree in Chromium, the initial JavaScript gzipped, and filtering a 2,000-server tree per keystroke.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { ServerRegistry } from '../../electron/registry';
import { sessionHeader, signInPath } from '../../shared/contract/server-mode';
import { blankServerFields } from '../../shared/server-schema';
import { launchChromium } from '../e2e/support/browser';
import { startServe } from '../e2e/support/serve';
import { type WatchedPage, watchTree } from './tree-ready';

const serverCount = 2000;
/** How many cold loads (each in a freshly launched browser) the cold-load figure is the median of. */
const coldLoadCount = 5;
/** How many cold loads the reference with Chrome's own browser UI left on is the median of. */
const chromeUiLoadCount = 3;
/** How long the reference load waits after the browser opened its tab. */
const settleMs = 2000;
const groupsOf = ['Production', 'Staging', 'Development', 'Analytics'];
if (!existsSync('dist/renderer/index.html')) execFileSync('node', ['build/bundle.mjs'], { stdio: 'inherit' });

/**
 * The JavaScript and CSS the page loaded before its tree was interactive (the entry, its imports and the UI it
 * imports at once), raw and gzipped: what a cold load has to fetch and parse, whatever the split.
 */
function initialBytes(files: string[]): { raw: number; gzipped: number; files: string[] } {
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const bytes = readFileSync(join('dist/renderer', file));
    raw += bytes.length;
    gzipped += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzipped, files };
}

const hosts = Array.from({ length: serverCount }, (_, index) => `pgm-${index}.pg.rds.aliyuncs.com`);
const serve = await startServe();
const registry = new ServerRegistry({ folder: serve.home });
const names = Array.from(
  { length: serverCount },
  (_, index) => `rds-${groupsOf[index % 4]!.toLowerCase()}-${String(index).padStart(4, '0')}`,
);
await registry.createMany(
  names.map((name, index) => ({
    ...blankServerFields(),
    name,
    host: hosts[index]!,
    username: 'app',
    group: groupsOf[index % 4]!,
  })),
);
// Sign in and set the master password over HTTP first, so that the page load goes straight to the tree: the
// printed URL's one-time token (in its #fragment) is traded for a session secret, sent as a header on every call.
const token = new URL(serve.url).hash.replace(/^#token=/, '');
const signIn = await fetch(new URL(signInPath, serve.origin), {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: serve.origin },
  body: JSON.stringify({ token }),
});
const { value } = (await signIn.json()) as { value: { session: string } };
const headers = { 'content-type': 'application/json', origin: serve.origin, [sessionHeader]: value.session };
await fetch(new URL('/api/vault:setup', serve.origin), {
  method: 'POST',
  headers,
  body: JSON.stringify({ password: 'bench master password', remember: false }),
});

const listStarted = performance.now();
await fetch(new URL('/api/servers:list', serve.origin), { method: 'POST', headers, body: '{}' });
const listMs = performance.now() - listStarted;
const browser = await launchChromium();
/** A new page of `context` holding the session (as after a sign-in: a load goes to the tree), watched for the tree. */
async function sessionPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  await page.addInitScript(`sessionStorage.setItem('rdspg.session', ${JSON.stringify(value.session)})`);
  return await watchTree(page, names[0]!);
}
const watched = await sessionPage(browser.context);
const page = watched.page;
const loaded: string[] = [];
page.on('request', (request) => {
  const path = new URL(request.url()).pathname;
  if (path.startsWith('/assets/')) loaded.push(path.slice(1));
});
/** Opens (or reloads) the page and waits for the interactive tree; the wall time in ms and the page's own. */
async function loadTree(target: WatchedPage, reload = false): Promise<{ wallMs: number; inPageMs: number }> {
  const ready = target.nextReady();
  const started = performance.now();
  if (reload) await target.page.reload();
  else await target.page.goto(serve.origin);
  const inPageMs = await ready;
  const wallMs = performance.now() - started;
  // What the page reported, confirmed by Playwright's locators, outside the timing.
  await target.page.getByRole('tree').getByText(names[0]!, { exact: true }).waitFor({ timeout: 5000 });
  await target.page.getByLabel('Filter servers').waitFor({ state: 'visible', timeout: 5000 });
  return { wallMs, inPageMs };
}

const { wallMs: coldLoadMs, inPageMs } = await loadTree(watched);
const navigation = (await page.evaluate(
  `(() => { const entry = performance.getEntriesByType('navigation')[0]; return entry ? { domContentLoaded: entry.domContentLoadedEventEnd, load: entry.loadEventEnd } : null; })()`,
)) as { domContentLoaded: number; load: number } | null;

const firstScreenFiles = [...new Set(loaded)];
// For reference in the same run: the same load again with a warm cache (the JS parsed from Chromium's code cache).
const warmLoadMs = (await loadTree(watched, true)).wallMs;

// Typing into the filter: each keystroke timed in the page, from the input event to the painted, filtered tree.
const typed = 'rds-staging-01';
const expected = [...typed].map((_, index) => {
  const prefix = typed.slice(0, index + 1);
  return names.filter((name, at) =>
    [name, hosts[at]!, 'app', groupsOf[at % 4]!].some((text) => text.toLowerCase().includes(prefix)),
  ).length;
});
await page.getByLabel('Filter servers').focus();
// The in-page code is a string: tsx would otherwise wrap its functions in a helper the page does not have.
const inPage = `(async ({ text, counts }) => {
  const input = document.querySelector('input[aria-label="Filter servers"]');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const times = [];
  for (let index = 0; index < text.length; index++) {
    const start = performance.now();
    setter.call(input, text.slice(0, index + 1));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const total = Number(document.querySelector('[data-testid="shown-count"]').dataset.count);
      if (total === counts[index] || performance.now() - start > 5000) break;
    }
    times.push(performance.now() - start);
  }
  return times;
})(${JSON.stringify({ text: typed, counts: expected })})`;
const keystrokes = (await page.evaluate(inPage)) as number[];
const shown = await page.getByRole('tree').getByText('rds-staging-0101', { exact: true }).count();

await browser.close();
// One cold load is one sample of a figure that, on a shared 2-core VM, moves by hundreds of ms between minutes (the
// same build: 470 to 1,120 ms in one series); the figure is the median of this one and four more, each in a freshly
// launched browser with a fresh profile, every sample printed.
/** One cold load in a freshly launched browser (with Chrome's own omnibox UI when `chromeUi`). */
async function freshColdLoad(chromeUi = false): Promise<number> {
  const fresh = await launchChromium({ chromeUi });
  const time = (await loadTree(await sessionPage(fresh.context))).wallMs;
  await fresh.close();
  return time;
}
const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const coldSamples = [coldLoadMs];
// The reference, alternated with ours: Chromium as it comes, which loads its omnibox popup (a WebUI page Electron
// does not have) while the first page loads.
const chromeUiSamples: number[] = [];
for (let sample = 1; sample < coldLoadCount; sample++) {
  coldSamples.push(await freshColdLoad());
  if (sample <= chromeUiLoadCount) chromeUiSamples.push(await freshColdLoad(true));
}
const coldMedianMs = middle(coldSamples);
// For reference: a cold load again (a fresh browser and profile), but once the browser's own start-up work is done:
// what is left of a just-opened Chromium's work beside the page (its omnibox pop-up is off, see launchChromium).
const settledBrowser = await launchChromium();
const settledPage = await sessionPage(settledBrowser.context);
await new Promise((resolve) => setTimeout(resolve, settleMs));
const settledLoadMs = (await loadTree(settledPage)).wallMs;
await settledBrowser.close();

const sorted = [...keystrokes].sort((a, b) => a - b);
const median = middle(keystrokes);
const worst = sorted[sorted.length - 1]!;
const js = initialBytes(firstScreenFiles.filter((file) => file.endsWith('.js')));
const css = initialBytes(firstScreenFiles.filter((file) => file.endsWith('.css')));
const line = (text: string) => process.stdout.write(`${text}\n`);
line(`servers in the tree: ${serverCount} (${groupsOf.length} groups)`);
line(
  `cold load to an interactive Servers tree: ${coldMedianMs.toFixed(0)} ms (target < 800 ms; ratio ${(coldMedianMs / 800).toFixed(2)}; median of ${coldLoadCount} fresh browsers: ${coldSamples.map((time) => time.toFixed(0)).join(' ')} ms)`,
);
line(
  `  the first of them: ${coldLoadMs.toFixed(0)} ms, of which inside the page (navigation start to interactive tree): ${inPageMs.toFixed(0)} ms; browser start-up before it: ${(coldLoadMs - inPageMs).toFixed(0)} ms`,
);
line(
  `  warm reload of the same page: ${warmLoadMs.toFixed(0)} ms (cold/warm ratio ${(coldMedianMs / warmLoadMs).toFixed(2)})`,
);
line(
  `  cold load once the browser's start-up work is done (fresh profile, ${settleMs} ms after the tab opened): ${settledLoadMs.toFixed(0)} ms (ratio to 800 ms ${(settledLoadMs / 800).toFixed(2)})`,
);
line(
  `  same run, Chromium as it comes (its omnibox popup, a WebUI page Electron has not, loads beside the app): ${middle(chromeUiSamples).toFixed(0)} ms (median of ${chromeUiSamples.length}: ${chromeUiSamples.map((time) => time.toFixed(0)).join(' ')} ms)`,
);
line(`  servers:list over HTTP (2,000 servers): ${listMs.toFixed(0)} ms`);
if (navigation)
  line(
    `  of which DOMContentLoaded ${navigation.domContentLoaded.toFixed(0)} ms, load ${navigation.load.toFixed(0)} ms`,
  );
line(
  `initial JavaScript (loaded before the tree was interactive): ${(js.gzipped / 1024).toFixed(0)} KB gzipped, ${(js.raw / 1024).toFixed(0)} KB raw, ${js.files.length} files (target 500 KB gzipped; ratio ${(js.gzipped / 1024 / 500).toFixed(2)})`,
);
line(
  `initial CSS (loaded before the tree was interactive): ${(css.gzipped / 1024).toFixed(0)} KB gzipped, ${(css.raw / 1024).toFixed(0)} KB raw, ${css.files.length} files`,
);
line(
  `filter per keystroke over ${keystrokes.length} keystrokes: median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms (target 100 ms; worst ratio ${(worst / 100).toFixed(2)})`,
);
line(`keystrokes (ms): ${keystrokes.map((time) => time.toFixed(0)).join(' ')}`);
line(`filtered result shown: ${shown === 1 ? 'yes' : 'NO'}`);
await serve.stop();
if (shown !== 1) process.exitCode = 1;

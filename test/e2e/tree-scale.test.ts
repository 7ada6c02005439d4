import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerRegistry } from '../../electron/registry/server-registry';
import { blankServerFields } from '../../shared/server-schema';
import { signInAndSetMasterPassword } from './support/pages';
import { type BrowserSession, startBrowserSession } from './support/session';

// Issue 15: the Servers tree draws only the rows in view; with 600 servers it still scrolls, moves and selects.
const count = 600;
const groups = ['Production', 'Staging'];
const nameOf = (index: number) => `scale-${groups[index % 2]!.toLowerCase()}-${String(index).padStart(3, '0')}`;
let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession();
  await new ServerRegistry({ folder: session.serve.home }).createMany(
    Array.from({ length: count }, (_, index) => ({
      ...blankServerFields(),
      name: nameOf(index),
      host: `pgm-${index}.example.com`,
      username: 'app',
      group: groups[index % 2]!,
    })),
  );
  page = session.page;
  await signInAndSetMasterPassword(page, session.serve.url, 'tree scale master password');
});

afterAll(() => session?.stop());

const tree = () => page.getByRole('tree');
const last = nameOf(count - 1);

describe('a Servers tree of 600 servers (issue 15)', () => {
  it('keeps only a window of rows in the page, and shows the groups with their counts', async () => {
    await tree().getByText('Production (300)').waitFor();
    await tree().getByText(nameOf(0), { exact: true }).waitFor();
    expect(await page.getByTestId('shown-count').getAttribute('data-count')).toBe(String(count));
    expect(await tree().getByRole('treeitem').count()).toBeLessThan(80);
    expect(await tree().getByText(last, { exact: true }).count()).toBe(0);
  });

  it('dragging the scroll thumb to the bottom shows the last server', async () => {
    const thumb = page.locator('.ant-tree-list-scrollbar-thumb');
    const box = (await thumb.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 2000, { steps: 5 });
    await page.mouse.up();
    await tree().getByText(last, { exact: true }).waitFor();
  });

  it('the arrow keys move through the rows, Enter selects, Shift+F10 opens the menu of that server', async () => {
    await tree().focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const selected = tree().getByRole('treeitem', { selected: true });
    await expect.poll(() => selected.textContent()).toBe(nameOf(count - 3));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menu').getByRole('menuitem', { name: 'Connect' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await page.evaluate("document.activeElement?.getAttribute('role')")).toBe('tree');
  });

  it('filtering narrows the rows to the matches; clearing the filter brings every server back', async () => {
    await page.getByLabel('Filter servers').fill('staging-59');
    await tree().getByText('Staging (5)').waitFor();
    expect(await tree().getByText('Production', { exact: false }).count()).toBe(0);
    expect(await tree().getByRole('treeitem').count()).toBe(6);
    await page.getByLabel('Filter servers').fill('');
    await tree().getByText('Production (300)').waitFor();
  });
});

describe('the first screen of a 600-server tree (issue 15, cold load)', () => {
  it('draws the tree once: with no connection open, nothing renders it again after it appeared', async () => {
    // React keeps each element's current props on the element itself: a render that reaches the tree's <nav> gives it
    // a new props object. The script notes the object the <nav> first gets, before any later render can replace it.
    await page.addInitScript(`new MutationObserver((_, observer) => {
      const nav = document.querySelector('[role="tree"]')?.closest('nav');
      const key = nav && Object.keys(nav).find((name) => name.startsWith('__reactProps$'));
      if (!key) return;
      window.firstTreeProps = { nav, key, props: nav[key] };
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true })`);
    await page.reload();
    await tree().getByText(nameOf(0), { exact: true }).waitFor();
    // The answers the first screen asks for after it appeared (settings, databases of open connections) are in by now.
    await page.waitForTimeout(2000);
    const renderedAgain = await page.evaluate(
      '(() => { const first = window.firstTreeProps; return first.nav.isConnected ? first.nav[first.key] !== first.props : "replaced"; })()',
    );
    expect(renderedAgain).toBe(false);
  });

  it("index.html links the first screen's chunk and stylesheet, which the entry imports at once: fetched while the page parses, once", async () => {
    const html = await (await fetch(session.serve.origin)).text();
    const entry = /<script type="module" crossorigin src="\.\/(assets\/[^"]+)"/.exec(html)![1]!;
    const entryCode = await (await fetch(`${session.serve.origin}/${entry}`)).text();
    // Vite's list of what the entry's import('./root') loads first (chunks and their stylesheet).
    const imported = JSON.parse(/m\.f=(\[[^\]]*\])/.exec(entryCode)![1]!) as string[];
    const linked = [...html.matchAll(/<link rel="(?:modulepreload|preload)"[^>]* href="\.\/assets\/([^"]+)"/g)];
    // The whole first screen is one chunk (build/first-screen-chunk.ts) beside rolldown's runtime, with its stylesheet:
    // one round of requests over the browser's six connections, not several.
    expect(imported.filter((file) => file.endsWith('.js'))).toHaveLength(2);
    expect(imported.filter((file) => file.endsWith('.css'))).toHaveLength(1);
    expect(linked.map((match) => `./${match[1]}`).sort()).toEqual([...imported].sort());
    // Each is fetched once: the links' crossorigin matches the requests the entry makes, so those reuse the early fetch.
    await page.reload();
    await tree().getByText(nameOf(0), { exact: true }).waitFor();
    const fetched = (await page.evaluate(
      "performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname)",
    )) as string[];
    for (const file of imported) expect(fetched.filter((path) => path === `/assets/${file.slice(2)}`)).toHaveLength(1);
  });

  it('a menu bar menu loaded on first use opens and closes on its button and on Escape', async () => {
    await page.reload();
    const register = page.getByRole('menuitem', { name: 'Register' });
    await register.click();
    const item = page.getByRole('menuitem', { name: 'Server Group…' });
    await item.waitFor();
    await register.click();
    await item.waitFor({ state: 'hidden' });
    await register.click();
    await item.waitFor();
    await page.keyboard.press('Escape');
    await item.waitFor({ state: 'hidden' });
  });

  it("loads the rest of antd's styles a second after the tree shows, not while it appears", async () => {
    await page.addInitScript(`new MutationObserver((_, observer) => {
      if (!document.querySelector('[role="tree"] [role="treeitem"]')) return;
      window.treeShownAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true })`);
    await page.reload();
    await tree().getByText(nameOf(0), { exact: true }).waitFor();
    const laterSheetAfterTree = `(() => {
      const sheet = performance.getEntriesByType('resource').find((entry) => /later-styles-sheet-[^/]*[.]css$/.test(entry.name));
      return sheet ? sheet.startTime - window.treeShownAt : null;
    })()`;
    await expect.poll(() => page.evaluate(laterSheetAfterTree), { timeout: 10_000 }).not.toBeNull();
    // About a second (timers and resource times are rounded differently: 999 ms has been seen); before, ≈ 50 ms.
    expect(await page.evaluate(laterSheetAfterTree)).toBeGreaterThanOrEqual(900);
  });

  it('a confirm opened from the keyboard right after load waits for those styles: it enters the page styled', async () => {
    // Notes how the confirm's wrapper is laid out the moment it enters the page (antd's later stylesheet fixes it).
    await page.addInitScript(`new MutationObserver((_, observer) => {
      const wrap = document.querySelector('.ant-modal-wrap');
      if (!wrap) return;
      window.confirmPosition = getComputedStyle(wrap).position;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true })`);
    // The later stylesheet as slow to come as over a slow link: on the old code the confirm entered the page bare.
    const laterSheet = /later-styles-sheet-[^/]*[.]css$/;
    await page.route(laterSheet, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.reload();
    await tree().getByText(nameOf(0), { exact: true }).waitFor();
    await page.getByRole('menuitem', { name: 'Lock' }).focus();
    await page.keyboard.press('Enter');
    const ask = page.getByRole('dialog', { name: 'Lock RDS PG Connect?' });
    await ask.waitFor();
    expect(await page.evaluate('window.confirmPosition')).toBe('fixed');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.unroute(laterSheet);
  });
});

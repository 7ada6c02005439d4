// When the Servers tree is interactive, told by the page itself. Playwright's locators evaluate its injected script
// (≈ 1 MB) in the page and poll it: on 2 cores that ran on the page's main thread during the load it measures and
// added ≈ 110 ms to every cold load (759 → 646 ms median, 7 alternated pairs). A MutationObserver installed before the
// app's scripts tells the bench through a binding instead; Playwright then confirms what it saw, outside the timing.
import type { Page } from 'playwright-core';

/** A page that reports the moment its tree shows `firstName` and the filter box. */
export interface WatchedPage {
  page: Page;
  /**
   * Resolves, with the page's own clock (ms since its navigation started), when the page next reports the tree ready;
   * call it before the navigation it waits for.
   */
  nextReady(): Promise<number>;
}

/** The observer, as a page script: the same conditions as the locators (exact text, a box, not visibility:hidden). */
function observerScript(firstName: string): string {
  return `(() => {
  const first = ${JSON.stringify(firstName)};
  const shown = (element) => !!element && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const ready = () => {
    const tree = document.querySelector('[role="tree"]');
    if (!tree || !shown(document.querySelector('input[aria-label="Filter servers"]'))) return false;
    for (const node of tree.querySelectorAll('*'))
      if (node.childElementCount === 0 && node.textContent === first && shown(node)) return true;
    return false;
  };
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!ready()) return;
      observer.disconnect();
      window.rdspgBenchTreeReady(performance.now());
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})()`;
}

/** Installs the observer and its binding on a new page (before its first navigation). */
export async function watchTree(page: Page, firstName: string): Promise<WatchedPage> {
  let resolveReady: (inPageMs: number) => void = () => undefined;
  await page.exposeFunction('rdspgBenchTreeReady', (inPageMs: number) => resolveReady(inPageMs));
  await page.addInitScript(observerScript(firstName));
  return {
    page,
    nextReady: () =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the page never showed the tree (30 s)')), 30_000);
        resolveReady = (inPageMs) => {
          clearTimeout(timer);
          resolve(inPageMs);
        };
      }),
  };
}

import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

let loading: Promise<unknown> | null = null;
const starters = new Set<() => void>();

/** Runs `starter` when the later stylesheet starts loading (at once if it has): what else the later views need. */
export function withLaterStyles(starter: () => void): void {
  if (loading) starter();
  else starters.add(starter);
}

/**
 * Loads, once, the stylesheet of the antd components the first screen does not show (tables, forms, modals, …):
 * the page parses only the first screen's CSS before the Servers tree appears.
 */
export function loadLaterStyles(): Promise<unknown> {
  if (!loading) {
    loading = import('./later-styles-sheet');
    for (const starter of starters) starter();
    starters.clear();
  }
  return loading;
}

/** How long after the Servers tree shows the later stylesheet waits (then for an idle moment) unless input comes first. */
const laterStylesDelayMs = 1000;

/**
 * Loads the later stylesheet once the first screen has settled: a second after it shows, in an idle moment, or at the
 * first click or key press (either may open a view that needs it). Parsing it takes the page 50–150 ms, which would otherwise hold
 * up the first interaction with the tree. Returns the cleanup for an effect.
 */
export function loadLaterStylesSoon(): () => void {
  const load = () => void loadLaterStyles();
  let idle = 0;
  const timer = setTimeout(() => {
    idle = requestIdleCallback(load, { timeout: 1000 });
  }, laterStylesDelayMs);
  for (const input of ['pointerdown', 'keydown']) window.addEventListener(input, load, { once: true, capture: true });
  return () => {
    clearTimeout(timer);
    cancelIdleCallback(idle);
    for (const input of ['pointerdown', 'keydown']) window.removeEventListener(input, load, { capture: true });
  };
}

/** A lazily loaded component that renders only once its module and the later stylesheet are both in. */
// biome-ignore lint/suspicious/noExplicitAny: the same constraint as React's own lazy()
export function lazyView<Component extends ComponentType<any>>(
  load: () => Promise<Component>,
): LazyExoticComponent<Component> {
  return lazy(async () => {
    const [component] = await Promise.all([load(), loadLaterStyles()]);
    return { default: component };
  });
}

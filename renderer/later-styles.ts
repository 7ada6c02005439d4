import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

let loading: Promise<unknown> | null = null;

/**
 * Loads, once, the stylesheet of the antd components the first screen does not show (tables, forms, modals, …):
 * the page parses only the first screen's CSS before the Servers tree appears.
 */
export function loadLaterStyles(): Promise<unknown> {
  loading ??= import('./later-styles-sheet');
  return loading;
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

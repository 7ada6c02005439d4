import type { App } from 'antd';
import { createElement, lazy, Suspense, useSyncExternalStore } from 'react';
import { loadLaterStyles, withLaterStyles } from './later-styles';

/** antd's App API (message, modal, notification), as App.useApp gives it. */
export type AntAppApi = ReturnType<typeof App.useApp>;

/** An API whose every call first waits for the later stylesheet and antd's App, then answers as antd's own would. */
type AfterStyles<Api> = {
  [Name in keyof Api]: Api[Name] extends (...args: infer Args) => infer Result
    ? (...args: Args) => Promise<Awaited<Result>>
    : never;
};

// antd's App (with the code of every message, modal and notification) is not part of the first screen: it loads, and
// mounts under the ConfigProvider (for the theme and the language), with the later stylesheet (a second after the tree
// shows, or at the first click or key) or when a confirm or message is asked for, whichever comes first.
let wanted = false;
const listeners = new Set<() => void>();
let publish: (api: AntAppApi) => void = () => undefined;
const mounted = new Promise<AntAppApi>((resolve) => {
  publish = resolve;
});
const AppHolder = lazy(() => import('./app-holder').then((module) => ({ default: module.AppHolder })));

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function mountApp(): void {
  if (wanted) return;
  wanted = true;
  for (const listener of listeners) listener();
}
withLaterStyles(mountApp);

/** antd's App once it is mounted and the later stylesheet (which holds its rules) is in. */
async function styledApi(): Promise<AntAppApi> {
  mountApp();
  const [api] = await Promise.all([mounted, loadLaterStyles()]);
  return api;
}

/** Renders antd's App (without a wrapper element) once the later stylesheet loads or a confirm or message is asked for. */
export function StyledAppHolder() {
  const shown = useSyncExternalStore(subscribe, () => wanted);
  return shown ? createElement(Suspense, { fallback: null }, createElement(AppHolder, { onApi: publish })) : null;
}

function afterStyles<Part extends 'message' | 'modal', Name extends keyof AntAppApi[Part]>(
  part: Part,
  names: readonly Name[],
): AfterStyles<Pick<AntAppApi[Part], Name>> {
  const calls = names.map((name) => [
    name,
    async (...args: unknown[]) => {
      const api = await styledApi();
      return (api[part][name] as (...args: unknown[]) => unknown)(...args);
    },
  ]);
  return Object.fromEntries(calls);
}

const styledApp = {
  message: afterStyles('message', ['info', 'success', 'error', 'warning', 'loading', 'open', 'destroy']),
  modal: afterStyles('modal', ['confirm', 'info', 'success', 'error', 'warning']),
};

/** The message and modal of this screen, as useStyledApp gives them. */
export type StyledApp = typeof styledApp;

/**
 * antd's `message` and `modal` (App.useApp), each call waiting first for the later stylesheet, which holds their
 * rules, and for antd's App: a confirm or message opened in the first second (a key pressed right after load) shows
 * styled, not bare. Every confirm, modal and message of the renderer goes through it.
 */
export function useStyledApp(): StyledApp {
  return styledApp;
}

import { useSyncExternalStore } from 'react';
import { format, isLocale, type Locale, matchLocale } from '../../shared/locales';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-cn';

export { type Locale, localeNames, locales, matchLocale } from '../../shared/locales';
export type { MessageKey };

/** Where the chosen language is kept between runs. */
export const localeStorageKey = 'rdspg.locale';

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** The browser objects this module touches, absent when it runs under Node (tests, server-side checks). */
const host = globalThis as {
  localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  navigator?: { language?: string };
  document?: { documentElement: { lang: string } };
};
const listeners = new Set<() => void>();

function storedLocale(): Locale | null {
  try {
    const stored = host.localStorage?.getItem(localeStorageKey);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

let current: Locale = storedLocale() ?? matchLocale(host.navigator?.language);

function announce(): void {
  if (host.document) host.document.documentElement.lang = current;
}
announce();

/** The UI language in use. */
export function getLocale(): Locale {
  return current;
}

/** Switches the UI language, keeps the choice for the next run, and re-renders whatever uses it. */
export function setLocale(locale: Locale): void {
  current = locale;
  try {
    host.localStorage?.setItem(localeStorageKey, locale);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this run.
  }
  announce();
  for (const listener of listeners) listener();
}

/** A message of the UI language in use, with its `{name}` placeholders filled. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(catalogs[current][key] ?? en[key], params);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The UI language in use; the component re-renders when it changes. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, getLocale);
}

/** `t`, re-rendering the component when the language changes. */
export function useT(): typeof t {
  useLocale();
  return t;
}

/** Whether a text is a message key (for keys built from codes and keywords). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

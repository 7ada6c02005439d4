import { type Locale, type MessageKey, t, useLocale } from '../i18n';
import { format } from '../i18n/locales';
import { cloudEn, cloudZhCN } from './messages';

/** A key of the cloud panel's own catalog, or of the app's catalog (the console's labels live there as rds.*). */
export type CloudKey = keyof typeof cloudEn | MessageKey;

const catalogs: Record<Locale, Record<keyof typeof cloudEn, string>> = { en: cloudEn, 'zh-CN': cloudZhCN };

/** A cloud panel message in the UI language, with `{name}` placeholders filled. */
export function cloudText(locale: Locale, key: CloudKey, params?: Record<string, string | number>): string {
  if (Object.hasOwn(cloudEn, key)) {
    const own = key as keyof typeof cloudEn;
    return format(catalogs[locale][own] ?? cloudEn[own], params);
  }
  return t(key as MessageKey, params);
}

/** `t` for the cloud panel: its own catalog first, then the app's; re-renders when the language changes. */
export function useCloudT(): (key: CloudKey, params?: Record<string, string | number>) => string {
  const locale = useLocale();
  return (key, params) => cloudText(locale, key, params);
}

/** The UI languages: English and Simplified Chinese, the RDS console's two main languages. */
export const locales = ['en', 'zh-CN'] as const;

/** One UI language. */
export type Locale = (typeof locales)[number];

/** Each language's name in itself, as the language menu shows it. */
export const localeNames: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The UI language for a BCP 47 tag (navigator.language): any Chinese tag is zh-CN, everything else English. */
export function matchLocale(tag: string | null | undefined): Locale {
  if (!tag) return 'en';
  const lower = tag.toLowerCase();
  return lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_') ? 'zh-CN' : 'en';
}

/** Whether a stored text is one of the UI languages. */
export function isLocale(text: unknown): text is Locale {
  return typeof text === 'string' && (locales as readonly string[]).includes(text);
}

/** Fills `{name}` placeholders of a message; a placeholder without a value stays as it is. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

import { MenuButton } from '../menu-button';
import { type Locale, localeNames, locales, setLocale, useLocale, useT } from '.';

/** The language menu: English or 简体中文, kept for the next run. */
export function LanguageMenu({ inMenuBar = false }: { inMenuBar?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <MenuButton
      role={inMenuBar ? 'menuitem' : undefined}
      aria-label={t('language.menu')}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: locales.map((item) => ({ key: item, label: <span lang={item}>{localeNames[item]}</span> })),
        onClick: ({ key }) => setLocale(key as Locale),
      }}
    >
      {t('language.label', { name: localeNames[locale] })}
    </MenuButton>
  );
}

import { Button, Dropdown } from 'antd';
import { type Locale, localeNames, locales, setLocale, useLocale, useT } from '.';

/** The language menu: English or 简体中文, kept for the next run. */
export function LanguageMenu({ inMenuBar = false }: { inMenuBar?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Dropdown
      trigger={['click']}
      autoFocus
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: locales.map((item) => ({ key: item, label: <span lang={item}>{localeNames[item]}</span> })),
        onClick: ({ key }) => setLocale(key as Locale),
      }}
    >
      <Button role={inMenuBar ? 'menuitem' : undefined} aria-label={t('language.menu')}>
        {t('language.label', { name: localeNames[locale] })}
      </Button>
    </Dropdown>
  );
}

import type { Locale as AntLocale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { Locale } from '.';

/**
 * antd's own texts (pagination, empty tables, pickers) in the UI language. Always a locale object: antd wraps the
 * tree in its locale provider only when one is given, so switching from none to one would remount the whole UI.
 */
export function antLocale(locale: Locale): AntLocale {
  return locale === 'zh-CN' ? zhCN : enUS;
}

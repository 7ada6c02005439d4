import type { Locale as AntLocale } from 'antd/es/locale';
import zhCN from 'antd/locale/zh_CN';
import type { Locale } from '.';

/** antd's own texts (pagination, empty tables, pickers) in the UI language; antd's default is English. */
export function antLocale(locale: Locale): AntLocale | undefined {
  return locale === 'zh-CN' ? zhCN : undefined;
}

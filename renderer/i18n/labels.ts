import { libpqKeywordMap, type SslMode, sslModeDescriptions } from '../../shared/libpq-keywords';
import { defaultGroup } from '../../shared/server-groups';
import { isMessageKey, t } from '.';

/** A libpq keyword's label in the UI language (pgAdmin's English names; the catalogue's label otherwise). */
export function keywordLabel(keyword: string): string {
  const key = `keyword.${keyword}`;
  return isMessageKey(key) ? t(key) : (libpqKeywordMap.get(keyword)?.label ?? keyword);
}

/** The one line that says what an SSL mode protects against, in the UI language. */
export function sslModeDescription(mode: string): string {
  const key = `sslmode.${mode}.description`;
  return isMessageKey(key) ? t(key) : (sslModeDescriptions[mode as SslMode] ?? '');
}

/** The headline of an error code in the UI language, or null when the catalog has none. */
export function errorHeadline(code: string): string | null {
  const key = `error.${code}`;
  return isMessageKey(key) ? t(key) : null;
}

/** A server group's name as shown: pgAdmin's default group "Servers" in the UI language, other groups as named. */
export function groupLabel(group: string): string {
  return group === defaultGroup ? t('tree.servers') : group;
}

/** The stored group name for what the group field shows: the default group's name in the UI language is "Servers". */
export function groupName(label: string): string {
  return label === t('tree.servers') ? defaultGroup : label;
}

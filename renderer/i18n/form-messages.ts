import { libpqKeywords } from '../../shared/libpq-keywords';
import { getLocale, t } from '.';
import { en, type MessageKey } from './en';
import { keywordLabel } from './labels';

/** The form fields whose English names the shared schema puts in its messages, with their message keys. */
const fieldKeys: Record<string, MessageKey> = {
  Name: 'field.name',
  'Server group': 'field.group',
  'Host name/address': 'field.host',
  'Maintenance database': 'field.maintenanceDatabase',
  Username: 'field.username',
};

/** A field or keyword named in English by the schema, in the UI language. */
function labelOf(english: string): string {
  const field = fieldKeys[english];
  if (field) return t(field);
  const keyword = libpqKeywords.find((entry) => entry.label === english)?.keyword;
  return keyword ? keywordLabel(keyword) : english;
}

/** The schema's message patterns: each catalog message with its placeholders turned into capture groups. */
const patterns = (Object.keys(en) as MessageKey[])
  .filter((key) => key.startsWith('form.'))
  .map((key) => {
    const names = [...en[key].matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
    const source = en[key]
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('(.+?)');
    return { key, names, pattern: new RegExp(`^${source}$`) };
  });

/**
 * A validation message of the shared schema (English, identical to the main process's) in the UI language; a
 * message without a catalog entry stays as it is.
 */
export function translateFormMessage(message: string): string {
  if (getLocale() === 'en') return message;
  for (const { key, names, pattern } of patterns) {
    const match = pattern.exec(message);
    if (!match) continue;
    const params = Object.fromEntries(
      names.map((name, index) => {
        const value = match[index + 1] ?? '';
        return [name, name === 'label' ? labelOf(value) : value];
      }),
    );
    return t(key, params);
  }
  return message;
}

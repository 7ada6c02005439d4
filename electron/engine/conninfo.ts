import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import { fail, ok, type Result } from '../../shared/result';
import { parseConnectionUri } from './conninfo-uri';
import { checkKeyword } from './keyword-check';

/** A parse failure of a conninfo string or URI, worded as libpq words it. */
export type ConninfoResult = Result<ConnectionKeywords, 'invalid_conninfo'>;

/** True when the text is a `postgresql://` or `postgres://` URI (lower case only, as libpq) rather than `key=value` pairs. */
export function isConnectionUri(text: string): boolean {
  return /^postgres(ql)?:\/\//.test(text);
}

/** True when psql would expand this positional argument as a conninfo (it holds `=` or is a URI). */
export function looksLikeConninfo(text: string): boolean {
  return isConnectionUri(text) || text.includes('=');
}

/** Parses a libpq conninfo: `key=value` pairs with libpq's quoting and escaping, or a connection URI. */
export function parseConninfo(text: string): ConninfoResult {
  if (isConnectionUri(text)) return parseConnectionUri(text);
  const keywords: ConnectionKeywords = {};
  let index = 0;
  const length = text.length;
  const isSpace = (character: string | undefined) => character !== undefined && /\s/.test(character);
  while (index < length) {
    while (isSpace(text[index])) index++;
    if (index >= length) break;
    let name = '';
    while (index < length && text[index] !== '=' && !isSpace(text[index])) name += text[index++];
    while (isSpace(text[index])) index++;
    if (text[index] !== '=') {
      return fail('invalid_conninfo', `missing "=" after "${name}" in connection info string`);
    }
    index++;
    while (isSpace(text[index])) index++;
    let value = '';
    if (text[index] === "'") {
      index++;
      let closed = false;
      while (index < length) {
        const character = text[index]!;
        if (character === '\\' && index + 1 < length) {
          value += text[index + 1];
          index += 2;
        } else if (character === "'") {
          index++;
          closed = true;
          break;
        } else {
          value += character;
          index++;
        }
      }
      if (!closed) return fail('invalid_conninfo', 'unterminated quoted string in connection info string');
    } else {
      while (index < length && !isSpace(text[index])) {
        if (text[index] === '\\' && index + 1 < length) index++;
        value += text[index++];
      }
    }
    const known = checkKeyword(name);
    if (!known.ok) return known;
    keywords[name] = value;
  }
  return ok(keywords);
}

/** Quotes a value for a conninfo string the way libpq reads it back. */
export function quoteConninfoValue(value: string): string {
  if (value !== '' && !/[\s'\\]/.test(value)) return value;
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Writes keywords back out as a conninfo string. */
export function formatConninfo(keywords: ConnectionKeywords): string {
  return Object.entries(keywords)
    .map(([name, value]) => `${name}=${quoteConninfoValue(value)}`)
    .join(' ');
}

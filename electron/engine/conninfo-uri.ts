import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import { fail, ok, type Result } from '../../shared/result';
import { checkKeyword } from './keyword-check';

type UriResult = Result<ConnectionKeywords, 'invalid_conninfo'>;

/** Decodes %XX escapes as libpq does: a malformed escape or %00 is an error. */
export function percentDecode(text: string): Result<string, 'invalid_conninfo'> {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (character !== '%') {
      bytes.push(...Buffer.from(character, 'utf8'));
      continue;
    }
    const hex = text.slice(index + 1, index + 3);
    if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
      return fail('invalid_conninfo', `invalid percent-encoded token: "${text}"`);
    }
    const byte = Number.parseInt(hex, 16);
    if (byte === 0) return fail('invalid_conninfo', `forbidden value %00 in percent-encoded value: "${text}"`);
    bytes.push(byte);
    index += 2;
  }
  return ok(Buffer.from(bytes).toString('utf8'));
}

/** Parses `postgresql://[user[:password]@][host[:port][,...]][/dbname][?key=value&...]` as libpq does. */
export function parseConnectionUri(uri: string): UriResult {
  const keywords: ConnectionKeywords = {};
  let rest = uri.replace(/^postgres(ql)?:\/\//, '');
  const queryStart = rest.indexOf('?');
  const query = queryStart >= 0 ? rest.slice(queryStart + 1) : '';
  if (queryStart >= 0) rest = rest.slice(0, queryStart);
  const pathStart = rest.indexOf('/');
  const authority = pathStart >= 0 ? rest.slice(0, pathStart) : rest;
  const path = pathStart >= 0 ? rest.slice(pathStart + 1) : null;

  const at = authority.lastIndexOf('@');
  const hostPart = at >= 0 ? authority.slice(at + 1) : authority;
  if (at >= 0) {
    const userInfo = authority.slice(0, at);
    const colon = userInfo.indexOf(':');
    const user = percentDecode(colon >= 0 ? userInfo.slice(0, colon) : userInfo);
    if (!user.ok) return user;
    if (user.value) keywords.user = user.value;
    if (colon >= 0) {
      const password = percentDecode(userInfo.slice(colon + 1));
      if (!password.ok) return password;
      keywords.password = password.value;
    }
  }

  const hosts = parseHostList(hostPart, uri);
  if (!hosts.ok) return hosts;
  if (hosts.value.hosts.some((host) => host !== '')) keywords.host = hosts.value.hosts.join(',');
  if (hosts.value.ports.some((port) => port !== '')) keywords.port = hosts.value.ports.join(',');

  if (path) {
    const database = percentDecode(path);
    if (!database.ok) return database;
    keywords.dbname = database.value;
  }
  return applyQuery(keywords, query, uri);
}

function parseHostList(text: string, uri: string): Result<{ hosts: string[]; ports: string[] }, 'invalid_conninfo'> {
  const hosts: string[] = [];
  const ports: string[] = [];
  if (text === '') return ok({ hosts, ports });
  for (const item of text.split(',')) {
    let host: string;
    let port = '';
    if (item.startsWith('[')) {
      const close = item.indexOf(']');
      if (close < 0)
        return fail(
          'invalid_conninfo',
          `end of string reached when looking for matching "]" in IPv6 host address in URI: "${uri}"`,
        );
      host = item.slice(1, close);
      if (host === '') return fail('invalid_conninfo', `IPv6 host address may not be empty in URI: "${uri}"`);
      const after = item.slice(close + 1);
      if (after !== '' && !after.startsWith(':')) {
        return fail(
          'invalid_conninfo',
          `unexpected character "${after[0]}" at position ${uri.indexOf(after) + 1} in URI (expected ":" or "/"): "${uri}"`,
        );
      }
      port = after.slice(1);
    } else {
      const colon = item.indexOf(':');
      host = colon >= 0 ? item.slice(0, colon) : item;
      port = colon >= 0 ? item.slice(colon + 1) : '';
    }
    const decoded = percentDecode(host);
    if (!decoded.ok) return decoded;
    hosts.push(decoded.value);
    ports.push(port);
  }
  return ok({ hosts, ports });
}

function applyQuery(keywords: ConnectionKeywords, query: string, uri: string): UriResult {
  if (query === '') return ok(keywords);
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    if (equals < 0)
      return fail('invalid_conninfo', `missing key/value separator "=" in URI query parameter: "${pair}"`);
    if (pair.indexOf('=', equals + 1) >= 0) {
      return fail('invalid_conninfo', `extra key/value separator "=" in URI query parameter: "${pair}"`);
    }
    const name = percentDecode(pair.slice(0, equals));
    const value = percentDecode(pair.slice(equals + 1));
    if (!name.ok) return name;
    if (!value.ok) return value;
    if (name.value === 'ssl' && value.value === 'true') {
      keywords.sslmode = 'require';
      continue;
    }
    const known = checkKeyword(name.value);
    if (!known.ok) return fail('invalid_conninfo', `invalid URI query parameter: "${name.value}" in "${uri}"`);
    keywords[name.value] = value.value;
  }
  return ok(keywords);
}

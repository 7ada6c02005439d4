import { readFile, stat } from './file-reads';
import { defaultHost } from './settings';

/** What a password file lookup is for: the fields libpq matches, in its order. */
export interface PassfileQuery {
  host: string;
  port: number;
  database: string;
  user: string;
}

/** A password found in the password file, or a warning libpq would print when it ignores the file. */
export interface PassfileLookup {
  password: string | null;
  warning: string | null;
}

function splitFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let index = 0; index < line.length; index++) {
    const character = line[index]!;
    if (character === '\\' && index + 1 < line.length) {
      current += line[++index];
    } else if (character === ':') {
      fields.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  fields.push(current);
  return fields;
}

function fieldMatches(pattern: string, value: string): boolean {
  return pattern === '*' || pattern === value;
}

/**
 * Looks a password up in ~/.pgpass (or PGPASSFILE) with libpq's rules: `host:port:database:user:password` lines,
 * `*` wildcards, backslash escapes, first match wins, a Unix socket at the default folder matches `localhost`,
 * and a file readable by group or others is ignored (on Unix) with a warning.
 */
export async function lookupPassword(
  path: string,
  query: PassfileQuery,
  platform = process.platform,
): Promise<PassfileLookup> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return { password: null, warning: null };
  }
  if (!info.isFile()) return { password: null, warning: `password file "${path}" is not a plain file` };
  if (platform !== 'win32' && (info.mode & 0o077) !== 0) {
    return {
      password: null,
      warning: `password file "${path}" has group or world access; permissions should be u=rw (0600) or less`,
    };
  }
  let host = query.host;
  if (host === '' || host === defaultHost(platform)) host = 'localhost';
  const text = await readFile(path, 'utf8');
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const fields = splitFields(line);
    if (fields.length < 5) continue;
    const [fileHost, filePort, fileDatabase, fileUser, password] = fields as [string, string, string, string, string];
    if (
      fieldMatches(fileHost, host) &&
      fieldMatches(filePort, String(query.port)) &&
      fieldMatches(fileDatabase, query.database) &&
      fieldMatches(fileUser, query.user)
    ) {
      return { password: password === '' ? null : password, warning: null };
    }
  }
  return { password: null, warning: null };
}

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ConnectionKeywords, libpqKeywordMap } from '../../shared/libpq-keywords';
import { fail, ok, type Result } from '../../shared/result';

/** What the service look-up needs from the machine: the environment, the home folder and the platform. */
export interface ServiceContext {
  env: Record<string, string | undefined>;
  homeFolder: string;
  platform: NodeJS.Platform;
}

type ServiceResult = Result<ConnectionKeywords, 'invalid_conninfo'>;

/** libpq's compiled-in sysconfdir, where the system-wide pg_service.conf lives (Debian's build on Linux). */
export function defaultSysconfdir(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'C:\\Program Files\\PostgreSQL\\etc' : '/etc/postgresql-common';
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads one service file as libpq 15/16's parseServiceFile does: lines trimmed at both ends, `#` comments, the
 * section `[name]`, then `keyword=value` lines (the value literally, no quoting) that fill only unset keywords.
 */
function parseServiceFile(
  file: string,
  service: string,
  keywords: ConnectionKeywords,
): Result<boolean, 'invalid_conninfo'> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return fail('invalid_conninfo', `service file "${file}" not found`);
  }
  let found = false;
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      if (found) break;
      found = line.startsWith(`[${service}]`);
      continue;
    }
    if (!found) continue;
    const equals = line.indexOf('=');
    const syntax = () => fail('invalid_conninfo', `syntax error in service file "${file}", line ${index + 1}`);
    if (equals < 0) return syntax();
    const name = line.slice(0, equals);
    if (name === 'service')
      return fail(
        'invalid_conninfo',
        `nested service specifications not supported in service file "${file}", line ${index + 1}`,
      );
    if (!libpqKeywordMap.has(name)) return syntax();
    if (keywords[name] === undefined) keywords[name] = line.slice(equals + 1);
  }
  return ok(found);
}

/**
 * Fills keywords from the pg_service.conf section named by `service` (or PGSERVICE), as libpq 15/16's
 * parseServiceInfo does: PGSERVICEFILE or ~/.pg_service.conf first, then PGSYSCONFDIR/pg_service.conf (or the
 * compiled-in sysconfdir). Given keywords win; an unknown service is an error. libpq 15/16 have no `servicefile`
 * keyword (it came in 18), so neither does this.
 */
export function applyService(given: ConnectionKeywords, context: ServiceContext): ServiceResult {
  const service = given.service ?? context.env.PGSERVICE;
  if (service === undefined) return ok({ ...given });
  const keywords: ConnectionKeywords = { ...given };
  const userFile = context.env.PGSERVICEFILE ?? join(context.homeFolder, '.pg_service.conf');
  if (context.env.PGSERVICEFILE !== undefined || exists(userFile)) {
    const found = parseServiceFile(userFile, service, keywords);
    if (!found.ok) return found;
    if (found.value) return ok(keywords);
  }
  const systemFile = join(context.env.PGSYSCONFDIR ?? defaultSysconfdir(context.platform), 'pg_service.conf');
  if (exists(systemFile)) {
    const found = parseServiceFile(systemFile, service, keywords);
    if (!found.ok) return found;
    if (found.value) return ok(keywords);
  }
  return fail('invalid_conninfo', `definition of service "${service}" not found`);
}

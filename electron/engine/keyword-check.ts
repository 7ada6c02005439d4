import { libpqKeywordMap } from '../../shared/libpq-keywords';
import { fail, ok, type Result } from '../../shared/result';

/** Accepts a keyword libpq knows; anything else fails the way libpq fails. */
export function checkKeyword(name: string): Result<string, 'invalid_conninfo'> {
  if (libpqKeywordMap.has(name)) return ok(name);
  return fail(
    'invalid_conninfo',
    `invalid connection option "${name}". Check the spelling against libpq's list of parameter keywords.`,
  );
}

import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import { fail, ok, type Result } from '../../shared/result';
import {
  blankServerFields,
  connectionKeywords,
  keywordsOfFields,
  type ServerFields,
  type secretKeywords,
} from '../../shared/server-schema';

/** A server's libpq keywords without any secret (empty fields unset); see keywordsOfFields. */
export function serverKeywords(server: ServerFields): ConnectionKeywords {
  return keywordsOfFields(server);
}

/** Parsed conninfo keywords split into server fields and the secrets that belong in the vault. */
export interface ConninfoSplit {
  fields: Partial<ServerFields>;
  secrets: Partial<Record<(typeof secretKeywords)[number], string>>;
}

/**
 * Splits parsed conninfo keywords into the Connection tab, the Parameters rows and the secrets. An empty value is
 * unset, as libpq reads it. A port list (`5432,5433`) stays a list, as libpq keeps it; one port becomes a number.
 */
export function splitKeywords(keywords: ConnectionKeywords, base: Partial<ServerFields> = {}): ConninfoSplit {
  const fields: Partial<ServerFields> = { ...base };
  const secrets: ConninfoSplit['secrets'] = {};
  const rows = new Map((base.parameters ?? []).map((row) => [row.keyword, row.value]));
  for (const [keyword, value] of Object.entries(keywords)) {
    if (value === '') continue;
    if (keyword === 'host') fields.host = value;
    else if (keyword === 'port') fields.port = /^\d+$/.test(value.trim()) ? Number(value) : value;
    else if (keyword === 'service') fields.service = value;
    else if (keyword === 'dbname') fields.maintenanceDatabase = value;
    else if (keyword === 'user') fields.username = value;
    else if (keyword === 'password' || keyword === 'sslpassword') secrets[keyword] = value;
    else rows.set(keyword, value);
  }
  fields.parameters = [...rows].map(([keyword, value]) => ({ keyword, value }));
  return { fields, secrets };
}

/**
 * The fields of a new server from a conninfo. Without dbname, libpq opens the database named after the user, so the
 * saved server does too (with a Service, the service file or libpq's default decides, as for the conninfo).
 */
export function newServerKeywords(keywords: ConnectionKeywords): ConninfoSplit {
  const split = splitKeywords(keywords);
  if (split.fields.maintenanceDatabase === undefined) {
    if (split.fields.service) split.fields.maintenanceDatabase = '';
    else if (split.fields.username) split.fields.maintenanceDatabase = split.fields.username;
  }
  if (split.fields.service) {
    split.fields.host ??= '';
    split.fields.username ??= '';
    split.fields.port ??= '';
  }
  return split;
}

/** Checks that the keywords of a conninfo can form a server (the Connection tab needs host and user). */
export function missingConnectionKeywords(fields: Partial<ServerFields>): Result<void, 'invalid_server'> {
  const merged = { ...blankServerFields(), ...fields };
  const missing = connectionKeywords.filter((keyword) =>
    keyword === 'host' ? !merged.host : keyword === 'user' ? !merged.username : false,
  );
  return missing.length
    ? fail(
        'invalid_server',
        `The connection needs ${missing.join(' and ')}; add ${missing.map((word) => `${word}=…`).join(' ')}.`,
      )
    : ok(undefined);
}

import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import { fail, ok, type Result } from '../../shared/result';
import {
  blankServerFields,
  connectionKeywords,
  type ServerFields,
  type secretKeywords,
} from '../../shared/server-schema';

/** A server's libpq keywords without any secret: host, port, dbname, user, then the Parameters rows. */
export function serverKeywords(server: ServerFields): ConnectionKeywords {
  const keywords: ConnectionKeywords = {
    host: server.host,
    port: String(server.port),
    dbname: server.maintenanceDatabase,
    user: server.username,
  };
  for (const row of server.parameters) keywords[row.keyword] = row.value;
  return keywords;
}

/** Parsed conninfo keywords split into server fields and the secrets that belong in the vault. */
export interface ConninfoSplit {
  fields: Partial<ServerFields>;
  secrets: Partial<Record<(typeof secretKeywords)[number], string>>;
}

/** Splits parsed conninfo keywords into the Connection tab, the Parameters rows and the secrets. */
export function splitKeywords(keywords: ConnectionKeywords, base: Partial<ServerFields> = {}): ConninfoSplit {
  const fields: Partial<ServerFields> = { ...base };
  const secrets: ConninfoSplit['secrets'] = {};
  const rows = new Map((base.parameters ?? []).map((row) => [row.keyword, row.value]));
  for (const [keyword, value] of Object.entries(keywords)) {
    if (keyword === 'host') fields.host = value;
    else if (keyword === 'port') fields.port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    else if (keyword === 'dbname') fields.maintenanceDatabase = value;
    else if (keyword === 'user') fields.username = value;
    else if (keyword === 'password' || keyword === 'sslpassword') secrets[keyword] = value;
    else rows.set(keyword, value);
  }
  fields.parameters = [...rows].map(([keyword, value]) => ({ keyword, value }));
  return { fields, secrets };
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

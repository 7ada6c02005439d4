import { libpqKeywordMap } from '../../shared/libpq-keywords';
import { fail, ok, type Result } from '../../shared/result';
import { defaultGroup } from '../../shared/server-groups';
import {
  blankServerFields,
  connectionKeywords,
  describeIssues,
  type SavedServer,
  type ServerFields,
  secretKeywords,
  serverFieldsSchema,
} from '../../shared/server-schema';
import type { TunnelFields } from '../../shared/tunnel-fields';

/** What an import found: the servers to add, and the entries skipped or trimmed with the reason. */
export interface PgadminImport {
  servers: ServerFields[];
  skipped: { entry: string; name: string; reason: string }[];
  warnings: string[];
}

/** pgAdmin's older top-level keys and the libpq keyword each one became in ConnectionParameters. */
const legacyKeys: Record<string, string> = {
  SSLMode: 'sslmode',
  SSLRootCert: 'sslrootcert',
  SSLCert: 'sslcert',
  SSLKey: 'sslkey',
  SSLCrl: 'sslcrl',
  SSLCompression: 'sslcompression',
  HostAddr: 'hostaddr',
  PassFile: 'passfile',
  Timeout: 'connect_timeout',
};

function text(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(Number(value))
      : '';
}

function parameterValue(keyword: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number' && libpqKeywordMap.get(keyword)?.kind === 'boolean') return value ? '1' : '0';
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
}

/** What an entry carries that the app cannot use: PostConnectionSQL, said once. */
function droppedKeys(label: string, raw: Record<string, unknown>, warnings: string[]): void {
  if (text(raw.PostConnectionSQL).trim())
    warnings.push(
      `${label}: PostConnectionSQL was not imported; the app does not run SQL after connecting, so run it yourself in the query tool.`,
    );
}

/**
 * pgAdmin's SSH tunnel keys (UseSSHTunnel, TunnelHost, TunnelPort, TunnelUsername, TunnelAuthentication 0 =
 * password / 1 = identity file, TunnelIdentityFile, TunnelKeepAlive) as the SSH Tunnel tab; undefined when off.
 */
function tunnelOf(label: string, raw: Record<string, unknown>, warnings: string[]): TunnelFields | undefined {
  if (!Number(raw.UseSSHTunnel)) return undefined;
  const number = (value: unknown, fallback: number) => (/^\d+$/.test(text(value)) ? Number(text(value)) : fallback);
  const identity = Number(raw.TunnelAuthentication) === 1;
  if (raw.TunnelPassword !== undefined)
    warnings.push(`${label}: TunnelPassword was not imported; enter it on the SSH Tunnel tab (Save password?).`);
  return {
    host: text(raw.TunnelHost).trim(),
    port: number(raw.TunnelPort, 22),
    username: text(raw.TunnelUsername).trim(),
    authentication: identity ? 'identity-file' : 'password',
    identityFile: identity ? text(raw.TunnelIdentityFile) : '',
    keepAlive: number(raw.TunnelKeepAlive, 0),
    savePassword: false,
  };
}

/** pgAdmin's SSH tunnel keys of a server, as pgAdmin's export writes them. */
function tunnelKeysOf(tunnel: TunnelFields): Record<string, unknown> {
  return {
    UseSSHTunnel: 1,
    TunnelHost: tunnel.host,
    TunnelPort: tunnel.port,
    TunnelUsername: tunnel.username,
    TunnelAuthentication: tunnel.authentication === 'identity-file' ? 1 : 0,
    ...(tunnel.authentication === 'identity-file' ? { TunnelIdentityFile: tunnel.identityFile } : {}),
    TunnelKeepAlive: tunnel.keepAlive,
  };
}

function convertEntry(
  entry: string,
  raw: Record<string, unknown>,
  warnings: string[],
): Result<ServerFields, 'invalid_import'> {
  const name = text(raw.Name).trim();
  const label = name || entry;
  const rows = new Map<string, string>();
  const parameters =
    raw.ConnectionParameters && typeof raw.ConnectionParameters === 'object' ? raw.ConnectionParameters : null;
  // As pgAdmin: the older top-level SSL keys count only in files without ConnectionParameters.
  for (const [key, keyword] of Object.entries(parameters ? {} : legacyKeys)) {
    if (raw[key] !== undefined && raw[key] !== null && raw[key] !== '')
      rows.set(keyword, parameterValue(keyword, raw[key]));
  }
  for (const [keyword, value] of Object.entries((parameters ?? {}) as Record<string, unknown>)) {
    if ((secretKeywords as readonly string[]).includes(keyword)) {
      warnings.push(`${label}: ${keyword} was not imported; save it with "rdspg servers edit" instead.`);
    } else if ((connectionKeywords as readonly string[]).includes(keyword)) {
      // pgAdmin keeps these outside ConnectionParameters; the top-level keys win.
    } else if (!libpqKeywordMap.has(keyword)) {
      warnings.push(`${label}: "${keyword}" is not a libpq keyword and was left out.`);
    } else if (value !== null && value !== '') {
      rows.set(keyword, parameterValue(keyword, value));
    }
  }
  droppedKeys(label, raw, warnings);
  const tunnel = tunnelOf(label, raw, warnings);
  // pgAdmin 7+ accepts a Service instead of Host; the service file then supplies what the entry leaves out.
  const service = text(raw.Service).trim();
  const port = typeof raw.Port === 'number' ? raw.Port : text(raw.Port);
  const fields = {
    ...blankServerFields(),
    name,
    group: text(raw.Group).trim() || defaultGroup,
    background: text(raw.BGColor),
    foreground: text(raw.FGColor),
    comments: text(raw.Comment),
    host: text(raw.Host) || (parameters ? (rows.get('hostaddr') ?? '') : text(raw.HostAddr)),
    port: port === '' ? (service ? '' : 5432) : /^\d+$/.test(String(port)) ? Number(port) : port,
    maintenanceDatabase: text(raw.MaintenanceDB) || (service ? '' : 'postgres'),
    username: text(raw.Username),
    ...(text(raw.Role).trim() ? { role: text(raw.Role).trim() } : {}),
    ...(service ? { service } : {}),
    ...(tunnel ? { tunnel } : {}),
    savePassword: false,
    parameters: [...rows].map(([keyword, value]) => ({ keyword, value })),
  };
  const parsed = serverFieldsSchema.safeParse(fields);
  return parsed.success ? ok(parsed.data) : fail('invalid_import', describeIssues(parsed.error.issues));
}

/** Reads pgAdmin's servers.json (`{"Servers": {"1": {...}}}`), new and older key styles; passwords are never taken. */
export function parsePgadminServers(json: string): Result<PgadminImport, 'invalid_import'> {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    return fail('invalid_import', 'The file is not JSON; export it from pgAdmin with Tools > Import/Export Servers.');
  }
  const servers = (document as { Servers?: unknown } | null)?.Servers;
  if (!servers || typeof servers !== 'object' || Array.isArray(servers)) {
    return fail('invalid_import', 'The file has no "Servers" object; it does not look like a pgAdmin servers.json.');
  }
  const result: PgadminImport = { servers: [], skipped: [], warnings: [] };
  for (const [entry, raw] of Object.entries(servers as Record<string, unknown>)) {
    const record = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    const converted = convertEntry(entry, record, result.warnings);
    if (converted.ok) result.servers.push(converted.value);
    else result.skipped.push({ entry, name: text(record.Name), reason: converted.error.message });
  }
  return ok(result);
}

/** Writes servers as pgAdmin's servers.json (with the SSH tunnel keys); passwords and sslpassword are never exported. */
export function formatPgadminServers(servers: SavedServer[]): string {
  const entries = servers.map((server, index) => {
    const entry: Record<string, unknown> = { Name: server.name, Group: server.group };
    const connection = {
      Host: server.host,
      Port: server.port,
      MaintenanceDB: server.maintenanceDatabase,
      Username: server.username,
      Role: server.role ?? '',
      Service: server.service ?? '',
    };
    for (const [key, value] of Object.entries(connection)) if (value !== '') entry[key] = value;
    if (server.comments) entry.Comment = server.comments;
    if (server.background) entry.BGColor = server.background;
    if (server.foreground) entry.FGColor = server.foreground;
    if (server.tunnel) Object.assign(entry, tunnelKeysOf(server.tunnel));
    entry.ConnectionParameters = Object.fromEntries(server.parameters.map((row) => [row.keyword, row.value]));
    return [String(index + 1), entry] as const;
  });
  return `${JSON.stringify({ Servers: Object.fromEntries(entries) }, null, 4)}\n`;
}

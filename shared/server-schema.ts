import { z } from 'zod';
import { libpqKeywordMap } from './libpq-keywords';
import { defaultGroup } from './server-groups';
import { tunnelFieldsSchema } from './tunnel-fields';

/** Every expected failure of the server registry. */
export const registryErrorCodes = [
  'server_not_found',
  'duplicate_name',
  'invalid_server',
  'group_not_found',
  'duplicate_group',
  'default_group',
  'registry_busy',
  'registry_corrupt',
  'registry_newer',
  'registry_failed',
  'invalid_import',
  'vault_locked',
  'vault_corrupt',
  'vault_newer',
  'backup_missing',
  'backup_corrupt',
  'not_damaged',
] as const;

/** One expected failure of the server registry. */
export type RegistryErrorCode = (typeof registryErrorCodes)[number];

/** The keywords the Connection tab owns; they never appear as Parameters rows. */
export const connectionKeywords = ['host', 'port', 'dbname', 'user', 'service'] as const;

/** The keywords whose values are kept in the vault, never in the registry. */
export const secretKeywords = ['password', 'sslpassword'] as const;

/** Checks one parameter value against its keyword's kind; returns the message, or null when it is fine. */
export function parameterValueProblem(keyword: string, value: string): string | null {
  const entry = libpqKeywordMap.get(keyword);
  if (!entry) return `${keyword} is not a libpq connection keyword.`;
  if ((secretKeywords as readonly string[]).includes(keyword))
    return `${entry.label} is kept in the vault, not in the Parameters list.`;
  if ((connectionKeywords as readonly string[]).includes(keyword)) return `Set ${keyword} on the Connection tab.`;
  if (value === '') return `${entry.label} needs a value; delete the row to leave it unset.`;
  if (entry.kind === 'integer' && !/^-?\d+$/.test(value)) return `${entry.label} must be a whole number.`;
  if (entry.kind === 'boolean' && !['0', '1'].includes(value)) return `${entry.label} must be 0 or 1.`;
  if (entry.kind === 'enum' && entry.values && !entry.values.includes(value))
    return `${entry.label} must be one of: ${entry.values.join(', ')}.`;
  return null;
}

/** One row of the Parameters tab: a libpq keyword and its value. */
export const parameterRowSchema = z.object({ keyword: z.string(), value: z.string() });

/** One row of the Parameters tab. */
export type ParameterRow = z.infer<typeof parameterRowSchema>;

/**
 * The problem of a Port value, or null: one port (1 to 65535) or, as libpq keeps it, a comma-separated list with
 * one port per host (an empty item means the default, 5432; an empty list leaves it to the service or libpq).
 */
export function portProblem(port: number | string): string | null {
  if (typeof port === 'number') {
    if (!Number.isInteger(port)) return 'Port must be a whole number.';
    return port < 1 || port > 65535 ? 'Port must be 1 to 65535.' : null;
  }
  for (const item of port.split(',')) {
    if (item === '' || (/^\d+$/.test(item) && Number(item) >= 1 && Number(item) <= 65535)) continue;
    return `Port "${item}" is not a port number: use 1 to 65535, or one port per host separated by commas.`;
  }
  return null;
}

/** One problem of the Connection tab, by field. */
export interface ConnectionProblem {
  field: 'host' | 'port' | 'username' | 'maintenanceDatabase';
  message: string;
}

/**
 * The problems of the Connection tab's host, port, database and user: libpq pairs one port with every host or one
 * port per host; without a Service, Host name/address, Maintenance database and Username must be given.
 */
export function connectionProblems(fields: {
  host: string;
  port: number | string;
  username: string;
  maintenanceDatabase: string;
  service?: string | undefined;
}): ConnectionProblem[] {
  const problems: ConnectionProblem[] = [];
  const port = portProblem(fields.port);
  const hosts = fields.host === '' ? 1 : fields.host.split(',').length;
  const ports = typeof fields.port === 'string' && fields.port !== '' ? fields.port.split(',').length : 1;
  if (port) problems.push({ field: 'port', message: port });
  else if (ports > 1 && ports !== hosts)
    problems.push({ field: 'port', message: `could not match ${ports} port numbers to ${hosts} hosts` });
  if (fields.service) return problems;
  const required = [
    ['host', 'Host name/address'],
    ['maintenanceDatabase', 'Maintenance database'],
    ['username', 'Username'],
  ] as const;
  for (const [field, label] of required)
    if (fields[field] === '') problems.push({ field, message: `${label} must be specified.` });
  return problems;
}

/** Adds the Connection tab's problems as zod issues, each on its field. */
export function addConnectionIssues(fields: Parameters<typeof connectionProblems>[0], context: z.RefinementCtx): void {
  for (const problem of connectionProblems(fields))
    context.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
}

/**
 * True when the value has text host, user and database and a port, so the Connection tab can be checked even when
 * another field (the Name) has a problem: the dialog shows every problem at once.
 */
export function connectionShaped(value: unknown): boolean {
  const fields = (value ?? {}) as Record<string, unknown>;
  return (
    ['host', 'username', 'maintenanceDatabase'].every((field) => typeof fields[field] === 'string') &&
    ['number', 'string'].includes(typeof fields.port) &&
    ['string', 'undefined'].includes(typeof fields.service)
  );
}

const colour = z.union([z.literal(''), z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1677ff.')]);
const spaced = (label: string) =>
  z.string().refine((value) => value === value.trim(), `${label} must not start or end with a space.`);
const trimmed = (label: string) => spaced(label).refine((value) => value.length > 0, `${label} must be specified.`);

/** The fields of a saved server (pgAdmin's General, Connection and Parameters tabs), without any secret. */
export const serverFieldsSchema = z
  .object({
    name: trimmed('Name'),
    group: trimmed('Server group'),
    background: colour,
    foreground: colour,
    comments: z.string().max(4000, 'Comments must be at most 4000 characters.'),
    host: spaced('Host name/address'),
    port: z.union([z.number(), z.string()]),
    maintenanceDatabase: spaced('Maintenance database'),
    username: spaced('Username'),
    /** pgAdmin's Role: `SET ROLE` to it after connecting. */
    role: spaced('Role').optional(),
    /** pgAdmin's Service: a pg_service.conf section, resolved as libpq does; given fields win over it. */
    service: spaced('Service').optional(),
    /** pgAdmin's SSH Tunnel tab: present when "Use SSH tunneling" is on. */
    tunnel: tunnelFieldsSchema.optional(),
    savePassword: z.boolean(),
    parameters: z.array(parameterRowSchema),
  })
  .superRefine((fields, context) => {
    const seen = new Set<string>();
    fields.parameters.forEach((row, index) => {
      const path = ['parameters', index, 'value'];
      const problem = seen.has(row.keyword)
        ? `${libpqKeywordMap.get(row.keyword)?.label ?? row.keyword} is already in the list.`
        : parameterValueProblem(row.keyword, row.value);
      if (problem) context.addIssue({ code: 'custom', path, message: problem });
      seen.add(row.keyword);
    });
  })
  .superRefine(addConnectionIssues, { when: ({ value }) => connectionShaped(value) });

/** The fields of a new or edited server. */
export type ServerFields = z.infer<typeof serverFieldsSchema>;

/** A saved server: its fields and a stable id (secrets in the vault are bound to the id). */
export type SavedServer = ServerFields & { id: string };

/**
 * A server's libpq keywords without any secret: host, port, dbname, user and service, then the Parameters rows.
 * An empty field is left out (unset, as libpq reads an empty value), so the service or libpq's defaults fill it.
 */
export function keywordsOfFields(server: ServerFields): Record<string, string> {
  const fields: [string, string][] = [
    ['host', server.host],
    ['port', String(server.port)],
    ['dbname', server.maintenanceDatabase],
    ['user', server.username],
    ['service', server.service ?? ''],
  ];
  const keywords: Record<string, string> = Object.fromEntries(fields.filter(([, value]) => value !== ''));
  for (const row of server.parameters) keywords[row.keyword] = row.value;
  return keywords;
}

/** The fields a new server starts with, as in pgAdmin's Register > Server dialog. */
export function blankServerFields(): ServerFields {
  return {
    name: '',
    group: defaultGroup,
    background: '',
    foreground: '',
    comments: '',
    host: '',
    port: 5432,
    maintenanceDatabase: 'postgres',
    username: '',
    savePassword: false,
    parameters: [{ keyword: 'sslmode', value: 'prefer' }],
  };
}

/** A group name as the Create > Server Group dialog checks it. */
export const groupNameSchema = trimmed('Server group').pipe(
  z.string().max(200, 'Server group must be at most 200 characters.'),
);

/** The schema version of the registry file this build writes. */
export const registrySchemaVersion = 2;

/** The registry's contents. */
export type RegistryData = { schemaVersion: typeof registrySchemaVersion; groups: string[]; servers: SavedServer[] };

/** Turns zod issues into one sentence per field, the way the dialog shows them. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join(' ');
}

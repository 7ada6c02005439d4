import { z } from 'zod';
import { libpqKeywordMap } from './libpq-keywords';

/** Every expected failure of the server registry. */
export const registryErrorCodes = [
  'server_not_found',
  'duplicate_name',
  'invalid_server',
  'group_not_found',
  'group_not_empty',
  'duplicate_group',
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
] as const;

/** One expected failure of the server registry. */
export type RegistryErrorCode = (typeof registryErrorCodes)[number];

/** The keywords the Connection tab owns; they never appear as Parameters rows. */
export const connectionKeywords = ['host', 'port', 'dbname', 'user'] as const;

/** The keywords whose values are kept in the vault, never in the registry. */
export const secretKeywords = ['password', 'sslpassword'] as const;

/** The group new servers go to, as in pgAdmin. */
export const defaultGroup = 'Servers';

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

const colour = z.union([z.literal(''), z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1677ff.')]);
const trimmed = (label: string) =>
  z
    .string()
    .refine((value) => value === value.trim(), `${label} must not start or end with a space.`)
    .refine((value) => value.length > 0, `${label} must be specified.`);

/** The fields of a saved server (pgAdmin's General, Connection and Parameters tabs), without any secret. */
export const serverFieldsSchema = z
  .object({
    name: trimmed('Name'),
    group: trimmed('Server group'),
    background: colour,
    foreground: colour,
    comments: z.string().max(4000, 'Comments must be at most 4000 characters.'),
    host: trimmed('Host name/address'),
    port: z
      .number()
      .int('Port must be a whole number.')
      .min(1, 'Port must be 1 to 65535.')
      .max(65535, 'Port must be 1 to 65535.'),
    maintenanceDatabase: trimmed('Maintenance database'),
    username: trimmed('Username'),
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
  });

/** The fields of a new or edited server. */
export type ServerFields = z.infer<typeof serverFieldsSchema>;

/** A saved server: its fields and a stable id (secrets in the vault are bound to the id). */
export type SavedServer = ServerFields & { id: string };

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

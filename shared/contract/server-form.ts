import { z } from 'zod';
import { libpqKeywordMap } from '../libpq-keywords';
import {
  addConnectionIssues,
  connectionShaped,
  keywordsOfFields,
  type ParameterRow,
  parameterValueProblem,
  secretKeywords,
  serverFieldsSchema,
} from '../server-schema';

/** The SSL modes for which a root certificate is required. */
export const verifyingSslModes = ['verify-ca', 'verify-full'] as const;

/** The Parameters rows a new server starts with, as in pgAdmin. */
export const defaultParameterRows: ParameterRow[] = [
  { keyword: 'sslmode', value: 'prefer' },
  { keyword: 'connect_timeout', value: '10' },
];

/** The problem of one Parameters row of the dialog (secret rows such as SSL password go to the vault). */
export function rowProblem(row: ParameterRow): string | null {
  if ((secretKeywords as readonly string[]).includes(row.keyword) && libpqKeywordMap.has(row.keyword))
    return row.keyword === 'password'
      ? 'Set the password on the Connection tab.'
      : row.value === ''
        ? `${labelOf(row.keyword)} needs a value; delete the row to leave it unset.`
        : null;
  return parameterValueProblem(row.keyword, row.value);
}

function checkParameters(rows: ParameterRow[], context: z.RefinementCtx): void {
  const seen = new Set<string>();
  const mode = rows.find((row) => row.keyword === 'sslmode')?.value ?? 'prefer';
  const verifying = (verifyingSslModes as readonly string[]).includes(mode);
  rows.forEach((row, index) => {
    // An empty Root certificate under Verify-CA/Full gets the advice below, never "delete the row".
    if (verifying && row.keyword === 'sslrootcert' && row.value === '' && !seen.has(row.keyword)) {
      seen.add(row.keyword);
      return;
    }
    const problem = seen.has(row.keyword) ? `${labelOf(row.keyword)} is already in the list.` : rowProblem(row);
    if (problem) context.addIssue({ code: 'custom', path: ['parameters', index, 'value'], message: problem });
    seen.add(row.keyword);
  });
  const rootIndex = rows.findIndex((row) => row.keyword === 'sslrootcert');
  if (!verifying || rows[rootIndex]?.value) return;
  // An empty row gets its own advice (choose the file), a missing row the advice to add it.
  context.addIssue(
    rootIndex < 0
      ? {
          code: 'custom',
          path: ['parameters', 'sslrootcert'],
          message: `SSL mode ${mode} needs a Root certificate: add the row and choose the CA certificate file.`,
        }
      : {
          code: 'custom',
          path: ['parameters', rootIndex, 'value'],
          message: `SSL mode ${mode} needs a Root certificate: choose the CA certificate file.`,
        },
  );
}

/** The pgAdmin label of a keyword, or the keyword itself. */
export function labelOf(keyword: string): string {
  return libpqKeywordMap.get(keyword)?.label ?? keyword;
}

/** The Register/Properties dialog's form: the same schema checks it in the renderer and in the main process. */
export const serverForm = z
  .object({
    ...serverFieldsSchema.shape,
    connectNow: z.boolean(),
    password: z.string(),
    /** The SSH tunnel's password or identity file passphrase (saved in the vault when the tunnel's Save password? is on). */
    tunnelPassword: z.string().optional(),
  })
  .superRefine((form, context) => checkParameters(form.parameters, context))
  .superRefine(addConnectionIssues, { when: ({ value }) => connectionShaped(value) });

/** The Register/Properties dialog's form. */
export type ServerForm = z.infer<typeof serverForm>;

/** A blank Register > Server… form, with pgAdmin's defaults. */
export function blankServerForm(group = 'Servers'): ServerForm {
  return {
    name: '',
    group,
    background: '',
    foreground: '',
    connectNow: true,
    comments: '',
    host: '',
    port: 5432,
    maintenanceDatabase: 'postgres',
    username: '',
    password: '',
    savePassword: false,
    parameters: defaultParameterRows.map((row) => ({ ...row })),
  };
}

/** The libpq keywords of a form, as the engine takes them (empty fields unset; the password only when given). */
export function keywordsOfForm(form: ServerForm): Record<string, string> {
  const keywords = keywordsOfFields(form);
  if (form.password) keywords.password = form.password;
  return keywords;
}

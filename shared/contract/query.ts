import { z } from 'zod';
import { connectErrorCodes } from '../connect-errors';
import { channel } from './channel';

/** The rows a query returns at most unless the request asks otherwise. */
export const defaultRowLimit = 1000;

/** The largest row limit a request may ask for. */
export const maxRowLimit = 100_000;

/** Failures of the query channels: no open connection, one query at a time, and the cancel connection's codes. */
export const queryErrorCodes = ['not_connected', 'query_running', ...connectErrorCodes] as const;

/** One column of a result: its name and its PostgreSQL type as format_type() spells it. */
export const resultColumn = z.object({ name: z.string(), type: z.string() });

/** One column of a result. */
export type ResultColumn = z.infer<typeof resultColumn>;

/** The server's error for a statement, with the 1-based character position it points at (null when none). */
export const queryError = z.object({
  message: z.string(),
  sqlState: z.string().nullable(),
  severity: z.string().nullable(),
  detail: z.string().nullable(),
  hint: z.string().nullable(),
  position: z.number().int().positive().nullable(),
});

/** The server's error for a statement. */
export type QueryError = z.infer<typeof queryError>;

/** What a run answers: the last result's columns and rows (values as the server's text), or the server's error. */
export const queryOutcome = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('rows'),
    columns: z.array(resultColumn),
    rows: z.array(z.array(z.string().nullable())),
    /** Rows the server sent for the last result (more than `rows` holds when truncated). */
    rowCount: z.number().int().nonnegative(),
    truncated: z.boolean(),
    rowLimit: z.number().int().positive(),
    /** The last command tag, e.g. `SELECT 3` or `UPDATE 2`. */
    command: z.string(),
    durationMs: z.number().nonnegative(),
  }),
  z.object({ outcome: z.literal('error'), error: queryError, durationMs: z.number().nonnegative() }),
]);

/** What a run answers. */
export type QueryOutcome = z.infer<typeof queryOutcome>;

/** The query tool's channels: run SQL on a connected server's session, and cancel what runs there. */
export const queryChannels = {
  'query:run': channel(
    z
      .object({
        serverId: z.string().min(1),
        sql: z
          .string()
          .max(1_000_000, 'The SQL is longer than 1 MB.')
          .refine((text) => text.trim() !== '', 'Write a statement to run.'),
        rowLimit: z.number().int().min(1).max(maxRowLimit).default(defaultRowLimit),
        /** The database to run on (one of the server's, chosen in the tree); the connected one when absent. */
        database: z.string().min(1).optional(),
      })
      .strict(),
    queryOutcome,
    queryErrorCodes,
  ),
  'query:cancel': channel(
    z.object({ serverId: z.string().min(1), database: z.string().min(1).optional() }).strict(),
    z.object({ cancelled: z.boolean() }),
    queryErrorCodes,
  ),
} as const;

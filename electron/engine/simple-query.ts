import type { DatabaseError, DataRowMessage, RowDescriptionMessage } from 'pg-protocol/dist/messages';
import { serialize } from 'pg-protocol/dist/serializer';
import type { Session } from './session';
import { readMessages } from './wire';

/** A row of a simple query's result: each column's text, or null. */
export type TextRow = Record<string, string | null>;

/**
 * Runs one statement with the simple query protocol on a session that node-postgres has not taken over (the engine's
 * own questions: the check's facts, target_session_attrs, SET ROLE), and gives its rows as text. Rejects with the
 * server's error (node-postgres' DatabaseError), or the stream's end when the server gave none.
 */
export function simpleQuery(session: Session, text: string): Promise<TextRow[]> {
  return new Promise((resolve, reject) => {
    let columns: string[] = [];
    const rows: TextRow[] = [];
    let failure: DatabaseError | null = null;
    const stop = readMessages(
      session.socket,
      (message) => {
        if (message.name === 'rowDescription')
          columns = (message as RowDescriptionMessage).fields.map((field) => field.name);
        else if (message.name === 'dataRow') {
          const values = (message as DataRowMessage).fields as (string | null)[];
          rows.push(Object.fromEntries(columns.map((column, index) => [column, values[index] ?? null])));
        } else if (message.name === 'error') failure = message as DatabaseError;
        else if (message.name === 'readyForQuery') {
          stop();
          if (failure) reject(failure);
          else resolve(rows);
        }
      },
      // A server that ends the session says why first (a FATAL ErrorResponse): that is the answer then.
      (error) => reject(failure ?? error),
    );
    session.socket.write(serialize.query(text));
  });
}

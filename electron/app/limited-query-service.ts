import type { DatabaseError } from 'pg';
import type { QueryError } from '../../shared/contract/query';

/** A column as the server's RowDescription gives it. */
export interface RawColumn {
  name: string;
  typeOid: number;
  typeModifier: number;
}

/** One result set of a simple query, holding at most the row limit. */
export interface RawResult {
  columns: RawColumn[];
  rows: (string | null)[][];
  rowCount: number;
}

/** What a simple query ends with: the last statement's result set (null when it returned none) and command tag, or the server's error. */
export type RawOutcome =
  | { outcome: 'rows'; result: RawResult | null; command: string }
  | { outcome: 'error'; error: QueryError };

interface ProtocolConnection {
  query(text: string): void;
  sendCopyFail(message: string): void;
}

/** The server's error as data: message, SQLSTATE, and the 1-based character position it points at. */
export function queryErrorOf(error: Partial<DatabaseError> & { message: string }): QueryError {
  const position = Number.parseInt(error.position ?? '', 10);
  return {
    message: error.message,
    sqlState: error.code ?? null,
    severity: error.severity ?? null,
    detail: error.detail ?? null,
    hint: error.hint ?? null,
    position: Number.isInteger(position) && position > 0 ? position : null,
  };
}

/**
 * A node-postgres Submittable that runs SQL over the simple query protocol (several statements allowed) and keeps
 * the values as the server's text, storing at most `rowLimit` rows per result set while counting all of them.
 */
export class LimitedQuery {
  private current: RawResult | null = null;
  private last: RawResult | null = null;
  private command = '';
  private error: QueryError | null = null;
  /** Settles once the server is ready for the next query, or on the first error. */
  readonly done: Promise<RawOutcome>;
  private settle!: (outcome: RawOutcome) => void;

  constructor(
    private readonly text: string,
    private readonly rowLimit: number,
  ) {
    this.done = new Promise((resolve) => {
      this.settle = resolve;
    });
  }

  /** Sends the query (called by node-postgres when it is this query's turn). */
  submit(connection: ProtocolConnection): void {
    connection.query(this.text);
  }

  handleRowDescription(message: { fields: { name: string; dataTypeID: number; dataTypeModifier: number }[] }): void {
    const columns = message.fields.map((field) => ({
      name: field.name,
      typeOid: field.dataTypeID,
      typeModifier: field.dataTypeModifier,
    }));
    this.current = { columns, rows: [], rowCount: 0 };
  }

  handleDataRow(message: { fields: (string | null)[] }): void {
    if (!this.current) return;
    this.current.rowCount += 1;
    if (this.current.rows.length < this.rowLimit) this.current.rows.push(message.fields);
  }

  handleCommandComplete(message: { text: string }): void {
    this.command = message.text;
    this.last = this.current;
    this.current = null;
  }

  handleEmptyQuery(): void {}

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: ProtocolConnection): void {
    connection.sendCopyFail('COPY FROM STDIN is not supported in the query tool');
  }

  handleCopyData(): void {}

  handleError(error: DatabaseError): void {
    this.error ??= queryErrorOf(error);
    this.settle({ outcome: 'error', error: this.error });
  }

  handleReadyForQuery(): void {
    if (this.error) this.settle({ outcome: 'error', error: this.error });
    else this.settle({ outcome: 'rows', result: this.last, command: this.command });
  }
}

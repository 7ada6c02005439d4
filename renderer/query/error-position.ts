/** Where a server error points in the SQL: 1-based line and column, and the text of that line. */
export interface ErrorLocation {
  line: number;
  column: number;
  lineText: string;
}

/** Turns PostgreSQL's 1-based character position into line, column and the line's text; null when out of range. */
export function locateError(sql: string, position: number | null): ErrorLocation | null {
  if (position === null || position < 1) return null;
  const characters = Array.from(sql);
  if (position > characters.length + 1) return null;
  const before = characters.slice(0, position - 1).join('');
  const lines = before.split('\n');
  const line = lines.length;
  const column = Array.from(lines[line - 1] ?? '').length + 1;
  const lineText = sql.split('\n')[line - 1] ?? '';
  return { line, column, lineText };
}

/** The UTF-16 offset of a 1-based character position, for the editor's selection. */
export function utf16Offset(sql: string, position: number): number {
  return Array.from(sql)
    .slice(0, Math.max(position - 1, 0))
    .join('').length;
}

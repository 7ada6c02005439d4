import type { AuditRow } from './contract/rds';

/** The audit as a whole, with the counts the CLI and the benchmark print. */
export interface AuditReport {
  generatedAt: string;
  regions: number;
  instances: number;
  sslOn: number;
  sslOff: number;
  failures: number;
  rows: AuditRow[];
  calls: { total: number; retries: number; throttled: number; throttledGivenUp: number };
}

/** The CSV columns, in order. */
export const auditCsvColumns: (keyof AuditRow)[] = [
  'regionId',
  'instanceId',
  'description',
  'engineVersion',
  'status',
  'sslEnabled',
  'protectedEndpoint',
  'caType',
  'expiresAt',
  'daysLeft',
  'requireUpdate',
  'clientCa',
  'error',
  'instanceType',
  'primaryInstanceId',
  'renewalScheduledAt',
  'renewalRestart',
  'sslUnavailableReason',
];

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? String((value as { code?: string }).code ?? '') : String(value);
  return /[",\r\n]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The audit rows as RFC 4180 CSV with a header line (cells starting like formulas are quoted). */
export function auditToCsv(rows: AuditRow[]): string {
  const lines = [auditCsvColumns.join(',')];
  for (const row of rows) lines.push(auditCsvColumns.map((column) => csvField(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Whole days from `now` to an ISO date (negative once past); null without a date. */
export function daysUntil(iso: string | null, now: Date): number | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isFinite(time) ? Math.floor((time - now.getTime()) / 86_400_000) : null;
}

import type { AuditRow } from '../../shared/contract/rds';

/** The audit table's SSL filter: all, on, off, not available (SSL impossible), or expiring within 30 days (or past). */
export type SslFilter = 'all' | 'on' | 'off' | 'unavailable' | 'soon';

/** Days before expiry from which a certificate is shown as expiring soon. */
export const expiryWarningDays = 30;

/** The colour of a certificate expiry: red once past, orange within 30 days, green otherwise. */
export function expiryColor(daysLeft: number | null): string {
  if (daysLeft === null) return 'default';
  if (daysLeft < 0) return 'red';
  return daysLeft <= expiryWarningDays ? 'orange' : 'green';
}

/** Whether a row passes the filters: the SSL state (or expiring within 30 days) and a text match. */
export function rowMatches(row: AuditRow, ssl: SslFilter, text: string): boolean {
  if (ssl === 'on' && row.sslEnabled !== true) return false;
  if (ssl === 'off' && (row.sslEnabled !== false || row.sslUnavailableReason)) return false;
  if (ssl === 'unavailable' && !row.sslUnavailableReason) return false;
  if (ssl === 'soon' && (row.daysLeft === null || row.daysLeft > expiryWarningDays)) return false;
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [row.instanceId, row.description, row.regionId, row.protectedEndpoint ?? ''].some((value) =>
    value.toLowerCase().includes(needle),
  );
}

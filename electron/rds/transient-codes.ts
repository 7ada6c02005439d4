import type { RdsErrorCode } from '../../shared/rds-errors';

/**
 * The one list of failures that say "not now" rather than "no": a later call may well succeed. Waits keep polling
 * through them and the client asks again next time; `cancelled` is not among them (a cancel ends a wait).
 */
export const transientCodes: ReadonlySet<RdsErrorCode> = new Set<RdsErrorCode>([
  'throttled',
  'service_unavailable',
  'internal_error',
  'network_timeout',
  'network_unreachable',
  'instance_busy',
]);

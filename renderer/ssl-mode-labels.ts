import type { SslMode } from '../shared/libpq-keywords';

/** How pgAdmin spells each SSL mode. */
export const sslModeLabels: Record<SslMode, string> = {
  disable: 'Disable',
  allow: 'Allow',
  prefer: 'Prefer',
  require: 'Require',
  'verify-ca': 'Verify-CA',
  'verify-full': 'Verify-Full',
};

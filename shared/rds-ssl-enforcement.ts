import type { HbaItem, SslEnforcementPlan } from './contract/rds-connect';

/** True when some entry accepts connections without SSL (`host` accepts both, `hostnossl` only plain ones). */
export function acceptsPlain(items: HbaItem[]): boolean {
  return items.some((item) => item.type === 'host' || item.type === 'hostnossl');
}

/**
 * The change that enforces SSL (every `host` entry becomes `hostssl`) or stops enforcing it (every `hostssl` entry
 * becomes `host`); `hostnossl` and `local` entries are the user's choice and are left alone.
 */
export function planSslEnforcement(
  items: HbaItem[],
  enforce: boolean,
  clientCaConfigured: boolean,
): SslEnforcementPlan {
  const [from, to] = enforce ? ['host', 'hostssl'] : ['hostssl', 'host'];
  const changes = items
    .filter((item) => item.type === from)
    .map((item) => ({ before: item, after: { ...item, type: to } }));
  const after = items.map((item) => (item.type === from ? { ...item, type: to } : item));
  return {
    enforce,
    plainAcceptedBefore: acceptsPlain(items),
    plainAcceptedAfter: acceptsPlain(after),
    changes,
    takesEffect: 'reload',
    clientCaNote: clientCaConfigured
      ? 'A client CA is configured: ACL verify-ca or verify-full ("rdspg rds ssl client-ca ID --acl MODE") also refuses connections without a client certificate.'
      : null,
  };
}

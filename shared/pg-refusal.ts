const refusal = /(?:no pg_hba\.conf entry for host|pg_hba\.conf rejects connection for host) "([^"]+)"/;

/**
 * The client address PostgreSQL names when its pg_hba refuses a connection — `no pg_hba.conf entry for host
 * "203.0.113.7", user "app", database "postgres", SSL encryption` or `pg_hba.conf rejects connection for host …`
 * (both from PostgreSQL's auth.c) — or null. Through NAT this is the public address the RDS whitelist must hold.
 */
export function refusedClientAddress(message: string): string | null {
  return refusal.exec(message)?.[1] ?? null;
}

/**
 * The address the last failed connection came from, as the server reported it ("no pg_hba.conf entry for host
 * "203.0.113.7"" or "pg_hba.conf rejects connection for host …"): RDS sees this computer's public address, which
 * cannot be seen from inside the machine. Kept for this run only.
 */
let lastFailedAddress: string | null = null;

const hostInMessage = /pg_hba\.conf (?:entry for|rejects connection for) host "([0-9.]+)"/;

/** The client address a server's refusal names, or null when the message names none. */
export function failedAddressOf(message: string): string | null {
  return hostInMessage.exec(message)?.[1] ?? null;
}

/** Remembers the address a failed connection's message names (if any). */
export function rememberFailure(message: string): void {
  const address = failedAddressOf(message);
  if (address) lastFailedAddress = address;
}

/** The address the last failed connection came from, when a server reported it. */
export function lastFailureAddress(): string | null {
  return lastFailedAddress;
}

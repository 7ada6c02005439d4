// The unlock backoff: a few free tries, then a doubling wait, persisted across processes by the vault.

/** Failed attempts allowed before the backoff starts, and its ceiling. */
const freeAttempts = 3;
const maximumDelayMs = 5 * 60_000;

/** How long to wait after `failures` wrong passwords in a row. */
export function backoffDelayMs(failures: number): number {
  return failures < freeAttempts ? 0 : Math.min(1000 * 2 ** (failures - freeAttempts), maximumDelayMs);
}

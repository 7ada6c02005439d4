import { contextFrom, resolveSettings } from '../engine';

/**
 * Where a connection goes, normalized as the engine does (environment and libpq defaults): each host, hostaddr
 * and port, and the user; null when the keywords do not resolve. Saved secrets go only to the endpoint they were
 * saved for.
 */
export function endpointOf(keywords: Record<string, string>, env: Record<string, string | undefined>): string | null {
  const resolved = resolveSettings(keywords, contextFrom(env));
  return resolved.ok ? JSON.stringify([resolved.value.targets, resolved.value.user]) : null;
}

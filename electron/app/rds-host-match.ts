import type { RdsChannelErrorCode } from '../../shared/contract/rds';
import { ok, type Result } from '../../shared/result';
import type { RdsPanel } from './rds-panel';

/** An instance of a configured cloud account, found by one of its endpoints. */
export interface HostMatch {
  accountId: string;
  regionId: string;
  instanceId: string;
}

/**
 * Finds the instance a database host belongs to among the configured accounts' PostgreSQL instances (each
 * account's default region): its connection string first, then each instance's endpoints. Null when none matches;
 * an account whose calls fail is skipped (the failed connection is what the user is looking at).
 */
export async function matchHost(panel: RdsPanel, host: string): Promise<Result<HostMatch | null, RdsChannelErrorCode>> {
  const wanted = host.trim().toLowerCase();
  for (const account of await panel.list()) {
    const made = await panel.client(account.id, account.regionId);
    if (!made.ok) continue;
    const instances = await made.value.client.instances(account.regionId, 'PostgreSQL');
    if (!instances.ok) continue;
    const found = (instanceId: string) => ok({ accountId: account.id, regionId: account.regionId, instanceId });
    const direct = instances.value.find((instance) => instance.connectionString.toLowerCase() === wanted);
    if (direct) return found(direct.instanceId);
    for (const instance of instances.value) {
      const endpoints = await made.value.client.endpoints(instance.instanceId);
      if (endpoints.ok && endpoints.value.some((endpoint) => endpoint.host.toLowerCase() === wanted)) {
        return found(instance.instanceId);
      }
    }
  }
  return ok(null);
}

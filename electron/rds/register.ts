import type { RdsServerEntry } from '../../shared/contract/rds';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, ok, type Result } from '../../shared/result';
import type { RdsClient } from './rds-client';

/** The note shown beside the maintenance database, from the RDS documentation. */
export const maintenanceDatabaseNote =
  'postgres is the system database of an RDS instance: use it to connect, not to store data.';

/**
 * Builds the server entry for an instance and endpoint: host = the protected endpoint, its port, sslmode
 * verify-full, sslrootcert = the downloaded CA, maintenance database postgres. The registry stores it.
 */
export async function serverEntryFor(
  client: RdsClient,
  instanceId: string,
  endpointHost: string,
  rootCertificatePath: string | null,
): Promise<Result<RdsServerEntry, RdsErrorCode>> {
  const instance = await client.instance(instanceId);
  if (!instance.ok) return instance;
  const endpoints = await client.endpoints(instanceId);
  if (!endpoints.ok) return endpoints;
  const endpoint = endpoints.value.find((item) => item.host === endpointHost);
  if (!endpoint) {
    const hosts = endpoints.value.map((item) => item.host).join(', ');
    return fail('endpoint_not_found', `${endpointHost} is not an endpoint of ${instanceId}; choose one of: ${hosts}.`);
  }
  const ssl = await client.sslState(instanceId);
  if (!ssl.ok) return ssl;
  if (!ssl.value.enabled || ssl.value.protectedEndpoint !== endpointHost) {
    const protectedNow = ssl.value.enabled ? `SSL protects ${ssl.value.protectedEndpoint}` : 'SSL is off';
    return fail(
      'prerequisite_not_met',
      `${protectedNow}, so verify-full against ${endpointHost} would fail; run "rdspg rds ssl enable ${instanceId} --endpoint ${endpointHost}" first.`,
    );
  }
  const name = instance.value.description ? `${instance.value.description} (${instanceId})` : instanceId;
  return ok({
    name,
    host: endpoint.host,
    port: endpoint.port,
    maintenanceDatabase: 'postgres',
    maintenanceDatabaseNote,
    sslmode: 'verify-full',
    sslrootcert: rootCertificatePath,
    source: { provider: 'alibaba-rds', instanceId, regionId: instance.value.regionId, endpoint: endpoint.host },
  });
}

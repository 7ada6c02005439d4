import { allocatePublicEndpoint, type PublicEndpointResult, releasePublicEndpoint } from '../rds/public-endpoint';
import { failWith, usageFailure, writeJson, writeLine } from './command';
import type { ConnectRun } from './rds-connect-command';

/** The usage text of `rdspg rds public-endpoint …`. */
export const endpointUsage = 'public-endpoint allocate ID [--prefix P] [--port N] | public-endpoint release ID';

/** The flags the public-endpoint subcommands read. */
export interface EndpointValues {
  prefix?: string;
  port?: string;
  timeout?: string;
}

/**
 * `rdspg rds public-endpoint allocate|release ID`: allocates (prefix default ID-pub, port default 5432) or releases
 * the public endpoint and waits until the instance is Running with the change visible.
 */
export async function publicEndpointCommand(
  run: ConnectRun & { values: EndpointValues },
  action: string | undefined,
  id: string | undefined,
): Promise<number> {
  if (!id) return failWith(run.io, usageFailure(endpointUsage, 'missing the instance ID'));
  const port = Number(run.values.port ?? 5432);
  if (!Number.isInteger(port) || port < 1000 || port > 5999) {
    return failWith(run.io, usageFailure(endpointUsage, '--port takes a whole number from 1000 to 5999'));
  }
  const wait = { timeoutMs: Number(run.values.timeout ?? 1200) * 1000 };
  let result: Awaited<ReturnType<typeof releasePublicEndpoint>>;
  if (action === 'allocate') {
    const prefix = run.values.prefix ?? `${id}-pub`;
    if (!run.values.json) writeLine(run.io.stderr, `Allocating ${prefix} on port ${port}; waiting for the instance…`);
    result = await allocatePublicEndpoint(run.client, id, { prefix, port }, wait);
  } else if (action === 'release') {
    if (!run.values.json) writeLine(run.io.stderr, 'Releasing the public endpoint; waiting for the instance…');
    result = await releasePublicEndpoint(run.client, id, wait);
  } else {
    return failWith(run.io, usageFailure(endpointUsage, 'public-endpoint takes allocate or release'));
  }
  if (!result.ok) return failWith(run.io, result.error);
  if (run.values.json) writeJson(run.io.stdout, result.value);
  else writeLine(run.io.stdout, describe(action, result.value));
  return 0;
}

function describe(action: string, value: PublicEndpointResult): string {
  const line =
    action === 'allocate'
      ? `Public endpoint of ${value.instanceId}: ${value.endpoint} port ${value.port}. Add this computer's address with "rdspg rds whitelist add ${value.instanceId} --ip IP".`
      : `Released the public endpoint ${value.endpoint} of ${value.instanceId}.`;
  return value.sslReminder ? `${line}\nNote: ${value.sslReminder}` : line;
}

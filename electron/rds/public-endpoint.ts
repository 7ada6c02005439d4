import type { RdsEndpoint } from '../../shared/contract/rds';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, ok, type Result } from '../../shared/result';
import type { RdsClient } from './rds-client';
import { rdsSdk } from './sdk-client';
import { readSslState } from './ssl-availability';
import { afterSending, type NoteStatus, type WaitOptions, waitUntil } from './wait-until';

/** The outcome of allocating or releasing the public endpoint, with the SSL reminder when it applies. */
export interface PublicEndpointResult {
  instanceId: string;
  endpoint: string;
  port: number | null;
  /** Set when SSL is on: a cloud certificate protects one endpoint only. */
  sslReminder: string | null;
}

async function sslReminder(client: RdsClient, instanceId: string, host: string): Promise<string | null> {
  const ssl = await readSslState(client, instanceId);
  if (!ssl.ok || !ssl.value.enabled) return null;
  if (ssl.value.protectedEndpoint === host) {
    return `The SSL certificate protects ${host}; after releasing it, protect another endpoint with "rdspg rds ssl enable ID --endpoint HOST".`;
  }
  return `The SSL certificate protects ${ssl.value.protectedEndpoint} only, not ${host}: connect to the protected endpoint for verify-full, or protect ${host} with "rdspg rds ssl enable ID --endpoint ${host}" (a cloud certificate covers one endpoint).`;
}

/** Looks for the public endpoint (`host` when given): undefined when absent, null while the instance is busy. */
function publicEndpoint(client: RdsClient, instanceId: string, host?: string, signal?: AbortSignal) {
  return async (note?: NoteStatus): Promise<Result<RdsEndpoint | null | undefined, RdsErrorCode>> => {
    const instance = await client.instance(instanceId, { signal });
    const endpoints = await client.endpoints(instanceId, { signal });
    if (!instance.ok) return instance;
    note?.(instance.value.status);
    if (!endpoints.ok) return endpoints;
    const found = endpoints.value.find((item) => item.kind === 'public' && (!host || item.host === host));
    return ok(instance.value.status === 'Running' ? found : null);
  };
}

/**
 * AllocateInstancePublicConnection with the prefix and port given, then waits until the instance is Running with
 * the new public host listed. Refuses early when the instance has a public endpoint already.
 */
export async function allocatePublicEndpoint(
  client: RdsClient,
  instanceId: string,
  choice: { prefix: string; port: number },
  wait: WaitOptions = {},
): Promise<Result<PublicEndpointResult, RdsErrorCode>> {
  const existing = await publicEndpoint(client, instanceId)();
  if (!existing.ok) return existing;
  if (existing.value) {
    return fail(
      'invalid_parameter',
      `${instanceId} already has the public endpoint ${existing.value.host}; use it, or release it first with "rdspg rds public-endpoint release ${instanceId}".`,
    );
  }
  const request = new rdsSdk.AllocateInstancePublicConnectionRequest({
    DBInstanceId: instanceId,
    connectionStringPrefix: choice.prefix,
    port: String(choice.port),
  });
  wait.onSending?.();
  const sent = await client.call(
    'AllocateInstancePublicConnection',
    (sdk) => sdk.allocateInstancePublicConnection(request),
    (body: rdsSdk.AllocateInstancePublicConnectionResponseBody) => ({
      host: body.connectionString ?? '',
      requestId: body.requestId ?? '',
    }),
    { signal: wait.signal },
  );
  if (!sent.ok) return sent;
  wait.onStep?.({ step: 'sent', requestId: sent.value.requestId });
  const follow = afterSending(wait);
  // Right after the call the service still lists the old endpoints as Running: the new host is waited for by name.
  const look = publicEndpoint(client, instanceId, sent.value.host || undefined, follow.signal);
  const ready = await waitUntil(
    async (note) => {
      const seen = await look(note);
      return seen.ok ? ok(seen.value ?? null) : seen;
    },
    'the public endpoint to appear',
    follow,
  );
  if (!ready.ok) return ready;
  const host = ready.value.host;
  return ok({
    instanceId,
    endpoint: host,
    port: ready.value.port,
    sslReminder: await sslReminder(client, instanceId, host),
  });
}

/** ReleaseInstancePublicConnection for the instance's public endpoint, then waits until it is gone. */
export async function releasePublicEndpoint(
  client: RdsClient,
  instanceId: string,
  wait: WaitOptions = {},
): Promise<Result<PublicEndpointResult, RdsErrorCode>> {
  const existing = await publicEndpoint(client, instanceId)();
  if (!existing.ok) return existing;
  if (existing.value === null) return fail('instance_busy', `${instanceId} is not Running; wait, then retry.`);
  if (existing.value === undefined) {
    return fail('endpoint_not_found', `${instanceId} has no public endpoint; there is nothing to release.`);
  }
  const host = existing.value.host;
  const request = new rdsSdk.ReleaseInstancePublicConnectionRequest({
    DBInstanceId: instanceId,
    currentConnectionString: host,
  });
  wait.onSending?.();
  const sent = await client.call(
    'ReleaseInstancePublicConnection',
    (sdk) => sdk.releaseInstancePublicConnection(request),
    (body: rdsSdk.ReleaseInstancePublicConnectionResponseBody) => body.requestId ?? '',
    { signal: wait.signal },
  );
  if (!sent.ok) return sent;
  wait.onStep?.({ step: 'sent', requestId: sent.value });
  const follow = afterSending(wait);
  const look = publicEndpoint(client, instanceId, host, follow.signal);
  const gone = await waitUntil(
    async (note) => {
      const seen = await look(note);
      return seen.ok ? ok(seen.value === undefined ? true : null) : seen;
    },
    'the public endpoint to be released',
    follow,
  );
  if (!gone.ok) return gone;
  return ok({ instanceId, endpoint: host, port: null, sslReminder: await sslReminder(client, instanceId, host) });
}

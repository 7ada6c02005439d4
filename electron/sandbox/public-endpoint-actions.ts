import type { SandboxEndpoint, SandboxInstance } from './model';
import { type ActionBody, type ActionParameters, requireInstance } from './read-actions';
import { ServiceErrorSignal } from './service-errors';
import type { ConnectActionContext } from './whitelist-actions';

/** What the public-endpoint actions need: the whitelist/account context and the asynchronous network changes. */
export interface PublicEndpointContext extends ConnectActionContext {
  netChange(instance: SandboxInstance, busyStatus: string | null, change: () => void): void;
  /** Applies the instance's whitelist, pg_hba entries and accounts to the backing cluster, if there is one. */
  connectChanged(instance: SandboxInstance): Promise<void>;
  /** Points a newly allocated endpoint where clients can reach it (the `--postgres` backing's relay). */
  attachEndpoint(instance: SandboxInstance, endpoint: SandboxEndpoint): void;
}

/**
 * AllocateInstancePublicConnection (API reference: AllocateInstancePublicConnection): ConnectionStringPrefix and
 * Port are required; the prefix is 8–64 lower-case letters, digits and hyphens starting with a letter, the port
 * 1000–5999. The instance must be Running and may have one public endpoint only (the code for a second one is a
 * guess). Asynchronous: NET_CREATING first, then the new host shows in DescribeDBInstanceNetInfo.
 */
export function allocatePublicConnection(context: PublicEndpointContext, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(context, parameters);
  const prefix = parameters.ConnectionStringPrefix;
  if (!prefix) throw new ServiceErrorSignal('MissingParameter', 'ConnectionStringPrefix');
  if (!parameters.Port) throw new ServiceErrorSignal('MissingParameter', 'Port');
  if (!/^[a-z][a-z0-9-]{7,63}$/.test(prefix)) throw new ServiceErrorSignal('InvalidConnectionStringPrefix.Malformed');
  const port = Number(parameters.Port);
  if (!Number.isInteger(port) || port < 1000 || port > 5999) throw new ServiceErrorSignal('InvalidPort.Malformed');
  if (instance.status !== 'Running') throw new ServiceErrorSignal('IncorrectDBInstanceState');
  if (instance.endpoints.some((endpoint) => endpoint.ipType === 'Public')) {
    throw new ServiceErrorSignal('NetTypeExists');
  }
  const domain = instance.engine === 'MySQL' ? 'mysql.rds.aliyuncs.com' : 'pg.rds.aliyuncs.com';
  const host = `${prefix}.${domain}`;
  const taken = [...context.instances.values()].some((item) => item.endpoints.some((e) => e.host === host));
  if (taken) throw new ServiceErrorSignal('InvalidConnectionString.Duplicate');
  context.netChange(instance, 'NET_CREATING', () => {
    const endpoint: SandboxEndpoint = {
      host,
      port,
      ipAddress: '192.0.2.200',
      ipType: 'Public',
      connectionStringType: 'Normal',
    };
    context.attachEndpoint(instance, endpoint);
    instance.endpoints.push(endpoint);
  });
  return { ConnectionString: host, DbInstanceName: instance.instanceId };
}

/**
 * ReleaseInstancePublicConnection (API reference: ReleaseInstancePublicConnection): CurrentConnectionString names
 * the public endpoint to release; asynchronous (NET_DELETING, then the host is gone). An SSL certificate that
 * protected it stays as it is (a guess: the reference does not say).
 */
export function releasePublicConnection(context: PublicEndpointContext, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(context, parameters);
  const host = parameters.CurrentConnectionString;
  if (!host) throw new ServiceErrorSignal('MissingParameter', 'CurrentConnectionString');
  const endpoint = instance.endpoints.find((item) => item.host === host && item.ipType === 'Public');
  if (!endpoint) throw new ServiceErrorSignal('InvalidConnectionString.NotFound');
  if (instance.status !== 'Running') throw new ServiceErrorSignal('IncorrectDBInstanceState');
  context.netChange(instance, 'NET_DELETING', () => {
    instance.endpoints = instance.endpoints.filter((item) => item !== endpoint);
  });
  return {};
}

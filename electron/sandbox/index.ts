// The RDS sandbox's public API: a local RDS service for tests, the demo and `rdspg sandbox`.
import { PostgresBacking } from './postgres-backing';
import { RdsSandbox, type SandboxOptions } from './sandbox-server';
import { postgresBackedInstanceId } from './seed';

export type { SandboxAccessKey } from './authenticate';
export { isLoopbackAddress } from './client-relay';
export type { SandboxFaults } from './faults';
export { RdsSandbox, type SandboxOptions, type SandboxStats } from './sandbox-server';
export { postgresBackedInstanceId } from './seed';

/** What `rdspg sandbox` prints when it is ready: how to reach it and with which AccessKey. */
export interface SandboxInfo {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  regionId: string;
  /** With --postgres: the instance backed by the real cluster, and the loopback port its endpoints answer on. */
  postgres?: { instanceId: string; port: number };
}

/** A running sandbox, with its optional PostgreSQL backing. */
export interface StartedSandbox {
  sandbox: RdsSandbox;
  backing: PostgresBacking | null;
  info: SandboxInfo;
  stop(): Promise<void>;
}

/** How the PostgreSQL-backed instance starts, besides the sandbox's own options. */
export interface BackingOptions {
  postgres?: boolean;
  /** The address the sandbox takes "this computer" to have (127.0.0.0/8; default 127.0.0.1, inside the whitelist). */
  clientAddress?: string;
  /** The backed instance as newly created: its internal endpoint only, no public one yet. */
  fresh?: boolean;
}

/** Starts a sandbox; with `postgres`, one PostgreSQL 16 instance is backed by a real local cluster. */
export async function startSandbox(options: SandboxOptions & BackingOptions = {}): Promise<StartedSandbox> {
  const backing = options.postgres ? await PostgresBacking.start(options.clientAddress) : null;
  const sandbox = new RdsSandbox({
    ...options,
    ...(backing
      ? {
          applySsl: async (instance, next) => {
            if (instance.instanceId === postgresBackedInstanceId) await backing.apply(next);
            await options.applySsl?.(instance, next);
          },
          applyConnect: async (instance, record) => {
            if (instance.instanceId === postgresBackedInstanceId) await backing.applyAccess(instance, record);
            await options.applyConnect?.(instance, record);
          },
          attachEndpoint: (instance, endpoint) => {
            if (instance.instanceId === postgresBackedInstanceId) backing.attachEndpoint(endpoint);
            options.attachEndpoint?.(instance, endpoint);
          },
        }
      : {}),
  });
  const backed = sandbox.instances.get(postgresBackedInstanceId);
  if (backed && options.fresh) backed.endpoints = backed.endpoints.filter((endpoint) => endpoint.ipType !== 'Public');
  if (backing && backed) backing.attach(backed);
  try {
    // With "this computer" placed elsewhere than 127.0.0.1, the cluster starts with the whitelist applied.
    if (backing && backed && options.clientAddress) await backing.applyAccess(backed, sandbox.connect.of(backed));
    await sandbox.start();
  } catch (error) {
    await backing?.stop();
    throw error;
  }
  const info: SandboxInfo = {
    endpoint: sandbox.endpoint,
    accessKeyId: sandbox.accessKey.accessKeyId,
    accessKeySecret: sandbox.accessKey.accessKeySecret,
    regionId: 'cn-hangzhou',
    ...(backing ? { postgres: { instanceId: postgresBackedInstanceId, port: backing.port } } : {}),
  };
  return {
    sandbox,
    backing,
    info,
    async stop() {
      await sandbox.close();
      await backing?.stop();
    },
  };
}

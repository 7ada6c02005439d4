// The RDS sandbox's public API: a local RDS service for tests, the demo and `rdspg sandbox`.
import { PostgresBacking } from './postgres-backing';
import { RdsSandbox, type SandboxOptions } from './sandbox-server';
import { postgresBackedInstanceId } from './seed';

export type { SandboxAccessKey } from './authenticate';
export type { SandboxFaults } from './faults';
export { RdsSandbox, type SandboxOptions, type SandboxStats } from './sandbox-server';
export { postgresBackedInstanceId } from './seed';

/** What `rdspg sandbox` prints when it is ready: how to reach it and with which AccessKey. */
export interface SandboxInfo {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  regionId: string;
  /** With --postgres: the instance backed by the real cluster, and the cluster's loopback port. */
  postgres?: { instanceId: string; port: number };
}

/** A running sandbox, with its optional PostgreSQL backing. */
export interface StartedSandbox {
  sandbox: RdsSandbox;
  backing: PostgresBacking | null;
  info: SandboxInfo;
  stop(): Promise<void>;
}

/** Starts a sandbox; with `postgres`, one PostgreSQL 16 instance is backed by a real local cluster. */
export async function startSandbox(
  options: SandboxOptions & { postgres?: boolean; clientAddress?: string } = {},
): Promise<StartedSandbox> {
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
        }
      : {}),
  });
  const backed = sandbox.instances.get(postgresBackedInstanceId);
  if (backing && backed) backing.attach(backed);
  // With "this computer" placed elsewhere than 127.0.0.1, the cluster starts with the whitelist applied.
  if (backing && backed && options.clientAddress) await backing.applyAccess(backed, sandbox.connect.of(backed));
  try {
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
    ...(backing ? { postgres: { instanceId: postgresBackedInstanceId, port: backing.cluster.port } } : {}),
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

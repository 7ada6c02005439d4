import { type ClusterSettings, LocalPostgresCluster } from '../local-postgres/cluster';
import type { SandboxInstance, SandboxSsl } from './model';

/** pg_hba.conf lines for the SSL settings: the client CA's ACL decides how client certificates are checked. */
export function hbaFor(ssl: SandboxSsl): string[] {
  if (!ssl.enabled) return ['host all all 127.0.0.1/32 trust'];
  if (!ssl.clientCaEnabled) return ['host all all 127.0.0.1/32 trust'];
  switch (ssl.acl) {
    case 'cert':
      return ['hostssl all all 127.0.0.1/32 cert'];
    case 'verify-ca':
      return ['hostssl all all 127.0.0.1/32 trust clientcert=verify-ca'];
    case 'verify-full':
      return ['hostssl all all 127.0.0.1/32 trust clientcert=verify-full'];
    default:
      return ['host all all 127.0.0.1/32 trust'];
  }
}

/** The cluster settings that serve an instance's SSL settings. */
export function clusterSettingsFor(ssl: SandboxSsl): ClusterSettings {
  if (!ssl.enabled || !ssl.serverCert || !ssl.serverKey) return { tls: null, hba: hbaFor(ssl) };
  return {
    tls: {
      certificatePem: ssl.serverCert,
      keyPem: ssl.serverKey,
      ...(ssl.clientCaEnabled && ssl.clientCaCert ? { clientCaPem: ssl.clientCaCert } : {}),
      ...(ssl.clientCrlEnabled && ssl.clientCrl ? { crlPem: ssl.clientCrl } : {}),
    },
    hba: hbaFor(ssl),
  };
}

/**
 * A real local PostgreSQL cluster behind one sandbox instance: its endpoints point at the cluster's port, and
 * every SSL change is applied to it with a restart, as RDS restarts the instance.
 */
export class PostgresBacking {
  private constructor(readonly cluster: LocalPostgresCluster) {}

  /** Creates and starts the cluster (no TLS until SSL is enabled). */
  static async start(): Promise<PostgresBacking> {
    const cluster = await LocalPostgresCluster.create({ tls: null, hba: ['host all all 127.0.0.1/32 trust'] });
    await cluster.start();
    return new PostgresBacking(cluster);
  }

  /** Points every endpoint of the instance at the cluster's loopback port. */
  attach(instance: SandboxInstance): void {
    for (const endpoint of instance.endpoints) endpoint.port = this.cluster.port;
  }

  /** Applies new SSL settings with a restart (the sandbox calls this while the instance is SSL_MODIFYING). */
  async apply(next: SandboxSsl): Promise<void> {
    await this.cluster.restart(clusterSettingsFor(next));
  }

  /** Stops the cluster and removes its files. */
  async stop(): Promise<void> {
    await this.cluster.destroy();
  }
}

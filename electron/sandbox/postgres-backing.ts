import { acceptsPlain } from '../../shared/rds-ssl-enforcement';
import { entryCovers } from '../../shared/rds-whitelist';
import { type ClusterSettings, LocalPostgresCluster } from '../local-postgres/cluster';
import type { SandboxConnectRecord } from './connect-state';
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

/**
 * The pg_hba lines once the whitelist or the pg_hba entries were changed through the API: every loopback
 * connection counts as coming from `clientAddress` ("this computer"), refused unless a whitelist group covers it;
 * with no `host` entry left in the instance's pg_hba, the SSL lines become `hostssl`.
 */
export function accessHbaFor(ssl: SandboxSsl, record: SandboxConnectRecord, clientAddress: string): string[] {
  const allowed = record.whitelist.some((group) => group.ips.some((entry) => entryCovers(entry, clientAddress)));
  if (!allowed) return ['host all all 127.0.0.1/32 reject'];
  const lines = hbaFor(ssl);
  return acceptsPlain(record.hba) ? lines : lines.map((line) => line.replace(/^host /, 'hostssl '));
}

/** The cluster settings that serve an instance's SSL settings (and its access settings once changed). */
export function clusterSettingsFor(
  ssl: SandboxSsl,
  access?: { record: SandboxConnectRecord; clientAddress: string },
): ClusterSettings {
  const hba = access ? accessHbaFor(ssl, access.record, access.clientAddress) : hbaFor(ssl);
  if (!ssl.enabled || !ssl.serverCert || !ssl.serverKey) return { tls: null, hba };
  return {
    tls: {
      certificatePem: ssl.serverCert,
      keyPem: ssl.serverKey,
      ...(ssl.clientCaEnabled && ssl.clientCaCert ? { clientCaPem: ssl.clientCaCert } : {}),
      ...(ssl.clientCrlEnabled && ssl.clientCrl ? { crlPem: ssl.clientCrl } : {}),
    },
    hba,
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A real local PostgreSQL cluster behind one sandbox instance: its endpoints point at the cluster's port, and
 * every SSL change is applied to it with a restart, as RDS restarts the instance.
 */
export class PostgresBacking {
  private access: { record: SandboxConnectRecord; clientAddress: string } | null = null;
  private ssl: SandboxSsl | null = null;

  private constructor(
    readonly cluster: LocalPostgresCluster,
    private readonly clientAddress: string,
  ) {}

  /** Creates and starts the cluster (no TLS until SSL is enabled). */
  static async start(clientAddress = '127.0.0.1'): Promise<PostgresBacking> {
    const cluster = await LocalPostgresCluster.create({ tls: null, hba: ['host all all 127.0.0.1/32 trust'] });
    await cluster.start();
    return new PostgresBacking(cluster, clientAddress);
  }

  /** Points every endpoint of the instance at the cluster's loopback port. */
  attach(instance: SandboxInstance): void {
    for (const endpoint of instance.endpoints) endpoint.port = this.cluster.port;
  }

  /** Applies new SSL settings with a restart (the sandbox calls this while the instance is SSL_MODIFYING). */
  async apply(next: SandboxSsl): Promise<void> {
    this.ssl = next;
    await this.cluster.restart(clusterSettingsFor(next, this.access ?? undefined));
  }

  /**
   * Applies the whitelist and pg_hba entries with a reload, and makes every database account a real login role
   * (privileged accounts get CREATEDB and CREATEROLE, as RDS's privileged accounts have; not SUPERUSER).
   */
  async applyAccess(instance: SandboxInstance, record: SandboxConnectRecord): Promise<void> {
    this.access = { record, clientAddress: this.clientAddress };
    const ssl = this.ssl ?? instance.ssl;
    await this.cluster.reload(clusterSettingsFor(ssl, this.access));
    for (const account of record.accounts) {
      const exists = await this.cluster.sql(`SELECT 1 FROM pg_roles WHERE rolname = ${quoteLiteral(account.name)}`);
      const options = `LOGIN PASSWORD ${quoteLiteral(account.password)}${account.type === 'Super' ? ' CREATEDB CREATEROLE' : ''}`;
      const verb = exists.length ? 'ALTER' : 'CREATE';
      await this.cluster.sql(`${verb} ROLE ${quoteIdentifier(account.name)} ${options}`);
    }
  }

  /** Stops the cluster and removes its files. */
  async stop(): Promise<void> {
    await this.cluster.destroy();
  }
}

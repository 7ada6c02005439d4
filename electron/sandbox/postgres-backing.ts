import { entryCovers } from '../../shared/rds-whitelist';
import { type ClusterSettings, LocalPostgresCluster } from '../local-postgres/cluster';
import { ClientRelay, isLoopbackAddress } from './client-relay';
import type { SandboxConnectRecord } from './connect-state';
import type { SandboxEndpoint, SandboxInstance, SandboxSsl } from './model';

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

/** A whitelist entry or pg_hba address as a CIDR block (a bare address is /32). */
function cidr(entry: string): string {
  return entry.includes('/') ? entry : `${entry}/32`;
}

/** The narrower of an entry's address and a whitelist entry, or null when they do not overlap. */
function overlap(itemAddress: string, entry: string): string | null {
  const base = (text: string) => text.split('/')[0] ?? '';
  if (entryCovers(cidr(itemAddress), base(entry))) return cidr(entry);
  if (entryCovers(cidr(entry), base(itemAddress))) return cidr(itemAddress);
  return null;
}

/**
 * How an entry reads once a client CA with an enforcing ACL is configured (ModifyDBInstanceSSL's ACL: `cert`,
 * `verify-ca`, `verify-full`; the "forcefully enable SSL connections" page): only SSL connections with a client
 * certificate get in, as PostgreSQL's `hostssl … cert` and `clientcert=` express it. `prefer` changes nothing.
 */
function withAcl(ssl: SandboxSsl, item: { type: string; method: string; option: string }) {
  if (!ssl.enabled || !ssl.clientCaEnabled) return item;
  if (ssl.acl === 'cert') return { type: 'hostssl', method: 'cert', option: '' };
  if (ssl.acl === 'verify-ca' || ssl.acl === 'verify-full') {
    return {
      type: 'hostssl',
      method: item.method,
      option: [item.option, `clientcert=${ssl.acl}`].filter(Boolean).join(' '),
    };
  }
  return item;
}

/**
 * The cluster's pg_hba lines once the whitelist, the pg_hba entries or the accounts were changed through the API:
 * - The whitelist is RDS's filter in front of PostgreSQL (the whitelist page: only listed addresses may connect);
 *   each entry of every group becomes the address of the instance's entries, so a client outside it gets
 *   PostgreSQL's own "no pg_hba.conf entry for host" refusal naming its address.
 * - The instance's entries (DescribePGHbaConfig / ModifyPGHbaConfig) keep their type, database, user, method and
 *   options: `hostssl` refuses plain connections, md5 asks accounts for their passwords.
 * - A client CA with ACL cert, verify-ca or verify-full turns every entry into `hostssl` with a client certificate.
 * The `postgres` superuser has no TCP entry of its own: RDS users cannot log in as postgres (it keeps the socket).
 */
export function accessHbaFor(ssl: SandboxSsl, record: SandboxConnectRecord): string[] {
  const entries = [...new Set(record.whitelist.flatMap((group) => group.ips))];
  const lines: string[] = [];
  for (const item of record.hba) {
    if (!['host', 'hostssl', 'hostnossl'].includes(item.type)) continue;
    const { type, method, option } = withAcl(ssl, item);
    for (const entry of entries) {
      const address = overlap(item.address, entry);
      if (address) lines.push([type, item.database, item.user, address, method, option].filter(Boolean).join(' '));
    }
  }
  return lines;
}

/** The cluster settings that serve an instance's SSL settings (and its access settings once changed). */
export function clusterSettingsFor(ssl: SandboxSsl, access?: { record: SandboxConnectRecord }): ClusterSettings {
  const hba = access ? accessHbaFor(ssl, access.record) : hbaFor(ssl);
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
 * A real local PostgreSQL cluster behind one sandbox instance: its endpoints point at the relay standing for the
 * network (connections arrive from "this computer"'s address), and every SSL change is applied to the cluster
 * with a restart, as RDS restarts the instance.
 */
export class PostgresBacking {
  private access: { record: SandboxConnectRecord } | null = null;
  private ssl: SandboxSsl | null = null;

  private constructor(
    readonly cluster: LocalPostgresCluster,
    private readonly relay: ClientRelay,
  ) {}

  /**
   * Creates and starts the cluster (no TLS until SSL is enabled) and the relay. `clientAddress` is the address the
   * sandbox takes this computer to have: a 127.x.y.z address, so that PostgreSQL sees it (default 127.0.0.1).
   */
  static async start(clientAddress = '127.0.0.1'): Promise<PostgresBacking> {
    if (!isLoopbackAddress(clientAddress)) {
      throw new Error(`--client-address must be an IPv4 address in 127.0.0.0/8, not "${clientAddress}"`);
    }
    const cluster = await LocalPostgresCluster.create({ tls: null, hba: ['host all all 127.0.0.1/32 trust'] });
    try {
      await cluster.start();
      return new PostgresBacking(cluster, await ClientRelay.start(cluster.port, clientAddress));
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
  }

  /** The loopback port every endpoint of the backed instance answers on. */
  get port(): number {
    return this.relay.port;
  }

  /**
   * Points an endpoint at the relay: its port, and 127.0.0.1 as the IPAddress DescribeDBInstanceNetInfo reports
   * (the sandbox's host names resolve nowhere, so clients reach them with hostaddr=127.0.0.1, as libpq allows).
   */
  attachEndpoint(endpoint: SandboxEndpoint): void {
    endpoint.port = this.relay.port;
    endpoint.ipAddress = '127.0.0.1';
  }

  /** Points every endpoint of the instance at the relay. */
  attach(instance: SandboxInstance): void {
    for (const endpoint of instance.endpoints) this.attachEndpoint(endpoint);
  }

  /** Applies new SSL settings with a restart (the sandbox calls this while the instance is SSL_MODIFYING). */
  async apply(next: SandboxSsl): Promise<void> {
    this.ssl = next;
    await this.cluster.restart(clusterSettingsFor(next, this.access ?? undefined));
  }

  /**
   * Makes every database account a real role (privileged accounts get CREATEDB and CREATEROLE, as RDS's have; not
   * SUPERUSER; a locked account cannot log in: LockAccount's reference), then applies the whitelist and the pg_hba
   * entries with a reload (no restart, as for ModifyPGHbaConfig).
   */
  async applyAccess(instance: SandboxInstance, record: SandboxConnectRecord): Promise<void> {
    for (const account of record.accounts) {
      const exists = await this.cluster.sql(`SELECT 1 FROM pg_roles WHERE rolname = ${quoteLiteral(account.name)}`);
      const login = account.locked ? 'NOLOGIN' : 'LOGIN';
      const options = `${login} PASSWORD ${quoteLiteral(account.password)}${account.type === 'Super' ? ' CREATEDB CREATEROLE' : ''}`;
      const verb = exists.length ? 'ALTER' : 'CREATE';
      await this.cluster.sql(`${verb} ROLE ${quoteIdentifier(account.name)} ${options}`);
    }
    this.access = { record };
    await this.cluster.reload(clusterSettingsFor(this.ssl ?? instance.ssl, this.access));
  }

  /** Stops the relay and the cluster and removes its files. */
  async stop(): Promise<void> {
    await this.relay.close();
    await this.cluster.destroy();
  }
}

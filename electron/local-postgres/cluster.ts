import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { clusterOwner, findPostgresProgram } from './binaries';

const run = promisify(execFile);

/** The TLS material a cluster serves: PEM texts, written into the cluster's folder. */
export interface ClusterTls {
  certificatePem: string;
  keyPem: string;
  /** CA certificates that client certificates must chain to (ssl_ca_file). */
  clientCaPem?: string;
  /** Revoked client certificates (ssl_crl_file). */
  crlPem?: string;
  minProtocol?: string;
  maxProtocol?: string;
}

/** How a throwaway cluster is laid out and who may connect. */
export interface ClusterSettings {
  tls?: ClusterTls | null;
  /** pg_hba.conf lines after `local all all trust`, e.g. `hostssl all all 127.0.0.1/32 scram-sha-256`. */
  hba?: string[];
}

/** Finds a free TCP port on loopback. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** True when nothing listens on `port` at `host` (binding it succeeds). */
async function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * A throwaway PostgreSQL cluster on a free loopback port (initdb + pg_ctl), run as the postgres user when we are
 * root. Used by the tests and by the RDS sandbox's `--postgres` mode.
 */
export class LocalPostgresCluster {
  private constructor(
    /** The cluster's data folder (also its Unix socket folder). */
    readonly folder: string,
    private listenPort: number,
    private settings: ClusterSettings,
  ) {}

  /** The TCP port it listens on (another free one if its first was taken before it started). */
  get port(): number {
    return this.listenPort;
  }

  /** Creates and configures a new cluster in a fresh temporary folder; call start() next. */
  static async create(settings: ClusterSettings = {}): Promise<LocalPostgresCluster> {
    const folder = await mkdtemp(join(tmpdir(), 'rdspg-cluster-'));
    const owner = clusterOwner();
    if (owner) await chown(folder, owner.uid, owner.gid);
    await chmod(folder, 0o700);
    const cluster = new LocalPostgresCluster(folder, await freePort(), settings);
    await cluster.asOwner('initdb', [
      '-D',
      join(folder, 'data'),
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    await cluster.configure(settings);
    return cluster;
  }

  private get dataFolder(): string {
    return join(this.folder, 'data');
  }

  private async asOwner(program: string, args: string[]): Promise<string> {
    const path = findPostgresProgram(program);
    if (!path) throw new Error(`${program} was not found; install PostgreSQL (apt-get install postgresql)`);
    const owner = clusterOwner();
    const [command, commandArgs] = owner ? ['runuser', ['-u', owner.user, '--', path, ...args]] : [path, args];
    const { stdout } = await run(command, commandArgs, { cwd: tmpdir() });
    return stdout;
  }

  private async writeOwned(name: string, text: string, mode = 0o600): Promise<string> {
    const path = join(this.dataFolder, name);
    await writeFile(path, text, { mode });
    const owner = clusterOwner();
    if (owner) await chown(path, owner.uid, owner.gid);
    await chmod(path, mode);
    return path;
  }

  /** Rewrites the TLS files, pg_hba.conf and the settings; takes effect on start, restart or reload. */
  async configure(settings: ClusterSettings): Promise<void> {
    this.settings = settings;
    const lines = [
      "listen_addresses = '127.0.0.1'",
      `port = ${this.port}`,
      `unix_socket_directories = '${this.folder}'`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'shared_buffers = 16MB',
      'max_connections = 60',
      "password_encryption = 'scram-sha-256'",
      'log_min_messages = fatal',
    ];
    const tls = settings.tls;
    if (tls) {
      lines.push('ssl = on');
      lines.push(`ssl_cert_file = '${await this.writeOwned('server.crt', tls.certificatePem)}'`);
      lines.push(`ssl_key_file = '${await this.writeOwned('server.key', tls.keyPem)}'`);
      lines.push(`ssl_ca_file = '${tls.clientCaPem ? await this.writeOwned('client-ca.crt', tls.clientCaPem) : ''}'`);
      lines.push(`ssl_crl_file = '${tls.crlPem ? await this.writeOwned('client.crl', tls.crlPem) : ''}'`);
      lines.push(`ssl_min_protocol_version = '${tls.minProtocol ?? 'TLSv1.2'}'`);
      lines.push(`ssl_max_protocol_version = '${tls.maxProtocol ?? ''}'`);
    } else {
      lines.push('ssl = off');
    }
    await this.writeOwned('rdspg.conf', `${lines.join('\n')}\n`);
    await this.writeOwned('postgresql.conf', "include_if_exists = 'rdspg.conf'\n");
    const hba = ['local all all trust', ...(settings.hba ?? ['host all all 127.0.0.1/32 trust'])];
    await this.writeOwned('pg_hba.conf', `${hba.join('\n')}\n`);
  }

  /**
   * Starts the server and waits until it accepts connections. The port create() found free can be taken by the time
   * the server binds it (freePort's ports come from the kernel's ephemeral range, where any outgoing connection of a
   * parallel test takes its local port; seen once in a CI run): then the server starts on another free port.
   */
  async start(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.serverControl(['-w', '-t', '60', 'start']);
        return;
      } catch (error) {
        if (attempt >= 5 || (await portIsFree(this.listenPort, '127.0.0.1'))) throw error;
        this.listenPort = await freePort();
        await this.configure(this.settings);
      }
    }
  }

  /** pg_ctl on this cluster's data folder, the server writing its log to server.log in the cluster's folder. */
  private async serverControl(args: string[]): Promise<void> {
    await this.asOwner('pg_ctl', ['-D', this.dataFolder, '-l', join(this.folder, 'server.log'), ...args]);
  }

  /** Re-reads the configuration (TLS files and pg_hba.conf included) without a restart. */
  async reload(settings: ClusterSettings = this.settings): Promise<void> {
    await this.configure(settings);
    await this.asOwner('pg_ctl', ['-D', this.dataFolder, 'reload']);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  /** Stops and starts the server, as an RDS instance restarts when its SSL settings change. */
  async restart(settings: ClusterSettings = this.settings): Promise<void> {
    await this.configure(settings);
    await this.serverControl(['-m', 'fast', '-w', 'restart']);
  }

  /** Runs SQL as the superuser over the Unix socket (trust), returning the rows. */
  async sql(text: string): Promise<Record<string, unknown>[]> {
    const client = new pg.Client({ host: this.folder, port: this.port, user: 'postgres', database: 'postgres' });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  }

  /** Stops the server and deletes its folder. */
  async destroy(): Promise<void> {
    await this.asOwner('pg_ctl', ['-D', this.dataFolder, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await rm(this.folder, { recursive: true, force: true });
  }
}

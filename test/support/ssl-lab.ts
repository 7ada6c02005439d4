import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClusterSettings, LocalPostgresCluster } from '../../electron/local-postgres/cluster';
import { type Issued, TestAuthority } from './pki';

/** The kinds of server the differential tests cross with every sslmode. */
export type ServerKind = 'sslAny' | 'sslOnly' | 'noSsl' | 'plainOnly' | 'certAuth' | 'variant';

/** Everything the differential tests connect to: CAs, certificates, files, homes and running servers. */
export interface SslLab {
  folder: string;
  root: TestAuthority;
  intermediate: TestAuthority;
  foreign: TestAuthority;
  clientCa: TestAuthority;
  server: Issued;
  files: { root: string; foreign: string; bundle: string };
  clusters: Record<ServerKind, LocalPostgresCluster>;
  /** The servers a conninfo or environment text names by port (whose connections a test watches). */
  clustersIn(text: string): LocalPostgresCluster[];
  /** A HOME folder; `root` places a root.crt (and optionally more files) at libpq's default location. */
  home(name: string, files?: Record<string, string>): Promise<string>;
  /** Reloads the variant server with another certificate or TLS limits. */
  reloadVariant(
    certificate: Issued,
    chainPem?: string,
    extra?: Partial<NonNullable<ClusterSettings['tls']>>,
  ): Promise<void>;
  destroy(): Promise<void>;
}

const scram = (line: string) => [line.replace('METHOD', 'scram-sha-256')];

/** Builds the lab: a root CA with an intermediate, a foreign CA, a client CA and five servers. */
export async function createSslLab(): Promise<SslLab> {
  const folder = await mkdtemp(join(tmpdir(), 'rdspg-lab-'));
  const root = await TestAuthority.createRoot(join(folder, 'root'), 'Lab Root CA');
  const intermediate = await root.createIntermediate('Lab Intermediate CA');
  const foreign = await TestAuthority.createRoot(join(folder, 'foreign'), 'Foreign Root CA');
  const clientCa = await TestAuthority.createRoot(join(folder, 'client-ca'), 'Lab Client CA');
  const server = await intermediate.issue({
    commonName: 'pg.lab.test',
    dns: ['localhost', '*.rds.test'],
    ips: ['127.0.0.1'],
    fileName: 'server',
  });
  const files = { root: root.own.certPath, foreign: foreign.own.certPath, bundle: join(folder, 'bundle.crt') };
  await writeFile(files.bundle, foreign.certPem + root.certPem);
  const tls = { certificatePem: server.certPem + intermediate.certPem, keyPem: server.keyPem };
  const trusty = 'host all trusty 127.0.0.1/32 trust';
  const settings: Record<ServerKind, ClusterSettings> = {
    sslAny: {
      tls,
      hba: [
        trusty,
        'hostssl all mixed 127.0.0.1/32 scram-sha-256',
        'hostnossl all mixed 127.0.0.1/32 trust',
        ...scram('host all all 127.0.0.1/32 METHOD'),
      ],
    },
    sslOnly: {
      tls,
      hba: [
        'hostssl all trusty 127.0.0.1/32 trust',
        ...scram('hostssl all all 127.0.0.1/32 METHOD'),
        'hostnossl all all 127.0.0.1/32 reject',
      ],
    },
    noSsl: { tls: null, hba: scram('host all all 127.0.0.1/32 METHOD') },
    plainOnly: { tls, hba: [...scram('hostnossl all all 127.0.0.1/32 METHOD'), 'hostssl all all 127.0.0.1/32 reject'] },
    certAuth: {
      tls: { ...tls, clientCaPem: clientCa.certPem },
      hba: ['hostssl all all 127.0.0.1/32 cert', 'hostnossl all all 127.0.0.1/32 reject'],
    },
    variant: { tls, hba: scram('hostssl all all 127.0.0.1/32 METHOD') },
  };
  const clusters = {} as Record<ServerKind, LocalPostgresCluster>;
  for (const [kind, value] of Object.entries(settings) as [ServerKind, ClusterSettings][]) {
    clusters[kind] = await LocalPostgresCluster.create(value);
    await clusters[kind].start();
    await clusters[kind].sql(
      "alter user postgres password 'secret'; create user trusty password 'secret'; create user mixed password 'secret'",
    );
  }
  return {
    folder,
    root,
    intermediate,
    foreign,
    clientCa,
    server,
    files,
    clusters,
    clustersIn(text) {
      return Object.values(clusters).filter((cluster) => new RegExp(`\\b${cluster.port}\\b`).test(text));
    },
    async home(name, homeFiles = {}) {
      const home = join(folder, 'homes', name);
      await mkdir(join(home, '.postgresql'), { recursive: true });
      for (const [file, text] of Object.entries(homeFiles)) {
        await writeFile(join(home, file), text);
        await chmod(join(home, file), 0o600);
      }
      return home;
    },
    async reloadVariant(certificate, chainPem = '', extra = {}) {
      await clusters.variant.reload({
        ...settings.variant,
        tls: { certificatePem: certificate.certPem + chainPem, keyPem: certificate.keyPem, ...extra },
      });
    },
    async destroy() {
      await Promise.all(Object.values(clusters).map((cluster) => cluster.destroy()));
      await rm(folder, { recursive: true, force: true });
    },
  };
}

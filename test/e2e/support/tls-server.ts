import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { TestAuthority } from '../../support/pki';

/** A real PostgreSQL over TLS 1.3 with a certificate from a test root CA, plus a root CA from elsewhere. */
export interface TlsServer {
  cluster: LocalPostgresCluster;
  root: TestAuthority;
  foreign: TestAuthority;
  password: string;
  destroy(): Promise<void>;
}

/** Starts the server: certificate for 127.0.0.1 and localhost, SSL only, scram passwords. */
export async function startTlsServer(): Promise<TlsServer> {
  const folder = await mkdtemp(join(tmpdir(), 'rdspg-e2e-pki-'));
  const root = await TestAuthority.createRoot(join(folder, 'root'), 'E2E Root CA');
  const foreign = await TestAuthority.createRoot(join(folder, 'foreign'), 'Another Root CA');
  const server = await root.issue({ commonName: 'localhost', dns: ['localhost'], ips: ['127.0.0.1'] });
  const cluster = await LocalPostgresCluster.create({
    tls: { certificatePem: server.certPem, keyPem: server.keyPem, minProtocol: 'TLSv1.3' },
    hba: ['hostssl all all 127.0.0.1/32 scram-sha-256', 'hostnossl all all 127.0.0.1/32 reject'],
  });
  await cluster.start();
  const password = 'e2e-pa55-word';
  await cluster.sql(`alter user postgres password '${password}'`);
  return {
    cluster,
    root,
    foreign,
    password,
    async destroy() {
      await cluster.destroy();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

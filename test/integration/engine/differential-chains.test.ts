import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkChain, prepareRoots } from '../../../electron/engine/chain-check';
import type { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { startCluster } from '../../support/cluster';
import { nothingOpen } from '../../support/leftovers';
import { type Issued, TestAuthority } from '../../support/pki';
import { cleanEnvironment, compareClients } from '../../support/reference-client';

// Chain shapes: the engine checks a plain chain itself (chain-check.ts, no CA in the first TLS context) and leaves
// every other shape to OpenSSL. For each shape psql and the engine must agree, and the quick check must vouch only
// for the plain ones. The server presents each chain in turn (ssl_cert_file with the intermediates, then a reload).

const run = promisify(execFile);
const hba = ['hostssl all all 127.0.0.1/32 scram-sha-256'];
let folder: string;
let root: TestAuthority;
let cluster: LocalPostgresCluster;

/** A server chain: the certificate and key the server presents, what it sends above it, and the root file's content. */
interface Shape {
  server: Issued;
  sent: string[];
  rootFile: string[];
  /** Whether libpq connects with verify-full (what psql does is asserted too). */
  connects: boolean;
  /** Whether the quick check vouches for it (otherwise OpenSSL decides). */
  quick: boolean;
  /** False where PostgreSQL will not serve it (Debian's OpenSSL security level 2 refuses SHA-1 certificates). */
  served?: false;
}
const shapes: Record<string, Shape> = {};

async function make(): Promise<void> {
  const names = 'subjectAltName=DNS:localhost';
  const leaf = 'basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature';
  const middle = await root.createIntermediate('Middle CA');
  const plain = await middle.issue({ commonName: 'localhost', dns: ['localhost'] });
  const add = (name: string, shape: Shape) => {
    shapes[name] = shape;
  };
  add('leaf, intermediate sent, root in the file', {
    server: plain,
    sent: [middle.certPem],
    rootFile: [root.certPem],
    connects: true,
    quick: true,
  });
  add('leaf only, intermediate and root in the file', {
    server: plain,
    sent: [],
    rootFile: [middle.certPem, root.certPem],
    connects: true,
    quick: true,
  });
  add('intermediate neither sent nor in the file', {
    server: plain,
    sent: [],
    rootFile: [root.certPem],
    connects: false,
    quick: false,
  });
  add('only the intermediate in the file (no partial chains)', {
    server: plain,
    sent: [],
    rootFile: [middle.certPem],
    connects: false,
    quick: false,
  });
  const notCa = await root.createIntermediate('Not A CA', { extensions: 'basicConstraints=CA:FALSE' });
  add('intermediate with CA:FALSE', {
    server: await notCa.issue({ commonName: 'localhost', dns: ['localhost'] }),
    sent: [notCa.certPem],
    rootFile: [root.certPem],
    connects: false,
    quick: false,
  });
  const noCertSign = await root.createIntermediate('No CertSign', {
    extensions: 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,digitalSignature',
  });
  add('intermediate without keyCertSign', {
    server: await noCertSign.issue({ commonName: 'localhost', dns: ['localhost'] }),
    sent: [noCertSign.certPem],
    rootFile: [root.certPem],
    connects: false,
    quick: false,
  });
  const zero = await root.createIntermediate('Path Zero', {
    extensions: 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign',
  });
  const below = await zero.createIntermediate('Below Zero');
  add('path length 0 exceeded', {
    server: await below.issue({ commonName: 'localhost', dns: ['localhost'] }),
    sent: [below.certPem, zero.certPem],
    rootFile: [root.certPem],
    connects: false,
    quick: false,
  });
  const expired = await root.createIntermediate('Expired CA', { validity: 'expired' });
  add('expired intermediate', {
    server: await expired.issue({ commonName: 'localhost', dns: ['localhost'] }),
    sent: [expired.certPem],
    rootFile: [root.certPem],
    connects: false,
    quick: false,
  });
  add('leaf for clients only (extendedKeyUsage clientAuth)', {
    server: await root.issue({ commonName: 'localhost', dns: ['localhost'], purpose: 'client' }),
    sent: [],
    rootFile: [root.certPem],
    connects: false,
    quick: false,
  });
  add('leaf with an unknown critical extension', {
    server: await root.issue({ commonName: 'localhost', extensions: `${leaf}\n${names}\n1.2.3.4=critical,ASN1:NULL` }),
    sent: [],
    rootFile: [root.certPem],
    connects: false,
    quick: false,
  });
  add('leaf with keyUsage dataEncipherment only', {
    server: await root.issue({
      commonName: 'localhost',
      extensions: `basicConstraints=CA:FALSE\nkeyUsage=critical,dataEncipherment\n${names}`,
      keyType: 'rsa',
    }),
    sent: [],
    rootFile: [root.certPem],
    connects: false,
    quick: false,
  });
  add('leaf signed with SHA-1', {
    server: await root.issue({ commonName: 'localhost', dns: ['localhost'], digest: 'sha1' }),
    sent: [],
    rootFile: [root.certPem],
    connects: false,
    quick: false,
    served: false,
  });
  add('expired leaf', {
    server: await root.issue({ commonName: 'localhost', dns: ['localhost'], validity: 'expired' }),
    sent: [],
    rootFile: [root.certPem],
    connects: false,
    quick: false,
  });
}

/** The fingerprint of the certificate the server presents now (openssl s_client, STARTTLS for PostgreSQL). */
async function presented(): Promise<string | null> {
  const answer = run('openssl', ['s_client', '-starttls', 'postgres', '-connect', `127.0.0.1:${cluster.port}`], {
    timeout: 10_000,
  });
  answer.child.stdin?.end();
  try {
    const pem = (await answer).stdout.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/)?.[0];
    return pem ? new X509Certificate(pem).fingerprint256 : null;
  } catch {
    return null;
  }
}

/** Makes the server present this shape's chain, and waits until it does. */
async function present(name: string, shape: Shape): Promise<void> {
  await cluster.reload({
    tls: { certificatePem: [shape.server.certPem, ...shape.sent].join(''), keyPem: shape.server.keyPem },
    hba,
  });
  const wanted = new X509Certificate(shape.server.certPem).fingerprint256;
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await presented()) === wanted) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`the server never presented the certificate of "${name}" after the reload`);
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-chains-'));
  root = await TestAuthority.createRoot(join(folder, 'root'), 'Chains Root');
  await make();
  const first = Object.values(shapes)[0]!;
  cluster = await startCluster({
    tls: { certificatePem: first.server.certPem, keyPem: first.server.keyPem },
    hba,
    sql: ["alter user postgres password 'chain-pa55'"],
  });
}, 180_000);

afterAll(async () => {
  await cluster?.destroy();
  await rm(folder, { recursive: true, force: true });
});

describe('server chains: psql and the engine agree, and the quick check vouches only for plain chains', () => {
  it('every shape', { timeout: 300_000 }, async () => {
    const home = await mkdtemp(join(folder, 'home-'));
    for (const [name, shape] of Object.entries(shapes)) {
      const sent = [shape.server.certPem, ...shape.sent].map((pem) => new X509Certificate(pem));
      const roots = shape.rootFile.map((pem) => new X509Certificate(pem));
      expect(checkChain(sent, roots) !== null, `quick check: ${name}`).toBe(shape.quick);
      // Roots prepared before the server's certificates arrive, as the engine does during the handshake: same verdict.
      const prepared = shape.rootFile.map((pem) => new X509Certificate(pem));
      prepareRoots(prepared);
      expect(checkChain(sent, prepared) !== null, `quick check, prepared roots: ${name}`).toBe(shape.quick);
      if (shape.served === false) continue;

      const rootFile = join(home, `${name.replace(/\W+/g, '-')}.crt`);
      await writeFile(rootFile, shape.rootFile.join(''));
      await present(name, shape);
      const conninfo = `host=localhost hostaddr=127.0.0.1 port=${cluster.port} user=postgres password=chain-pa55 dbname=postgres sslmode=verify-full sslrootcert=${rootFile}`;
      const { psql, ours, leftovers } = await compareClients(conninfo, cleanEnvironment(home), [cluster]);
      expect(psql.connected, `psql: ${name}: ${psql.detail}`).toBe(shape.connects);
      expect(ours.connected, `ours: ${name}: ${ours.detail}\npsql: ${psql.detail}`).toBe(psql.connected);
      expect(leftovers.ours, name).toEqual(nothingOpen([cluster]));
    }
  });
});

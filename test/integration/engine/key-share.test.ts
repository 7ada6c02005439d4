// The ClientHello's key shares (tls-material.ts, offeredGroups): PostgreSQL 15 accepts P-256 only by default, so a
// first ClientHello with X25519 alone (psql's, on OpenSSL 3.0) is answered with a HelloRetryRequest and sent again.
// A relay between client and server counts the ClientHellos of each connection.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConninfo } from '../../../electron/engine';
import { openConnection } from '../../../electron/engine/pg-client';
import { contextOfferingGroups, offeredGroups } from '../../../electron/engine/tls-material';
import type { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { startCluster } from '../../support/cluster';
import { TestAuthority } from '../../support/pki';

const run = promisify(execFile);
const password = 'key share test';
let folder: string;
let cluster: LocalPostgresCluster;
let rootFile: string;
let relay: { port: number; hellos: number[]; close(): Promise<void> };

/** The ClientHellos in what a client sent after its SSLRequest: TLS handshake records whose message type is 1. */
function clientHellos(bytes: Buffer): number {
  let offset = bytes.subarray(0, 8).equals(Buffer.from([0, 0, 0, 8, 4, 210, 22, 47])) ? 8 : 0;
  let count = 0;
  while (offset + 5 <= bytes.length) {
    const length = bytes.readUInt16BE(offset + 3);
    if (bytes[offset] === 22 && bytes[offset + 5] === 1) count += 1;
    offset += 5 + length;
  }
  return count;
}

/** Forwards loopback connections to the cluster and counts, per connection, the ClientHellos the client sent. */
async function startRelay(target: number): Promise<typeof relay> {
  const sockets = new Set<Socket>();
  const hellos: number[] = [];
  const server: Server = createServer((incoming) => {
    const outgoing = tcpConnect({ host: '127.0.0.1', port: target });
    const sent: Buffer[] = [];
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.once('error', () => undefined);
    }
    incoming.on('data', (chunk: Buffer) => sent.push(chunk));
    incoming.pipe(outgoing).pipe(incoming);
    incoming.once('close', () => {
      hellos.push(clientHellos(Buffer.concat(sent)));
      outgoing.destroy();
    });
    outgoing.once('close', () => incoming.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    hellos,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const conninfo = () =>
  `host=127.0.0.1 port=${relay.port} user=app dbname=postgres sslmode=verify-ca sslrootcert=${rootFile}`;
const env = () => ({ PATH: process.env.PATH ?? '', HOME: folder, PGPASSWORD: password });

/** One connection of ours through the relay: connect, SELECT 1, close; resolves once the relay saw it end. */
async function connectOnce(): Promise<number> {
  const keywords = parseConninfo(conninfo());
  if (!keywords.ok) throw new Error(keywords.error.message);
  const seen = relay.hellos.length;
  const opened = await openConnection({ keywords: keywords.value, env: env() });
  if (!opened.ok) throw new Error(opened.error.message);
  expect((await opened.value.client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
  await opened.value.client.end();
  await expect.poll(() => relay.hellos.length).toBe(seen + 1);
  return relay.hellos[seen]!;
}

/** One psql run through the relay (the process must exit); resolves with its ClientHellos once the relay saw it end. */
async function psqlOnce(): Promise<number> {
  const seen = relay.hellos.length;
  const { stdout } = await run('psql', ['-X', '-Atc', 'select 1', conninfo()], { env: env() });
  expect(stdout.trim()).toBe('1');
  await expect.poll(() => relay.hellos.length).toBe(seen + 1);
  return relay.hellos[seen]!;
}

/** The connections the cluster still has from the test user (none once each test has closed its own). */
const openSessions = async () =>
  Number((await cluster.sql("select count(*) as n from pg_stat_activity where usename = 'app'"))[0]?.n);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-key-share-'));
  const root = await TestAuthority.createRoot(join(folder, 'root'), 'Key Share Root CA');
  rootFile = root.own.certPath;
  const server = await root.issue({ commonName: 'localhost', dns: ['localhost'], ips: ['127.0.0.1'] });
  cluster = await startCluster({
    tls: { certificatePem: server.certPem, keyPem: server.keyPem },
    hba: ['hostssl all app 127.0.0.1/32 scram-sha-256'],
    sql: [`create user app password '${password}'`],
  });
  relay = await startRelay(cluster.port);
});

afterAll(async () => {
  await relay?.close();
  await cluster?.destroy();
  await rm(folder, { recursive: true, force: true });
});

describe('the ClientHello offers a key share PostgreSQL accepts (issue 15)', () => {
  it("one ClientHello to a PostgreSQL 15 server with its default curve (P-256), where psql's is answered with a retry", async () => {
    const ours = await connectOnce();
    const psql = await psqlOnce();
    expect(ours).toBe(1);
    expect(psql).toBeGreaterThan(ours);
    await expect.poll(openSessions).toBe(0);
  });

  it('still offers every group OpenSSL offers: a server that accepts P-384 only is reached after its retry, as psql reaches it', async () => {
    await cluster.sql("alter system set ssl_ecdh_curve = 'secp384r1'");
    await cluster.sql('select pg_reload_conf()');
    try {
      await expect.poll(async () => (await psqlOnce()) === 2, { timeout: 10_000 }).toBe(true);
      expect(await connectOnce()).toBe(2);
      await expect.poll(openSessions).toBe(0);
    } finally {
      await cluster.sql('alter system reset ssl_ecdh_curve');
      await cluster.sql('select pg_reload_conf()');
    }
  });

  it('offers P-256 first (one share) on OpenSSL 3.0–3.4, adds a P-256 share on 3.5 and later, and leaves other TLS libraries alone', () => {
    expect(offeredGroups('3.0.15').split(':').slice(0, 2)).toEqual(['P-256', 'X25519']);
    expect(offeredGroups('3.5.7')).toContain('?*X25519:?*secp256r1');
    expect(offeredGroups('3.5.7')).toContain('?*X25519MLKEM768');
    expect(offeredGroups('0.0.0')).toBe('auto');
  });

  it("keeps the TLS library's own default when it does not know a group (a BoringSSL that reported an OpenSSL 3 version)", () => {
    expect(contextOfferingGroups({ ca: [] }, offeredGroups()).groups).toBe(offeredGroups());
    const fallback = contextOfferingGroups({ ca: [] }, 'P-256:X25519:no-such-group');
    expect(fallback.groups).toBe('auto');
    expect(fallback.context).toBeDefined();
    // Anything else wrong is not taken for the groups: the error stands.
    expect(() => contextOfferingGroups({ ca: [], key: 'not a key' }, 'P-256:X25519:no-such-group')).toThrow();
    expect(() => contextOfferingGroups({ ca: [], key: 'not a key' }, offeredGroups())).toThrow();
  });
});

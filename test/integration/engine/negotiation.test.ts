import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer, TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConnection, parseConninfo } from '../../../electron/engine';
import { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { type Issued, TestAuthority } from '../../support/pki';

// What our engine sends on the wire: SNI, ALPN for direct SSL, and the system trust store. A small TLS listener
// that answers the SSLRequest records what arrives, then closes (no PostgreSQL behind it).

interface Seen {
  sslRequest: boolean;
  servername: string | false | null;
  alpn: string | false | null;
}

let folder: string;
let root: TestAuthority;
let server: Issued;
let listener: Server;
let port: number;
let direct: Server;
let directPort: number;
let seen: Seen[] = [];

function acceptTls(socket: Socket, record: Seen) {
  const tls = new TLSSocket(socket, {
    isServer: true,
    cert: server.certPem,
    key: server.keyPem,
    ALPNProtocols: ['postgresql'],
  });
  tls.on('secure', () => {
    record.servername = tls.servername;
    record.alpn = tls.alpnProtocol;
    tls.destroy();
  });
  tls.on('error', () => undefined);
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-negotiation-'));
  root = await TestAuthority.createRoot(join(folder, 'root'), 'Negotiation Root');
  server = await root.issue({ commonName: 'db.rds.test', dns: ['db.rds.test', 'localhost'], ips: ['127.0.0.1'] });
  listener = createServer((socket) => {
    const record: Seen = { sslRequest: false, servername: null, alpn: null };
    seen.push(record);
    socket.once('data', (chunk) => {
      record.sslRequest = chunk.length === 8 && chunk.readUInt32BE(4) === 80877103;
      socket.write('S');
      acceptTls(socket, record);
    });
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  port = (listener.address() as { port: number }).port;
  direct = createTlsServer({ cert: server.certPem, key: server.keyPem, ALPNProtocols: ['postgresql'] }, (tls) => {
    seen.push({ sslRequest: false, servername: tls.servername, alpn: tls.alpnProtocol });
    tls.destroy();
  });
  await new Promise<void>((resolve) => direct.listen(0, '127.0.0.1', resolve));
  directPort = (direct.address() as { port: number }).port;
});

afterAll(async () => {
  listener?.close();
  direct?.close();
  await rm(folder, { recursive: true, force: true });
});

async function attempt(conninfo: string, env: Record<string, string> = {}) {
  seen = [];
  const keywords = parseConninfo(conninfo);
  if (!keywords.ok) throw new Error(keywords.error.message);
  const result = await checkConnection({ keywords: keywords.value, env: { HOME: folder, ...env } });
  return { result, seen: seen[0] };
}

describe('what goes on the wire', () => {
  it('sends SNI for a host name, also when connecting through hostaddr', async () => {
    const { seen: record } = await attempt(
      `host=db.rds.test hostaddr=127.0.0.1 port=${port} user=u dbname=d sslmode=require`,
    );
    expect(record).toMatchObject({ sslRequest: true, servername: 'db.rds.test' });
  });
  it('sends no SNI for an IP address or with sslsni=0', async () => {
    expect((await attempt(`host=127.0.0.1 port=${port} user=u dbname=d sslmode=require`)).seen?.servername).toBe(false);
    expect(
      (await attempt(`host=localhost hostaddr=127.0.0.1 port=${port} user=u sslmode=require sslsni=0`)).seen
        ?.servername,
    ).toBe(false);
  });
  it('sslnegotiation=direct starts TLS at once with ALPN "postgresql"', async () => {
    const { seen: record } = await attempt(
      `host=localhost hostaddr=127.0.0.1 port=${directPort} user=u sslmode=require sslnegotiation=direct`,
    );
    expect(record).toMatchObject({ sslRequest: false, alpn: 'postgresql', servername: 'localhost' });
  });
  it('sslrootcert=system verifies against the platform bundle (SSL_CERT_FILE here) and forces verify-full', async () => {
    const trusted = await attempt(`host=db.rds.test hostaddr=127.0.0.1 port=${port} user=u sslrootcert=system`, {
      SSL_CERT_FILE: root.own.certPath,
    });
    expect(trusted.result).not.toMatchObject({ error: { code: 'certificate_untrusted' } });
    expect(trusted.seen?.servername).toBe('db.rds.test');
    const other = await attempt(`host=elsewhere.test hostaddr=127.0.0.1 port=${port} user=u sslrootcert=system`, {
      SSL_CERT_FILE: root.own.certPath,
    });
    expect(other.result).toMatchObject({ ok: false, error: { code: 'hostname_mismatch' } });
  });
});

describe('direct SSL against a server that does not speak it', () => {
  it('fails with a coded error instead of hanging', async () => {
    const cluster = await LocalPostgresCluster.create({
      tls: { certificatePem: server.certPem, keyPem: server.keyPem },
    });
    await cluster.start();
    try {
      const keywords = parseConninfo(
        `host=localhost port=${cluster.port} user=postgres dbname=postgres sslmode=require sslnegotiation=direct connect_timeout=5`,
      );
      if (!keywords.ok) throw new Error(keywords.error.message);
      const result = await checkConnection({ keywords: keywords.value, env: { HOME: folder } });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(['tls_handshake_failed', 'tls_version_mismatch', 'connection_lost', 'timeout']).toContain(
          result.error.code,
        );
    } finally {
      await cluster.destroy();
    }
  });
});

// Certificates parsed once per process (electron/engine/certificate-cache.ts): the same bytes give the same object,
// while every connection still reads its root certificate file, as libpq does, so a replaced file counts at once.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConnection, parseConninfo } from '../../../electron/engine';
import { parsedCertificate } from '../../../electron/engine/certificate-cache';
import { type Issued, TestAuthority } from '../../support/pki';

let folder: string;
let root: TestAuthority;
let other: TestAuthority;
let server: Issued;
let listener: Server;
let port: number;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-certificate-cache-'));
  root = await TestAuthority.createRoot(join(folder, 'root'), 'Cache Root');
  other = await TestAuthority.createRoot(join(folder, 'other'), 'Other Root');
  server = await root.issue({ commonName: 'localhost', dns: ['localhost'] });
  // Answers the SSLRequest and completes the TLS handshake, then closes: no PostgreSQL behind it.
  listener = createServer((socket) => {
    socket.once('data', () => {
      socket.write('S');
      const tls = new TLSSocket(socket, { isServer: true, cert: server.certPem, key: server.keyPem });
      tls.on('secure', () => tls.destroy());
      tls.on('error', () => undefined);
    });
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  port = (listener.address() as { port: number }).port;
});

afterAll(async () => {
  listener?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('parsed certificates', () => {
  it('the same PEM text, or the same DER, gives the same object; another certificate another one', () => {
    const first = parsedCertificate(root.own.certPem);
    expect(parsedCertificate(root.own.certPem)).toBe(first);
    expect(parsedCertificate(Buffer.from(first.raw))).toBe(parsedCertificate(first.raw));
    expect(parsedCertificate(other.own.certPem)).not.toBe(first);
    expect(parsedCertificate(other.own.certPem).subject).toBe('CN=Other Root');
  });

  it('damaged input throws every time (it is not kept)', () => {
    const damaged = root.own.certPem.replace(/[A-Za-z]{8}\n/, '!!!!!!!!\n');
    expect(() => parsedCertificate(damaged)).toThrow();
    expect(() => parsedCertificate(damaged)).toThrow();
  });

  it('a root certificate file replaced between two connections counts at the next one', async () => {
    const rootFile = join(folder, 'root.crt');
    const attempt = async () => {
      const keywords = parseConninfo(
        `host=localhost hostaddr=127.0.0.1 port=${port} user=u dbname=d sslmode=verify-full sslrootcert=${rootFile}`,
      );
      if (!keywords.ok) throw new Error(keywords.error.message);
      return await checkConnection({ keywords: keywords.value, env: { HOME: folder } });
    };
    await copyFile(root.own.certPath, rootFile);
    expect(await attempt()).not.toMatchObject({ error: { code: 'certificate_untrusted' } });
    await copyFile(other.own.certPath, rootFile);
    expect(await attempt()).toMatchObject({ ok: false, error: { code: 'certificate_untrusted' } });
    await copyFile(root.own.certPath, rootFile);
    expect(await attempt()).not.toMatchObject({ error: { code: 'certificate_untrusted' } });
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs openssl with arguments and returns its stdout as text; throws with stderr when it fails. */
export function openssl(args: string[], input?: string | Uint8Array): string {
  return execFileSync('openssl', args, { input, stdio: ['pipe', 'pipe', 'pipe'], encoding: 'utf8' });
}

/** Makes a self-signed RSA 2048 certificate in `folder` with openssl: `<name>.crt` and `<name>.key`. */
export function selfSignedRsa(
  folder: string,
  name: string,
  subject: string,
  days = 30,
): { certificate: string; key: string } {
  const certificate = join(folder, `${name}.crt`);
  const key = join(folder, `${name}.key`);
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    certificate,
    '-days',
    String(days),
    '-subj',
    subject,
  ]);
  return { certificate, key };
}

/** Runs keytool and returns its stdout (plus stderr warnings) as text; throws when it fails. */
export function keytool(args: string[]): string {
  return execFileSync('keytool', ['-J-Duser.language=en', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
}

/** A temporary folder for one test file, with a helper to name files in it and a cleanup. */
export interface TempFolder {
  path: string;
  file(name: string): string;
  write(name: string, data: string | Uint8Array): string;
  read(name: string): Buffer;
  remove(): void;
}

/** Creates a temporary folder under the OS temp dir. */
export function makeTempFolder(prefix = 'rdspg-cert-'): TempFolder {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file: (name) => join(path, name),
    write(name, data) {
      writeFileSync(join(path, name), data);
      return join(path, name);
    },
    read: (name) => readFileSync(join(path, name)),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** The files of a small test PKI made by openssl: an EC root CA, an intermediate CA, a server and a client leaf. */
export interface TestPki {
  folder: TempFolder;
  rootCert: string;
  rootKey: string;
  intermediateCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

/** Makes a root → intermediate → server/client PKI with openssl (EC P-256 keys: fast). */
export function makeTestPki(folder: TempFolder = makeTempFolder()): TestPki {
  const f = (name: string) => folder.file(name);
  const ecKey = (name: string) =>
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f(name)]);
  for (const name of ['root.key', 'intermediate.key', 'server.key', 'client.key']) ecKey(name);
  folder.write('ca.ext', 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  folder.write(
    'server.ext',
    'basicConstraints=CA:FALSE\nsubjectAltName=DNS:pgm-test.pg.rds.aliyuncs.com,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
  );
  folder.write('client.ext', 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n');
  openssl([
    'req',
    '-x509',
    '-new',
    '-key',
    f('root.key'),
    '-subj',
    '/CN=Test Root CA/O=RDS PG Connect Tests',
    '-days',
    '3650',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-out',
    f('root.pem'),
  ]);
  const issue = (name: string, subject: string, issuer: string, extensions: string) => {
    openssl(['req', '-new', '-key', f(`${name}.key`), '-subj', subject, '-out', f(`${name}.csr`)]);
    openssl([
      'x509',
      '-req',
      '-in',
      f(`${name}.csr`),
      '-CA',
      f(`${issuer}.pem`),
      '-CAkey',
      f(`${issuer}.key`),
      '-CAcreateserial',
      '-days',
      '825',
      '-extfile',
      f(extensions),
      '-out',
      f(`${name}.pem`),
    ]);
  };
  issue('intermediate', '/CN=Test Intermediate CA', 'root', 'ca.ext');
  issue('server', '/CN=pgm-test.pg.rds.aliyuncs.com', 'intermediate', 'server.ext');
  issue('client', '/CN=app_user', 'intermediate', 'client.ext');
  return {
    folder,
    rootCert: f('root.pem'),
    rootKey: f('root.key'),
    intermediateCert: f('intermediate.pem'),
    serverCert: f('server.pem'),
    serverKey: f('server.key'),
    clientCert: f('client.pem'),
    clientKey: f('client.key'),
  };
}

/** What one in-process run of `rdspg` printed and returned. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `rdspg` in-process with captured streams and the given environment (point HOME/RDSPG_HOME at temp dirs). */
export async function runRdspg(args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const { PassThrough } = await import('node:stream');
  const { runCli } = await import('../../electron/cli/main');
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const error: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => error.push(chunk));
  const status = await runCli(args, { stdout, stderr, stdin: new PassThrough(), env });
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(error).toString('utf8') };
}

/** What keytool -importcert needs: the keystore, the certificate file, the store's type and password, the alias. */
export interface CertificateImport {
  keystore: string;
  file: string;
  storetype: 'JKS' | 'PKCS12';
  storepass: string;
  alias: string;
}

/** Imports a trusted certificate into a keystore with keytool (created when absent), without a prompt. */
export function importCertificate(entry: CertificateImport): string {
  return keytool([
    '-importcert',
    '-storetype',
    entry.storetype,
    '-keystore',
    entry.keystore,
    '-storepass',
    entry.storepass,
    '-noprompt',
    '-alias',
    entry.alias,
    '-file',
    entry.file,
  ]);
}

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs openssl with the given arguments in a folder. */
export async function openssl(args: string[], cwd?: string): Promise<string> {
  const { stdout } = await run('openssl', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** A certificate and its key, as files and as PEM texts. */
export interface Issued {
  certPath: string;
  keyPath: string;
  certPem: string;
  keyPem: string;
}

/** What to put in a certificate that a test CA issues. */
export interface IssueRequest {
  commonName: string;
  dns?: string[];
  ips?: string[];
  /** Put the raw text into subjectAltName instead (e.g. `DNS:127.0.0.1`). */
  subjectAltName?: string;
  purpose?: 'server' | 'client';
  validity?: Validity;
  keyType?: KeyType;
  fileName?: string;
  /** Extension lines instead of the usual ones (basicConstraints, extendedKeyUsage, subjectAltName). */
  extensions?: string;
  /** The signature's digest (default sha256). */
  digest?: 'sha256' | 'sha1';
}

/** When a test certificate is valid. */
export type Validity = 'valid' | 'expired' | 'not-yet-valid';
/** The key of a test certificate. */
export type KeyType = 'ec' | 'rsa' | 'rsa-1024';

function config(folder: string): string {
  return `[ca]
default_ca = test_ca
[test_ca]
dir = ${folder}
database = ${folder}/index.txt
serial = ${folder}/serial
crlnumber = ${folder}/crlnumber
new_certs_dir = ${folder}/issued
default_md = sha256
policy = anything
email_in_dn = no
unique_subject = no
copy_extensions = none
default_crl_days = 30
[anything]
commonName = supplied
[req]
distinguished_name = dn
[dn]
`;
}

function stamp(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** A test certificate authority made with `openssl ca`, able to issue, revoke and publish a CRL. */
export class TestAuthority {
  private constructor(
    /** The authority's own folder. */
    readonly folder: string,
    /** Its certificate and key. */
    readonly own: Issued,
  ) {}

  /** The CA certificate in PEM. */
  get certPem(): string {
    return this.own.certPem;
  }

  /** Creates a self-signed root CA in `folder`. */
  static async createRoot(folder: string, commonName: string): Promise<TestAuthority> {
    await TestAuthority.prepare(folder);
    const certPath = join(folder, 'ca.crt');
    const keyPath = join(folder, 'ca.key');
    await openssl([
      'req',
      '-x509',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-sha256',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '3650',
      '-subj',
      `/CN=${commonName}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    return new TestAuthority(folder, await TestAuthority.load(certPath, keyPath));
  }

  private static async prepare(folder: string): Promise<void> {
    await mkdir(join(folder, 'issued'), { recursive: true });
    await writeFile(join(folder, 'index.txt'), '');
    await writeFile(join(folder, 'serial'), `${randomBytes(8).toString('hex')}\n`);
    await writeFile(join(folder, 'crlnumber'), '01\n');
    await writeFile(join(folder, 'openssl.cnf'), config(folder));
  }

  private static async load(certPath: string, keyPath: string): Promise<Issued> {
    return { certPath, keyPath, certPem: await readFile(certPath, 'utf8'), keyPem: await readFile(keyPath, 'utf8') };
  }

  /** Creates an intermediate CA signed by this one, in a sub-folder (other extension lines or validity if given). */
  async createIntermediate(
    commonName: string,
    options: { extensions?: string; validity?: Validity } = {},
  ): Promise<TestAuthority> {
    const folder = join(this.folder, commonName.replace(/\W+/g, '-').toLowerCase());
    await TestAuthority.prepare(folder);
    const issued = await this.sign(
      folder,
      'ca',
      commonName,
      `${options.extensions ?? 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign'}\n`,
      'ec',
      options.validity ?? 'valid',
    );
    return new TestAuthority(folder, issued);
  }

  /** Issues a server or client certificate. */
  async issue(request: IssueRequest): Promise<Issued> {
    const names =
      request.subjectAltName ??
      [...(request.dns ?? []).map((name) => `DNS:${name}`), ...(request.ips ?? []).map((ip) => `IP:${ip}`)].join(',');
    const purpose = request.purpose ?? 'server';
    const extensions =
      request.extensions ??
      [
        'basicConstraints=CA:FALSE',
        `extendedKeyUsage=${purpose === 'server' ? 'serverAuth' : 'clientAuth'}`,
        names ? `subjectAltName=${names}` : '',
      ].join('\n');
    const fileName =
      request.fileName ??
      `${purpose}-${request.commonName.replace(/\W+/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
    return this.sign(
      this.folder,
      fileName,
      request.commonName,
      `${extensions}\n`,
      request.keyType ?? 'ec',
      request.validity ?? 'valid',
      request.digest ?? 'sha256',
    );
  }

  private async sign(
    folder: string,
    name: string,
    commonName: string,
    extensions: string,
    keyType: KeyType,
    validity: Validity,
    digest: 'sha256' | 'sha1' = 'sha256',
  ): Promise<Issued> {
    const keyPath = join(folder, `${name}.key`);
    const csrPath = join(folder, `${name}.csr`);
    const certPath = join(folder, `${name}.crt`);
    const extPath = join(folder, `${name}.ext`);
    await writeFile(extPath, extensions);
    const keyArgs =
      keyType === 'ec'
        ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']
        : ['-newkey', keyType === 'rsa' ? 'rsa:2048' : 'rsa:1024'];
    await openssl([
      'req',
      '-new',
      ...keyArgs,
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      csrPath,
      '-subj',
      `/CN=${commonName}`,
    ]);
    const day = 86_400_000;
    const now = Date.now();
    const [start, end] =
      validity === 'expired'
        ? [now - 400 * day, now - 30 * day]
        : validity === 'not-yet-valid'
          ? [now + 30 * day, now + 400 * day]
          : [now - day, now + 365 * day];
    await openssl([
      'ca',
      '-batch',
      '-config',
      join(this.folder, 'openssl.cnf'),
      '-cert',
      this.own.certPath,
      '-keyfile',
      this.own.keyPath,
      '-in',
      csrPath,
      '-out',
      certPath,
      '-extfile',
      extPath,
      '-startdate',
      stamp(new Date(start)),
      '-enddate',
      stamp(new Date(end)),
      '-md',
      digest,
      '-notext',
    ]);
    return TestAuthority.load(certPath, keyPath);
  }

  /** Revokes a certificate this authority issued. */
  async revoke(issued: Issued): Promise<void> {
    await openssl([
      'ca',
      '-config',
      join(this.folder, 'openssl.cnf'),
      '-cert',
      this.own.certPath,
      '-keyfile',
      this.own.keyPath,
      '-revoke',
      issued.certPath,
    ]);
  }

  /** Publishes this authority's CRL (PEM). */
  async crl(): Promise<string> {
    const path = join(this.folder, 'ca.crl');
    await openssl([
      'ca',
      '-gencrl',
      '-config',
      join(this.folder, 'openssl.cnf'),
      '-cert',
      this.own.certPath,
      '-keyfile',
      this.own.keyPath,
      '-out',
      path,
    ]);
    return readFile(path, 'utf8');
  }
}

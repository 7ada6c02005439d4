import { createHash, type X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createSecureContext, rootCertificates, type SecureContext, type SecureContextOptions } from 'node:tls';
import type { ConnectErrorCode } from '../../shared/connect-errors';
import { fail, ok, type Result } from '../../shared/result';
import { parsedCertificate } from './certificate-cache';
import { loadClientCertificate, opensslReason } from './client-key';
import { readFile, readFileIfPresent } from './file-reads';
import { loadRevocationLists } from './revocation-lists';
import type { ConnectionSettings } from './settings';

/** How far the server's certificate is checked, as libpq decides from sslmode and the root certificate file. */
export type Verification = 'none' | 'chain' | 'chain-and-host';

/** The certificates, key and checks for one TLS handshake, read from the files libpq would read. */
export interface TlsMaterial {
  verification: Verification;
  ca: string[] | null;
  crl: string[] | null;
  cert: string | null;
  key: string | null;
  rootCertificatePath: string;
}

type MaterialResult<T> = Result<T, ConnectErrorCode>;

const pemCertificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** A root certificate file read once: its path and bytes (null when it is not a file that can be read). */
export interface RootCertificateFile {
  path: string;
  bytes: Buffer | null;
}

/** Reads a root certificate file as a connection reads it. */
export async function readRootCertificate(path: string): Promise<RootCertificateFile> {
  return { path, bytes: await readFileIfPresent(path) };
}

/**
 * The certificates a root certificate file makes trusted, as the SHA-256 of each PEM certificate's DER bytes, sorted
 * and without repeats: what OpenSSL reads from the file, so line endings, comments and order do not count.
 */
export function rootFingerprints(bytes: Buffer | null): string[] {
  const found = bytes?.toString('latin1').match(pemCertificate) ?? [];
  const der = found.map((pem) => Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'));
  return [...new Set(der.map((one) => createHash('sha256').update(one).digest('hex')))].sort();
}

const systemBundles = ['/etc/ssl/certs/ca-certificates.crt', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/ssl/cert.pem'];

async function systemRoots(env: Record<string, string | undefined>): Promise<string[]> {
  for (const path of [env.SSL_CERT_FILE, ...systemBundles]) {
    if (!path || !existsSync(path)) continue;
    const found = (await readFile(path, 'utf8')).match(pemCertificate);
    if (found?.length) return found;
  }
  return [...rootCertificates];
}

/**
 * A root certificate file's certificates, parsed as OpenSSL loads the file for libpq: one damaged certificate
 * (bad base64, not a certificate) fails the whole file, with OpenSSL's reason, before anything is sent.
 */
function parseRootCertificates(found: string[], path: string): MaterialResult<X509Certificate[]> {
  try {
    return ok(found.map(parsedCertificate));
  } catch (error) {
    return fail(
      'certificate_file_unreadable',
      `could not read root certificate file "${path}": ${opensslReason(error)}. The file is damaged: download the server CA package again (rdspg rds ca download ID --out DIR) and point sslrootcert at its PEM file.`,
    );
  }
}

/**
 * Reads the root certificate, CRL and client certificate files for a connection, with libpq's rules; the root
 * certificate file as `root` holds it when that was read already (by the saved-password check).
 */
export async function loadTlsMaterial(
  settings: ConnectionSettings,
  env: Record<string, string | undefined>,
  root?: RootCertificateFile,
): Promise<MaterialResult<TlsMaterial>> {
  const verifyMode = settings.sslmode === 'verify-ca' || settings.sslmode === 'verify-full';
  let ca: string[] | null = null;
  const rootPath = settings.sslrootcert;
  if (rootPath === 'system') {
    ca = await systemRoots(env);
  } else {
    const bytes = root?.path === rootPath ? root.bytes : await readFileIfPresent(rootPath);
    if (bytes === null && existsSync(rootPath)) {
      // libpq loads whatever stat() finds there, in every sslmode; a folder or device holds no certificate.
      return fail(
        'certificate_file_unreadable',
        `could not read root certificate file "${rootPath}": no certificate or crl found (it is not a regular file that can be read). Point sslrootcert at the CA certificate's PEM file.`,
      );
    }
    if (bytes === null) {
      if (verifyMode) {
        return fail(
          'root_certificate_missing',
          `root certificate file "${rootPath}" does not exist. Either provide the file (the server's CA certificate, e.g. the RDS CA package's PEM), use the system's trusted roots with sslrootcert=system, or change sslmode to disable server certificate verification.`,
        );
      }
    } else {
      const found = bytes.toString('latin1').match(pemCertificate);
      if (!found) {
        return fail(
          'certificate_file_unreadable',
          `could not read root certificate file "${rootPath}": no PEM certificate in it. Convert it to PEM (rdspg cert convert "${rootPath}" --to pem --out root.pem) and use that file.`,
        );
      }
      const parsed = parseRootCertificates(found, rootPath);
      if (!parsed.ok) return parsed;
      ca = found;
    }
  }
  const verification: Verification =
    ca === null ? 'none' : settings.sslmode === 'verify-full' ? 'chain-and-host' : 'chain';
  const crl = ca === null ? null : await loadRevocationLists(settings);
  const client =
    settings.sslcertmode === 'disable' ? ok({ cert: null, key: null }) : await loadClientCertificate(settings);
  if (!client.ok) return client;
  const material: TlsMaterial = { verification, ca, crl, ...client.value, rootCertificatePath: rootPath };
  return ok(material);
}

/**
 * The key-exchange groups a ClientHello offers, and those it sends a key share for. PostgreSQL up to 17 accepts P-256
 * only (ssl_ecdh_curve = prime256v1, its default), while OpenSSL sends its first share for X25519 (3.0–3.4) or for
 * X25519MLKEM768 and X25519 (3.5): psql's first ClientHello is then answered with a HelloRetryRequest, one round trip
 * more. These are OpenSSL's default groups, the same set, with a share for P-256 too (3.5's tuple syntax) or first
 * (3.0–3.4, which sends one share). Other TLS libraries (Electron's BoringSSL) keep their own defaults.
 */
export function offeredGroups(openssl = process.versions.openssl ?? ''): string {
  const [major = 0, minor = 0] = openssl.split('.').map(Number);
  if (major === 3 && minor < 5)
    return 'P-256:X25519:X448:P-521:P-384:ffdhe2048:ffdhe3072:ffdhe4096:ffdhe6144:ffdhe8192';
  if (major >= 3)
    return '?*X25519MLKEM768 / ?*X25519:?*secp256r1 / ?X448:?secp384r1:?secp521r1 / ?ffdhe2048:?ffdhe3072';
  return 'auto';
}

/**
 * A context offering `wanted` key-exchange groups if this TLS library takes them, else the library's own default:
 * Electron reports no OpenSSL version, or an old one, for its BoringSSL, but a group name it does not know must never
 * stop every connection. The retry has the same options otherwise, so it fails too, with its own error, unless the
 * groups were the trouble. (No trial context first: that was one more context build per process, ≈ 0.5–1 ms.)
 */
export function contextOfferingGroups(
  options: SecureContextOptions,
  wanted: string,
): { context: SecureContext; groups: string } {
  try {
    return { context: createSecureContext({ ...options, ecdhCurve: wanted }), groups: wanted };
  } catch (error) {
    if (wanted === 'auto') throw error;
    return { context: createSecureContext({ ...options, ecdhCurve: 'auto' }), groups: 'auto' };
  }
}

// The groups the first context took (contextOfferingGroups), for the others.
let groups: string | null = null;

const contexts = new Map<string, SecureContext>();

/**
 * The TLS context for this material, built once and reused: building one parses every CA and key, which costs
 * more than the rest of a connection. Keyed by the material's content, so a changed file gets a new context.
 * With `roots` false the context has no CA at all (chain-check.ts checks the chain, or nothing is verified): on
 * Node 20 the first context given any CA also builds Node's bundled root store (35–45 ms of CPU here; Node 24: under
 * 5 ms), because its addCACert compares the context's store with that one. An empty list, not none: without `ca`
 * Node adds its bundled roots to the context.
 */
export function secureContextFor(
  material: TlsMaterial,
  minVersion: string,
  maxVersion: string | null,
  roots: boolean,
): SecureContext {
  const ca = roots ? material.ca : null;
  const key = createHash('sha256')
    .update(JSON.stringify([ca, material.crl, material.cert, material.key, minVersion, maxVersion]))
    .digest('hex');
  let context = contexts.get(key);
  if (!context) {
    const built = contextOfferingGroups(
      {
        ca: ca ?? [],
        crl: (roots && material.crl) || undefined,
        cert: material.cert ?? undefined,
        key: material.key ?? undefined,
        minVersion: minVersion as 'TLSv1.2',
        maxVersion: (maxVersion ?? undefined) as 'TLSv1.3' | undefined,
      },
      groups ?? offeredGroups(),
    );
    groups = built.groups;
    context = built.context;
    if (contexts.size >= 32) contexts.delete(contexts.keys().next().value!);
    contexts.set(key, context);
  }
  return context;
}

/** The root certificate file's certificates (parsed once per process: certificate-cache.ts). */
export function rootCertificatesOf(material: TlsMaterial): X509Certificate[] {
  return (material.ca ?? []).map(parsedCertificate);
}

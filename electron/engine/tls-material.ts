import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';
import type { ConnectErrorCode } from '../../shared/connect-errors';
import { fail, ok, type Result } from '../../shared/result';
import { loadClientCertificate } from './client-key';
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
const pemCrl = /-----BEGIN X509 CRL-----[\s\S]+?-----END X509 CRL-----/g;

async function readIfPresent(path: string): Promise<Buffer | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
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

async function loadRevocationLists(settings: ConnectionSettings): Promise<string[] | null> {
  const lists: string[] = [];
  if (settings.sslcrl) {
    const text = await readIfPresent(settings.sslcrl);
    lists.push(...(text?.toString('latin1').match(pemCrl) ?? []));
  }
  if (settings.sslcrldir && existsSync(settings.sslcrldir)) {
    for (const name of await readdir(settings.sslcrldir)) {
      const text = await readIfPresent(join(settings.sslcrldir, name));
      lists.push(...(text?.toString('latin1').match(pemCrl) ?? []));
    }
  }
  return lists.length ? lists : null;
}

/** Reads the root certificate, CRL and client certificate files for a connection, with libpq's rules. */
export async function loadTlsMaterial(
  settings: ConnectionSettings,
  env: Record<string, string | undefined>,
): Promise<MaterialResult<TlsMaterial>> {
  const verifyMode = settings.sslmode === 'verify-ca' || settings.sslmode === 'verify-full';
  let ca: string[] | null = null;
  const rootPath = settings.sslrootcert;
  if (rootPath === 'system') {
    ca = await systemRoots(env);
  } else {
    const bytes = await readIfPresent(rootPath);
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
      ca = found;
    }
  }
  const verification: Verification =
    ca === null ? 'none' : settings.sslmode === 'verify-full' ? 'chain-and-host' : 'chain';
  const crl = ca === null ? null : await loadRevocationLists(settings);
  const client =
    settings.sslcertmode === 'disable' ? ok({ cert: null, key: null }) : await loadClientCertificate(settings);
  if (!client.ok) return client;
  return ok({ verification, ca, crl, ...client.value, rootCertificatePath: rootPath });
}

const contexts = new Map<string, SecureContext>();

/**
 * The TLS context for this material, built once and reused: building one parses every CA and key, which costs
 * more than the rest of a connection. Keyed by the material's content, so a changed file gets a new context.
 * The first context with a CA also makes Node 20 parse its ~140 bundled roots (35–45 ms of CPU here; Node 24:
 * under 5 ms), although the context trusts only the given CA: its addCACert compares the context's store with the
 * process's root store, building that store to do so. Only a process-wide start-up flag (`--use-openssl-ca`) changes
 * that, and verifying the chain in JS instead would have to match OpenSSL's path validation exactly, so the cost is
 * accepted and overlapped with the network (negotiate.ts).
 */
export function secureContextFor(material: TlsMaterial, minVersion: string, maxVersion: string | null): SecureContext {
  const key = createHash('sha256')
    .update(JSON.stringify([material.ca, material.crl, material.cert, material.key, minVersion, maxVersion]))
    .digest('hex');
  let context = contexts.get(key);
  if (!context) {
    context = createSecureContext({
      // No root certificate, no verification: an empty list rather than none, which would make Node add its
      // bundled roots (parsing ~140 certificates) to a context that never checks a chain.
      ca: material.ca ?? [],
      crl: material.crl ?? undefined,
      cert: material.cert ?? undefined,
      key: material.key ?? undefined,
      minVersion: minVersion as 'TLSv1.2',
      maxVersion: (maxVersion ?? undefined) as 'TLSv1.3' | undefined,
    });
    if (contexts.size >= 32) contexts.delete(contexts.keys().next().value!);
    contexts.set(key, context);
  }
  return context;
}

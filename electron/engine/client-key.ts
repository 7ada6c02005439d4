import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import type { ConnectErrorCode } from '../../shared/connect-errors';
import { fail, ok, type Result } from '../../shared/result';
import { readFile, stat } from './file-reads';
import type { ConnectionSettings } from './settings';

/** The client certificate chain (PEM) and its private key, when the files exist. */
export interface ClientCertificate {
  cert: string | null;
  /** The private key as unencrypted PKCS#8 PEM, in memory only. */
  key: string | null;
}

const pemCertificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** OpenSSL's reason for a failure ("bad base64 decode"), as libpq prints it, or the error's message. */
export function opensslReason(error: unknown): string {
  return (error as { reason?: string }).reason ?? (error as Error).message;
}

function keyFailure(error: unknown, path: string, hasPassword: boolean): Result<never, ConnectErrorCode> {
  const text = `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`;
  if (/bad decrypt|BAD_DECRYPT|interrupted or cancelled/i.test(text) && hasPassword) {
    return fail(
      'client_key_password_wrong',
      `could not load private key file "${path}": the SSL password (sslpassword) is wrong. Enter the passphrase the key was encrypted with.`,
    );
  }
  if (/passphrase|MISSING_PASSPHRASE|bad decrypt|BAD_DECRYPT/i.test(text)) {
    return fail(
      'client_key_password_required',
      `private key file "${path}" is encrypted. Give its passphrase as the SSL password (sslpassword).`,
    );
  }
  return fail(
    'certificate_file_unreadable',
    `could not load private key file "${path}": it is not a private key in PEM or DER form.`,
  );
}

/** Parses a private key the way libpq loads one: PEM first (PKCS#1, PKCS#8, SEC1, encrypted or not), then DER. */
export function parsePrivateKey(
  bytes: Buffer,
  passphrase: string | null,
  path: string,
): Result<KeyObject, ConnectErrorCode> {
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN')) {
    try {
      return ok(createPrivateKey({ key: text, format: 'pem', passphrase: passphrase ?? undefined }));
    } catch (error) {
      return keyFailure(error, path, passphrase !== null);
    }
  }
  let lastError: unknown = null;
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    try {
      return ok(createPrivateKey({ key: bytes, format: 'der', type, passphrase: passphrase ?? undefined }));
    } catch (error) {
      lastError = error;
    }
  }
  return keyFailure(lastError, path, passphrase !== null);
}

/** libpq refuses a key file others may read: 0600 or less when ours, 0640 or less when root's. */
function permissionProblem(mode: number, owner: number): boolean {
  if (process.platform === 'win32') return false;
  const self = process.geteuid?.() ?? -1;
  if (owner === self && (mode & 0o077) !== 0) return true;
  return owner === 0 && (mode & 0o037) !== 0;
}

/** Loads sslcert and sslkey: a missing certificate means none is sent; a present one needs a usable, private key. */
export async function loadClientCertificate(
  settings: ConnectionSettings,
): Promise<Result<ClientCertificate, ConnectErrorCode>> {
  let certificateText: string;
  try {
    certificateText = await readFile(settings.sslcert, 'latin1');
  } catch (error) {
    // libpq sends no certificate only when stat() finds nothing there (ENOENT, ENOTDIR); anything else fails.
    const code = (error as { code?: string }).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      return fail(
        'certificate_file_unreadable',
        `could not read certificate file "${settings.sslcert}": ${code === 'EISDIR' ? 'it is a folder' : (code ?? 'unreadable')}. Point sslcert at the client certificate's PEM file.`,
      );
    }
    if (settings.sslcertmode === 'require') {
      return fail(
        'client_certificate_required',
        `sslcertmode=require, but the client certificate file "${settings.sslcert}" does not exist.`,
      );
    }
    return ok({ cert: null, key: null });
  }
  const chain = certificateText.match(pemCertificate);
  if (!chain) {
    return fail(
      'certificate_file_unreadable',
      `could not read certificate file "${settings.sslcert}": no PEM certificate in it. Convert it to PEM.`,
    );
  }
  let leaf: X509Certificate;
  try {
    [leaf] = chain.map((pem) => new X509Certificate(pem)) as [X509Certificate];
  } catch (error) {
    return fail(
      'certificate_file_unreadable',
      `could not read certificate file "${settings.sslcert}": ${opensslReason(error)}. The file is damaged: export the client certificate again, in PEM.`,
    );
  }
  let keyInfo: Awaited<ReturnType<typeof stat>>;
  try {
    keyInfo = await stat(settings.sslkey);
  } catch {
    return fail(
      'certificate_file_unreadable',
      `certificate present, but not private key file "${settings.sslkey}". Give the client certificate key (sslkey).`,
    );
  }
  if (!keyInfo.isFile())
    return fail('certificate_file_unreadable', `private key file "${settings.sslkey}" is not a regular file`);
  if (permissionProblem(keyInfo.mode, keyInfo.uid)) {
    return fail(
      'client_key_insecure',
      `private key file "${settings.sslkey}" has group or world access; file must have permissions u=rw (0600) or less if owned by the current user, or permissions u=rw,g=r (0640) or less if owned by root. Run: chmod 600 "${settings.sslkey}"`,
    );
  }
  const key = parsePrivateKey(await readFile(settings.sslkey), settings.sslpassword, settings.sslkey);
  if (!key.ok) return key;
  if (!leaf.checkPrivateKey(key.value)) {
    return fail(
      'client_key_mismatch',
      `certificate "${settings.sslcert}" does not match private key file "${settings.sslkey}". Pick the key that belongs to this certificate.`,
    );
  }
  return ok({ cert: chain.join('\n'), key: key.value.export({ type: 'pkcs8', format: 'pem' }).toString() });
}

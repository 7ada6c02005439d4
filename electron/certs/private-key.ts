import { createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import type { CertErrorCode } from '../../shared/cert-types';
import { fail, ok, type Result } from '../../shared/result';
import { children, parseDer } from './asn1';
import { parsePemBlocks } from './pem';

/** Loads a private key from PEM (any key label, legacy encrypted PEM too) or DER (PKCS#8, encrypted PKCS#8, PKCS#1, SEC1). */
export function loadPrivateKey(
  bytes: Uint8Array,
  passphrase?: string,
  maxIterations = maxKeyIterations,
): Result<KeyObject, CertErrorCode> {
  if (bytes.length === 0) return fail('empty_file', 'the key file is empty; choose the client key file again.');
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('-----BEGIN')) {
    const blocks = parsePemBlocks(text);
    if (!blocks.ok) return blocks;
    const block = blocks.value.find((candidate) => /PRIVATE KEY$/.test(candidate.label));
    if (!block)
      return fail(
        'malformed_key',
        'the file holds no private key; choose the client key file (for example client.key).',
      );
    const encrypted = block.label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(block.text);
    if (block.label === 'ENCRYPTED PRIVATE KEY' && passphrase !== undefined && tooManyRounds(block.der, maxIterations))
      return heavy(maxIterations);
    return attempt(() => createPrivateKey({ key: block.text, format: 'pem', passphrase }), encrypted, passphrase);
  }
  const encrypted = isEncryptedPkcs8(bytes);
  if (encrypted && passphrase !== undefined && tooManyRounds(bytes, maxIterations)) return heavy(maxIterations);
  let last: Result<KeyObject, CertErrorCode> = fail(
    'malformed_key',
    'the file is not a private key in PEM or DER form.',
  );
  for (const type of ['pkcs8', 'pkcs1', 'sec1'] as const) {
    if (encrypted && type !== 'pkcs8') break;
    last = attempt(
      () => createPrivateKey({ key: Buffer.from(bytes), format: 'der', type, passphrase }),
      encrypted,
      passphrase,
    );
    if (last.ok || last.error.code !== 'malformed_key') return last;
  }
  return last;
}

function attempt(
  load: () => KeyObject,
  encrypted: boolean,
  passphrase: string | undefined,
): Result<KeyObject, CertErrorCode> {
  if (encrypted && passphrase === undefined) {
    return fail('key_passphrase_required', 'the private key is encrypted; give its passphrase (--password).');
  }
  try {
    return ok(load());
  } catch {
    if (encrypted)
      return fail('wrong_key_passphrase', 'the passphrase does not decrypt the private key; check it and try again.');
    return fail('malformed_key', 'the file is not a private key we can read (PEM or DER: PKCS#8, PKCS#1 or SEC1).');
  }
}

/** EncryptedPrivateKeyInfo: SEQUENCE { AlgorithmIdentifier SEQUENCE, encryptedData OCTET STRING }. */
function isEncryptedPkcs8(bytes: Uint8Array): boolean {
  const parts = children(parseDer(bytes) ?? undefined);
  return parts.length === 2 && parts[0]?.type === 16 && parts[1]?.type === 4;
}

/** The most key-derivation rounds an encrypted key may ask for (openssl uses 2,048; a crafted file could ask 2^31). */
export const maxKeyIterations = 1_000_000;

/** True when the encryption parameters of an EncryptedPrivateKeyInfo hold an iteration count over the cap. */
function tooManyRounds(der: Uint8Array, maxIterations: number): boolean {
  const largest = (value: forge.asn1.Asn1 | undefined): number => {
    if (!value) return 0;
    if (value.type === forge.asn1.Type.INTEGER && typeof value.value === 'string') {
      return value.value.length > 6
        ? Number.POSITIVE_INFINITY
        : Number.parseInt(Buffer.from(value.value, 'binary').toString('hex') || '0', 16);
    }
    return Math.max(0, ...children(value).map(largest));
  };
  return largest(children(parseDer(der) ?? undefined)[0]) > maxIterations;
}

function heavy(maxIterations: number): Result<never, CertErrorCode> {
  return fail(
    'malformed_key',
    `the encrypted key asks for more than ${maxIterations} key-derivation rounds; re-export it with standard settings.`,
  );
}

/** The unencrypted PKCS#8 DER form of a key (.pk8), the one the PostgreSQL JDBC driver reads. */
export function toPkcs8Der(key: KeyObject): Uint8Array {
  return new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));
}

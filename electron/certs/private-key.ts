import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { CertErrorCode } from '../../shared/cert-types';
import { fail, ok, type Result } from '../../shared/result';
import { children, parseDer } from './asn1';
import { parsePemBlocks } from './pem';

/** Loads a private key from PEM (any key label, legacy encrypted PEM too) or DER (PKCS#8, encrypted PKCS#8, PKCS#1, SEC1). */
export function loadPrivateKey(bytes: Uint8Array, passphrase?: string): Result<KeyObject, CertErrorCode> {
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
    return attempt(() => createPrivateKey({ key: block.text, format: 'pem', passphrase }), encrypted, passphrase);
  }
  const encrypted = isEncryptedPkcs8(bytes);
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

/** The unencrypted PKCS#8 DER form of a key (.pk8), the one the PostgreSQL JDBC driver reads. */
export function toPkcs8Der(key: KeyObject): Uint8Array {
  return new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));
}

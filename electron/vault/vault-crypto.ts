import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt } from 'node:crypto';

/** scrypt parameters as stored in the vault file, so that they can be raised later. */
export interface ScryptParameters {
  name: 'scrypt';
  /** Cost (a power of two). */
  N: number;
  r: number;
  p: number;
  /** Random per-vault salt, base64. */
  salt: string;
}

/** The parameters new vaults get: OWASP's scrypt minimum (N 2^17, r 8, p 1; 128 MiB). */
export const defaultScryptCost = { N: 2 ** 17, r: 8, p: 1 } as const;

/** AES-256-GCM output: a 96-bit nonce and the ciphertext with its 128-bit tag appended, both base64. */
export interface Sealed {
  iv: string;
  data: string;
}

/** Derives the 256-bit key-encryption key from the master password with scrypt. */
export function deriveKey(password: string, parameters: ScryptParameters): Promise<Buffer> {
  const { N, r, p } = parameters;
  const maxmem = 128 * N * r * p + 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), Buffer.from(parameters.salt, 'base64'), 32, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A fresh salt and the given cost. */
export function newScryptParameters(cost: { N: number; r: number; p: number }): ScryptParameters {
  return { name: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: randomBytes(16).toString('base64') };
}

/** Encrypts with AES-256-GCM, binding the associated data (owner, field, vault id) to the ciphertext. */
export function seal(key: Buffer, plaintext: Buffer, associatedData: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv: iv.toString('base64'), data: data.toString('base64') };
}

/** Decrypts and authenticates; null when the key, the ciphertext or the associated data do not match. */
export function open(key: Buffer, sealed: Sealed, associatedData: string): Buffer | null {
  const iv = strictBase64(sealed.iv);
  const data = strictBase64(sealed.data);
  if (iv?.length !== 12 || !data || data.length < 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

/** Decodes base64 only when the text is canonical base64 (Node silently skips stray characters otherwise). */
export function strictBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/** HMAC-SHA256 under a key derived from the vault key (never the vault key itself), hex. */
export function authenticate(vaultKey: Buffer, text: string): string {
  const macKey = createHmac('sha256', vaultKey).update('rdspg vault file mac').digest();
  return createHmac('sha256', macKey).update(text, 'utf8').digest('hex');
}

/** SHA-256 of text, hex: catches accidental corruption before the slow KDF runs. */
export function checksum(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

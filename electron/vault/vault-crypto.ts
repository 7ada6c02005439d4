import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';

/** scrypt parameters as stored in the vault file (vaults written before Argon2id; upgraded on their next unlock). */
export interface ScryptParameters {
  name: 'scrypt';
  /** Cost (a power of two). */
  N: number;
  r: number;
  p: number;
  /** Random per-vault salt, base64. */
  salt: string;
}

/** Argon2id (RFC 9106, version 0x13) parameters as stored in the vault file, so that they can be raised later. */
export interface Argon2idParameters {
  name: 'argon2id';
  /** Memory in KiB. */
  m: number;
  /** Passes over the memory. */
  t: number;
  /** Lanes. */
  p: number;
  /** Random per-vault salt, base64. */
  salt: string;
}

/** The KDF of a vault file, with its parameters. */
export type KdfParameters = ScryptParameters | Argon2idParameters;

/** The cost of a KDF without its salt: what a vault is configured with. */
export type KdfCost = Omit<ScryptParameters, 'salt'> | Omit<Argon2idParameters, 'salt'>;

/** The scrypt parameters vaults were written with before Argon2id (N 2^17, r 8, p 1; 128 MiB). */
export const defaultScryptCost = { N: 2 ** 17, r: 8, p: 1 } as const;

/**
 * The parameters new vaults get: Argon2id with 128 MiB, 3 passes, 1 lane — the same memory as the scrypt it
 * replaces (well above RFC 9106's and OWASP's 19 MiB, t 2 minimum) at under half its time with the native build.
 */
export const defaultKdfCost = { name: 'argon2id', m: 128 * 1024, t: 3, p: 1 } as const satisfies KdfCost;

/** The KDF's name and parameters in their stored order, for the MAC and the wrapped key's associated data. */
export function kdfFields(kdf: KdfParameters): [string, number, number, number, string] {
  return kdf.name === 'scrypt' ? [kdf.name, kdf.N, kdf.r, kdf.p, kdf.salt] : [kdf.name, kdf.m, kdf.t, kdf.p, kdf.salt];
}

/** True when stored parameters are weaker than the configured cost (scrypt is always weaker than Argon2id). */
export function weakerThan(stored: KdfParameters, cost: KdfCost): boolean {
  if (stored.name === 'scrypt' && cost.name === 'scrypt')
    return stored.N < cost.N || stored.r < cost.r || stored.p < cost.p;
  if (stored.name === 'argon2id' && cost.name === 'argon2id')
    return stored.m < cost.m || stored.t < cost.t || stored.p < cost.p;
  return stored.name === 'scrypt';
}

/** AES-256-GCM output: a 96-bit nonce and the ciphertext with its 128-bit tag appended, both base64. */
export interface Sealed {
  iv: string;
  data: string;
}

/** Derives the 256-bit key-encryption key from the master password with the vault's KDF. */
export function deriveKey(password: string, parameters: KdfParameters): Promise<Buffer> {
  const normalized = password.normalize('NFC');
  const salt = Buffer.from(parameters.salt, 'base64');
  if (parameters.name === 'argon2id') {
    // Runs on libuv's thread pool, like scrypt: the event loop stays free. 2 is Algorithm.Argon2id (a const enum).
    const { m, t, p } = parameters;
    return hashRaw(normalized, { algorithm: 2, memoryCost: m, timeCost: t, parallelism: p, outputLen: 32, salt });
  }
  const { N, r, p } = parameters;
  const maxmem = 128 * N * r * p + 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(normalized, salt, 32, { N, r, p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A fresh salt and the given cost. */
export function newKdfParameters(cost: KdfCost): KdfParameters {
  return { ...cost, salt: randomBytes(16).toString('base64') };
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

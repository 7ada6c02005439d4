import { createHash, createHmac, randomBytes as nodeRandomBytes, pbkdf2, pbkdf2Sync } from 'node:crypto';
import { promisify } from 'node:util';

// node-postgres's password hashing (pg/lib/crypto/utils.js), the same functions on node:crypto instead of Web Crypto.
// The bundles for Node use this file in its place (build/cli-build-options.mjs, `pgCryptoPlugin`): Web Crypto's
// JavaScript layers (key import, algorithm normalisation, its modules' first load) cost each SCRAM sign-in ≈ 3 ms of
// a plain `rdspg check`. test/unit/engine/pg-crypto.test.ts checks both give the same bytes.

const pbkdf2Async = promisify(pbkdf2);

/** Random bytes for the client nonce. */
export function randomBytes(length: number): Buffer {
  return nodeRandomBytes(length);
}

/** MD5 of a string or bytes, in hex. */
export async function md5(text: string | Buffer): Promise<string> {
  return createHash('md5').update(text).digest('hex');
}

/** The password the md5 method sends: `md5` + md5(md5(password + user) + salt). */
export async function postgresMd5PasswordHash(user: string, password: string, salt: Buffer): Promise<string> {
  const inner = await md5(password + user);
  return `md5${await md5(Buffer.concat([Buffer.from(inner), salt]))}`;
}

/** SHA-256 of bytes. */
export async function sha256(data: ArrayBuffer | Buffer): Promise<Buffer> {
  return createHash('sha256')
    .update(Buffer.from(data as ArrayBuffer))
    .digest();
}

/** A digest by its Web Crypto name (`SHA-256`, `SHA-384`, `SHA-512`), for SCRAM channel binding. */
export async function hashByName(hashName: string, data: Buffer): Promise<Buffer> {
  return createHash(hashName).update(data).digest();
}

/** HMAC-SHA-256 of a message under a key. */
export async function hmacSha256(key: ArrayBuffer | Buffer, message: string): Promise<Buffer> {
  return createHmac('sha256', Buffer.from(key as ArrayBuffer))
    .update(message)
    .digest();
}

/**
 * Up to this many iterations (four times PostgreSQL's default of 4096, which take ≈ 1 ms here) SCRAM's key is derived
 * on the spot: handing it to Node's thread pool costs more than the work (the job, and OpenSSL's first use on that
 * thread: ≈ 2 ms of CPU per sign-in of a plain `rdspg check`, measured). A server that asks for more is served from
 * the pool, so that it cannot hold the event loop (the desktop app's main process, server mode) for long.
 */
const inlineIterations = 16_384;

/** SCRAM's salted password: PBKDF2-HMAC-SHA-256, 32 bytes. */
export async function deriveKey(password: string, salt: Uint8Array, iterations: number): Promise<Buffer> {
  if (iterations <= inlineIterations) return pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  return await pbkdf2Async(password, salt, iterations, 32, 'sha256');
}

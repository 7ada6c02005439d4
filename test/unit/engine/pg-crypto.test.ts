import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as ours from '../../../electron/engine/pg-crypto';

/** node-postgres's own module, which the Node bundles replace with ours (build/cli-build-options.mjs). */
const theirs = createRequire(import.meta.url)('pg/lib/crypto/utils.js') as Record<
  string,
  (...args: never[]) => unknown
>;
const bytes = (value: unknown) => Buffer.from(value as ArrayBuffer).toString('hex');

describe('pg-crypto: node-postgres’s password hashing on node:crypto', () => {
  it('exports every function node-postgres’s module exports', () => {
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
  });

  it('gives the same bytes as node-postgres’s Web Crypto functions', async () => {
    const salt = Buffer.from('QSXCR+Q6sek8bf92', 'base64');
    const call = (module: Record<string, unknown>, name: string, ...args: unknown[]) =>
      (module[name] as (...values: unknown[]) => Promise<unknown>)(...args);
    for (const [name, args] of [
      ['deriveKey', ['pencil', salt, 4096]],
      // Above 16,384 iterations the key is derived in Node's thread pool, at or below on the spot: the same bytes.
      ['deriveKey', ['pencil', salt, 16_384]],
      ['deriveKey', ['pencil', salt, 16_385]],
      ['deriveKey', ['pässwörd ☃', salt, 1]],
      ['hmacSha256', [Buffer.from('key bytes'), 'Client Key']],
      ['sha256', [Buffer.from('stored key')]],
      ['hashByName', ['SHA-256', Buffer.from('certificate')]],
      ['hashByName', ['SHA-384', Buffer.from('certificate')]],
      ['hashByName', ['SHA-512', Buffer.from('certificate')]],
    ] as const) {
      expect(bytes(await call(ours, name, ...args)), name).toBe(bytes(await call(theirs, name, ...args)));
    }
    expect(await ours.md5('text')).toBe(await call(theirs, 'md5', 'text'));
    const md5Salt = Buffer.from([1, 2, 3, 4]);
    expect(await ours.postgresMd5PasswordHash('user', 'secret', md5Salt)).toBe(
      await call(theirs, 'postgresMd5PasswordHash', 'user', 'secret', md5Salt),
    );
    expect(ours.randomBytes(18)).toHaveLength(18);
    expect(ours.randomBytes(18).equals(ours.randomBytes(18))).toBe(false);
  });
});

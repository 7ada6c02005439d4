import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../electron/platform/clock';
import type { KeychainPort } from '../../../electron/vault/keychain';
import { Vault } from '../../../electron/vault/vault';

/** Low Argon2id cost for tests only (the shipped default stays 128 MiB, t 3). */
export const testCost = { name: 'argon2id', m: 1024, t: 1, p: 1 } as const;

/** A fresh data folder. */
export function dataFolder(): string {
  return mkdtempSync(join(tmpdir(), 'rdspg-vault-'));
}

/** A vault in `folder` with the test cost. */
export function testVault(
  folder: string,
  extra: { clock?: Clock; keychain?: KeychainPort; idleLockMs?: number } = {},
): Vault {
  return new Vault({ folder, kdfCost: testCost, ...extra });
}

/** Every file under a folder with its bytes, for scanning for plain-text secrets. */
export function filesUnder(folder: string): { path: string; bytes: Buffer }[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

/** The files that contain any of the secrets (as UTF-8, UTF-16 or base64 text). */
export function filesHolding(folder: string, secrets: string[]): string[] {
  const needles = secrets.flatMap((secret) => [
    Buffer.from(secret, 'utf8'),
    Buffer.from(secret, 'utf16le'),
    Buffer.from(Buffer.from(secret).toString('base64')),
  ]);
  return filesUnder(folder)
    .filter((file) => needles.some((needle) => file.bytes.includes(needle)))
    .map((file) => file.path);
}

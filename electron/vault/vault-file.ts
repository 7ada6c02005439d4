import { z } from 'zod';
import type { SecretAddress } from '../../shared/vault-types';
import { secretOwnerKinds } from '../../shared/vault-types';
import { authenticate, checksum, type KdfParameters, kdfFields, type Sealed, strictBase64 } from './vault-crypto';

/** The vault file format this build writes. */
export const vaultFormatVersion = 1;

/** One saved secret: where it belongs (in clear, so that "is one saved?" needs no unlock) and its ciphertext. */
export type SecretEntry = SecretAddress & Sealed;

/** The vault file: the wrapped vault key with its KDF parameters, the secrets, a MAC and a checksum. */
export interface VaultDocument {
  format: 'rdspg-vault';
  version: number;
  id: string;
  kdf: KdfParameters;
  wrappedKey: Sealed;
  secrets: SecretEntry[];
  /** HMAC-SHA256 of everything above under a key derived from the vault key: tampering shows on unlock. */
  mac: string;
  /** SHA-256 of everything above: an accidentally damaged file is reported as such, not as a wrong password. */
  checksum: string;
}

const sealed = { iv: z.string(), data: z.string() };
/** 4 GiB: a damaged or hostile file must not make the unlock try to allocate without bound. */
const maximumArgon2idKiB = 4 * 1024 * 1024;
const documentSchema = z.strictObject({
  format: z.literal('rdspg-vault'),
  version: z.number().int(),
  id: z.string().min(1),
  kdf: z
    .discriminatedUnion('name', [
      z.strictObject({
        name: z.literal('scrypt'),
        N: z.number().int().min(2),
        r: z.number().int().min(1),
        p: z.number().int().min(1),
        salt: z.string().min(1),
      }),
      z.strictObject({
        name: z.literal('argon2id'),
        m: z.number().int().min(8).max(maximumArgon2idKiB),
        // A file that asks for more passes or less memory than Argon2 allows is damaged, not a reason to hang or throw.
        t: z.number().int().min(1).max(64),
        p: z.number().int().min(1).max(255),
        salt: z.string().min(1),
      }),
    ])
    .refine((kdf) => kdf.name !== 'argon2id' || kdf.m >= 8 * kdf.p, 'Argon2id needs at least 8 KiB per lane'),
  wrappedKey: z.strictObject(sealed),
  secrets: z.array(
    z.strictObject({ ownerKind: z.enum(secretOwnerKinds), ownerId: z.string(), field: z.string(), ...sealed }),
  ),
  mac: z.string(),
  checksum: z.string(),
});

type Unsigned = Omit<VaultDocument, 'mac' | 'checksum'>;

function macText(document: Unsigned): string {
  const { format, version, id, kdf, wrappedKey } = document;
  const secrets = document.secrets.map(({ ownerKind, ownerId, field, iv, data }) => ({
    ownerKind,
    ownerId,
    field,
    iv,
    data,
  }));
  return JSON.stringify([format, version, id, kdfFields(kdf), [wrappedKey.iv, wrappedKey.data], secrets]);
}

/** The associated data that binds the wrapped key to this vault and its KDF parameters (no silent downgrade). */
export function wrappedKeyContext(id: string, kdf: KdfParameters): string {
  return JSON.stringify(['rdspg-vault-key', id, ...kdfFields(kdf)]);
}

/** The associated data that binds a secret to its vault, owner and field: moved elsewhere, it fails to decrypt. */
export function secretContext(id: string, address: SecretAddress): string {
  return JSON.stringify(['rdspg-secret', id, address.ownerKind, address.ownerId, address.field]);
}

/** Signs a document with the vault key and serializes it exactly as it is stored. */
export function serializeVault(document: Unsigned, vaultKey: Buffer): string {
  const { format, version, id, kdf, wrappedKey } = document;
  const withMac = {
    format,
    version,
    id,
    kdf:
      kdf.name === 'scrypt'
        ? { name: kdf.name, N: kdf.N, r: kdf.r, p: kdf.p, salt: kdf.salt }
        : { name: kdf.name, m: kdf.m, t: kdf.t, p: kdf.p, salt: kdf.salt },
    wrappedKey: { iv: wrappedKey.iv, data: wrappedKey.data },
    secrets: document.secrets.map(({ ownerKind, ownerId, field, iv, data }) => ({
      ownerKind,
      ownerId,
      field,
      iv,
      data,
    })),
    mac: authenticate(vaultKey, macText(document)),
  };
  const whole = { ...withMac, checksum: checksum(JSON.stringify(withMac)) };
  return `${JSON.stringify(whole, null, 2)}\n`;
}

/**
 * Parses a vault file without the key: its shape, its exact serialization (so no byte can change unnoticed) and
 * its checksum. Returns null when the file is damaged.
 */
export function parseVault(text: string): VaultDocument | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (`${JSON.stringify(raw, null, 2)}\n` !== text) return null;
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { checksum: stored, ...withMac } = raw as Record<string, unknown>;
  if (checksum(JSON.stringify(withMac)) !== stored) return null;
  if (!strictBase64(parsed.data.kdf.salt)) return null;
  return parsed.data;
}

/** True when the document's MAC matches under this vault key. */
export function macMatches(document: VaultDocument, vaultKey: Buffer): boolean {
  return authenticate(vaultKey, macText(document)) === document.mac;
}

import { pbkdf2Sync } from 'node:crypto';
import forge from 'node-forge';

/** Thrown inside a budgeted run when a file asks for more key-derivation work than any real keystore does. */
export class KdfBudgetExceeded extends Error {}

/** The key-derivation work one PKCS#12 read may do: real files use 2,048 (openssl) to 10,000 (keytool) iterations. */
export const kdfBudget = { pkcs12Iterations: 60_000, pbkdf2Iterations: 1_000_000 };

type Pbkdf2 = (password: string, salt: string, count: number, length: number, md?: unknown) => string;
type Pkcs12Kdf = (password: string, salt: unknown, id: number, count: number, length: number, md?: unknown) => unknown;

const nativeDigests: Record<string, string> = {
  sha1: 'sha1',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  md5: 'md5',
};

/**
 * Runs node-forge code (PKCS#12 reading) with its key derivations metered: PBKDF2 runs natively (fast) and both
 * KDFs stop with KdfBudgetExceeded past the budget, so a crafted iteration count cannot hang the app. The patch is
 * synchronous and always restored, so no other caller of node-forge ever sees it.
 */
export function withKdfBudget<Value>(run: () => Value): Value {
  const pkcs5 = forge.pkcs5 as unknown as { pbkdf2: Pbkdf2 };
  const pbe = (forge.pki as unknown as { pbe: { generatePkcs12Key: Pkcs12Kdf } }).pbe;
  const pkcs12 = forge.pkcs12 as unknown as { generateKey: Pkcs12Kdf };
  const original = { pbkdf2: pkcs5.pbkdf2, pbeKdf: pbe.generatePkcs12Key, pkcs12Kdf: pkcs12.generateKey };
  let pkcs12Iterations = 0;
  let pbkdf2Iterations = 0;
  const meteredPkcs12Kdf: Pkcs12Kdf = (password, salt, id, count, length, md) => {
    pkcs12Iterations += count;
    if (!(count >= 1) || pkcs12Iterations > kdfBudget.pkcs12Iterations) throw new KdfBudgetExceeded();
    return original.pbeKdf(password, salt, id, count, length, md);
  };
  pkcs5.pbkdf2 = (password, salt, count, length, md) => {
    pbkdf2Iterations += count;
    if (!(count >= 1) || pbkdf2Iterations > kdfBudget.pbkdf2Iterations) throw new KdfBudgetExceeded();
    const digest = nativeDigests[(md as { algorithm?: string } | undefined)?.algorithm ?? 'sha1'];
    if (!digest) return original.pbkdf2(password, salt, count, length, md);
    return pbkdf2Sync(Buffer.from(password, 'binary'), Buffer.from(salt, 'binary'), count, length, digest).toString(
      'binary',
    );
  };
  pbe.generatePkcs12Key = meteredPkcs12Kdf;
  pkcs12.generateKey = meteredPkcs12Kdf;
  try {
    return run();
  } finally {
    pkcs5.pbkdf2 = original.pbkdf2;
    pbe.generatePkcs12Key = original.pbeKdf;
    pkcs12.generateKey = original.pkcs12Kdf;
  }
}

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../electron/vault/backoff';
import { fakeClock } from '../../support/fake-clock';
import { dataFolder, filesHolding, testVault } from './vault-helpers';

const master = 'orchid-lantern-42';
const server = (ownerId: string, field = 'password') => ({ ownerKind: 'server' as const, ownerId, field });
const secrets = ['db-pass-Zq81!x', 'key-passphrase-77', 'AKSecret9f8e7d6c5b4a', 'STS.tokenValue.123456'];

async function filledVault() {
  const folder = dataFolder();
  const vault = testVault(folder);
  expect((await vault.initialize(master)).ok).toBe(true);
  await vault.writeSecret(server('s1'), secrets[0]!);
  await vault.writeSecret(server('s1', 'sslpassword'), secrets[1]!);
  await vault.writeSecret({ ownerKind: 'access_key', ownerId: 'profile-a', field: 'secret' }, secrets[2]!);
  await vault.writeSecret({ ownerKind: 'sts_token', ownerId: 'profile-a', field: 'token' }, secrets[3]!);
  return { folder, vault };
}

describe('vault set-up, unlock, lock', () => {
  it('refuses a master password shorter than 8 characters', async () => {
    const result = await testVault(dataFolder()).initialize('short7!');
    expect(result.ok ? null : result.error.code).toBe('weak_password');
  });

  it('keeps secrets across processes and returns them only after unlock', async () => {
    const { folder } = await filledVault();
    const later = testVault(folder);
    expect((await later.status()).unlocked).toBe(false);
    expect(await later.hasSecret(server('s1'))).toEqual({ ok: true, value: true });
    expect(await later.hasSecret(server('s2'))).toEqual({ ok: true, value: false });
    expect((await later.readSecret(server('s1'))).ok).toBe(false);
    expect((await later.unlock(master)).ok).toBe(true);
    expect(await later.readSecret(server('s1'))).toEqual({ ok: true, value: secrets[0] });
    expect(await later.readSecret({ ownerKind: 'sts_token', ownerId: 'profile-a', field: 'token' })).toEqual({
      ok: true,
      value: secrets[3],
    });
    later.lock();
    const locked = await later.readSecret(server('s1'));
    expect(locked.ok ? null : locked.error.code).toBe('vault_locked');
  });

  it('writes its files 0600 and never a secret in plain text', async () => {
    const { folder } = await filledVault();
    expect(filesHolding(folder, [...secrets, master])).toEqual([]);
    expect(statSync(`${folder}/vault.json`).mode & 0o777).toBe(0o600);
  });

  it('detects a wrong password by authenticated decryption, with no check string in the file', async () => {
    const { folder } = await filledVault();
    const result = await testVault(folder).unlock('not the password');
    expect(result.ok ? null : result.error.code).toBe('wrong_password');
    expect(Object.keys(JSON.parse(readFileSync(`${folder}/vault.json`, 'utf8')))).toEqual([
      'format',
      'version',
      'id',
      'kdf',
      'wrappedKey',
      'secrets',
      'mac',
      'checksum',
    ]);
  });

  it('locks itself after the idle time', async () => {
    const clock = fakeClock(1_700_000_000_000);
    const vault = testVault(dataFolder(), { clock, idleLockMs: 60_000 });
    await vault.initialize(master);
    await vault.writeSecret(server('s1'), 'x-secret-value');
    clock.advance(59_000);
    expect((await vault.readSecret(server('s1'))).ok).toBe(true);
    clock.advance(59_000);
    expect((await vault.readSecret(server('s1'))).ok).toBe(true);
    clock.advance(61_000);
    expect((await vault.status()).unlocked).toBe(false);
  });
});

describe('wrong attempts back off', () => {
  it('grows the delay and keeps the count across restarts', async () => {
    const clock = fakeClock(1_700_000_000_000);
    const { folder } = await filledVault();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const result = await testVault(folder, { clock }).unlock(`wrong ${attempt} password`);
      expect(result.ok ? null : result.error.code).toBe('wrong_password');
    }
    // A new process (a new vault object) still has to wait.
    const blocked = await testVault(folder, { clock }).unlock(master);
    expect(blocked.ok ? null : blocked.error.code).toBe('too_many_attempts');
    expect((await testVault(folder, { clock }).status()).failedAttempts).toBe(3);
    clock.advance(backoffDelayMs(3) + 1);
    expect((await testVault(folder, { clock }).unlock(master)).ok).toBe(true);
    expect((await testVault(folder, { clock }).status()).failedAttempts).toBe(0);
    expect(backoffDelayMs(4)).toBeGreaterThan(backoffDelayMs(3));
    expect(backoffDelayMs(100)).toBe(backoffDelayMs(101));
  });
});

describe('change and reset', () => {
  it('change re-wraps the key under a new salt and leaves the secrets as they were', async () => {
    const { folder, vault } = await filledVault();
    const before = JSON.parse(readFileSync(`${folder}/vault.json`, 'utf8'));
    const changed = await vault.change(master, 'new-orchid-lantern-43');
    expect(changed.ok).toBe(true);
    const after = JSON.parse(readFileSync(`${folder}/vault.json`, 'utf8'));
    expect(after.secrets).toEqual(before.secrets);
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    const fresh = testVault(folder);
    expect((await fresh.unlock(master)).ok).toBe(false);
    expect((await fresh.unlock('new-orchid-lantern-43')).ok).toBe(true);
    expect(await fresh.readSecret(server('s1', 'sslpassword'))).toEqual({ ok: true, value: secrets[1] });
    expect(filesHolding(folder, [...secrets, master, 'new-orchid-lantern-43'])).toEqual([]);
  });

  it('change refuses a wrong current password', async () => {
    const { vault } = await filledVault();
    const result = await vault.change('wrong current one', 'new-orchid-lantern-43');
    expect(result.ok ? null : result.error.code).toBe('wrong_password');
  });

  it('reset deletes every secret and works under the new password', async () => {
    const { folder } = await filledVault();
    const result = await testVault(folder).reset('after-reset-password');
    expect(result.ok && result.value.deletedSecrets).toBe(4);
    const fresh = testVault(folder);
    expect(await fresh.hasSecret(server('s1'))).toEqual({ ok: true, value: false });
    expect((await fresh.unlock('after-reset-password')).ok).toBe(true);
    expect(filesHolding(folder, [...secrets, master, 'after-reset-password'])).toEqual([]);
  });
});

describe('the KDF parameters', () => {
  it('are raised and the key re-wrapped on unlock when the vault has weaker ones', async () => {
    const folder = dataFolder();
    await testVault(folder).initialize(master);
    const { Vault } = await import('../../../electron/vault/vault');
    const strongerCost = { name: 'argon2id', m: 2048, t: 2, p: 1 } as const;
    expect((await new Vault({ folder, kdfCost: strongerCost }).unlock(master)).ok).toBe(true);
    expect(JSON.parse(readFileSync(`${folder}/vault.json`, 'utf8')).kdf).toMatchObject(strongerCost);
    expect((await new Vault({ folder, kdfCost: strongerCost }).unlock(master)).ok).toBe(true);
  });

  it('upgrade a vault written with the old scrypt parameters to Argon2id on its next unlock', async () => {
    const folder = dataFolder();
    const { Vault } = await import('../../../electron/vault/vault');
    const { defaultScryptCost } = await import('../../../electron/vault/vault-crypto');
    const old = new Vault({ folder, kdfCost: defaultScryptCost });
    expect((await old.initialize(master)).ok).toBe(true);
    await old.writeSecret(server('s1'), secrets[0]!);
    const before = JSON.parse(readFileSync(`${folder}/vault.json`, 'utf8'));
    expect(before.kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });

    const shipped = new Vault({ folder });
    expect((await shipped.unlock('not-the-master-password')).ok).toBe(false);
    expect(JSON.parse(readFileSync(`${folder}/vault.json`, 'utf8'))).toEqual(before);
    expect((await shipped.unlock(master)).ok).toBe(true);
    const after = JSON.parse(readFileSync(`${folder}/vault.json`, 'utf8'));
    expect(Object.keys(after.kdf)).toEqual(['name', 'm', 't', 'p', 'salt']);
    expect(after.kdf).toMatchObject({ name: 'argon2id', m: 131072, t: 3, p: 1 });
    expect(after.kdf.salt).not.toBe(before.kdf.salt);

    const again = new Vault({ folder });
    expect((await again.unlock(master)).ok).toBe(true);
    const read = await again.readSecret(server('s1'));
    expect(read.ok && read.value).toBe(secrets[0]);
    expect(JSON.parse(readFileSync(`${folder}/vault.json`, 'utf8')).kdf.salt).toBe(after.kdf.salt);
  });

  it('upgrade on unlock never undoes a password change made meanwhile by another process', async () => {
    const folder = dataFolder();
    const { Vault } = await import('../../../electron/vault/vault');
    const { deriveKey } = await import('../../../electron/vault/vault-crypto');
    const weakCost = { name: 'argon2id', m: 1024, t: 1, p: 1 } as const;
    const strongerCost = { name: 'argon2id', m: 2048, t: 2, p: 1 } as const;
    expect((await new Vault({ folder, kdfCost: weakCost }).initialize(master)).ok).toBe(true);
    const other = new Vault({ folder, kdfCost: strongerCost });
    let changedMeanwhile = false;
    const upgrading = new Vault({
      folder,
      kdfCost: strongerCost,
      // After this process has checked the password and before it re-wraps, the other one changes the password.
      deriveKey: async (...args: Parameters<typeof deriveKey>) => {
        const key = await deriveKey(...args);
        if (!changedMeanwhile) {
          changedMeanwhile = true;
          expect((await other.change(master, 'a-newer-master-password')).ok).toBe(true);
        }
        return key;
      },
    });
    expect((await upgrading.unlock(master)).ok).toBe(true);
    expect(changedMeanwhile).toBe(true);
    expect((await new Vault({ folder, kdfCost: strongerCost }).unlock('a-newer-master-password')).ok).toBe(true);
    expect((await new Vault({ folder, kdfCost: strongerCost }).unlock(master)).ok).toBe(false);
  });

  it('treat an absurd Argon2id memory size in the file as a damaged vault, without trying to allocate it', async () => {
    const folder = dataFolder();
    await testVault(folder).initialize(master);
    const { checksum } = await import('../../../electron/vault/vault-crypto');
    const { checksum: _old, ...document } = JSON.parse(readFileSync(`${folder}/vault.json`, 'utf8'));
    document.kdf.m = 2 ** 40;
    const whole = { ...document, checksum: checksum(JSON.stringify(document)) };
    writeFileSync(`${folder}/vault.json`, `${JSON.stringify(whole, null, 2)}\n`);
    const result = await testVault(folder).unlock(master);
    expect(result.ok ? null : result.error.code).toBe('vault_corrupt');
  });

  it('ship Argon2id at 128 MiB, t 3, p 1 (RFC 9106 / OWASP minimum: 19 MiB, t 2)', async () => {
    const { defaultKdfCost } = await import('../../../electron/vault/vault-crypto');
    expect(defaultKdfCost).toEqual({ name: 'argon2id', m: 131072, t: 3, p: 1 });
  });

  it('derive standard Argon2id (v 0x13) output, as an independent implementation computes it', async () => {
    const { deriveKey } = await import('../../../electron/vault/vault-crypto');
    const salt = Buffer.from('some salt 16 byte').toString('base64');
    const key = await deriveKey('correct horse battery staple', { name: 'argon2id', m: 1024, t: 2, p: 1, salt });
    // Computed with hash-wasm's Argon2id (a separate WebAssembly build of the reference implementation).
    expect(key.toString('hex')).toBe('0c75e4a418ba7ca250c7ccdbaa245b3d79ef401ee603ce5c91c9c12b7af97404');
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import type { VaultStatus } from '../../shared/contract/vault';
import { fail, ok, type Result } from '../../shared/result';
import { passwordStrength } from '../../shared/vault-strength';
import {
  isBindingField,
  minimumMasterPasswordLength,
  type SecretAddress,
  type SecretOwnerKind,
  type VaultErrorCode,
} from '../../shared/vault-types';
import { appName } from '../platform/app-home';
import { type Clock, systemClock } from '../platform/clock';
import { backoffDelayMs } from './backoff';
import { absentKeychain, type KeychainPort } from './keychain';
import { defaultKdfCost, deriveKey, type KdfCost, newKdfParameters, open, seal, weakerThan } from './vault-crypto';
import { macMatches, secretContext, serializeVault, type VaultDocument, wrappedKeyContext } from './vault-file';
import { type VaultState, VaultStorage } from './vault-storage';

/** The ports and settings of a vault. A `kdfCost` other than the shipped Argon2id one is for tests only. */
export interface VaultOptions {
  folder: string;
  keychain?: KeychainPort;
  clock?: Clock;
  kdfCost?: KdfCost | { N: number; r: number; p: number };
  /** Lock after this long without use; null never. */
  idleLockMs?: number | null;
  /** The keychain service name; the app's name by default. */
  service?: string;
  /** The key derivation from the master password; vault-crypto's scrypt unless a test counts its runs. */
  deriveKey?: typeof deriveKey;
}

type VaultResult<Value> = Promise<Result<Value, VaultErrorCode>>;

function sameAddress(left: SecretAddress, right: SecretAddress): boolean {
  return left.ownerKind === right.ownerKind && left.ownerId === right.ownerId && left.field === right.field;
}

/**
 * The master-password vault: envelope encryption (a random 256-bit vault key; each secret AES-256-GCM bound to
 * its owner and field), the vault key wrapped by Argon2id(master password), optionally remembered in the keychain.
 */
export class Vault {
  private readonly storage: VaultStorage;
  private readonly keychain: KeychainPort;
  private readonly clock: Clock;
  private readonly cost: KdfCost;
  private readonly idleLockMs: number | null;
  private readonly service: string;
  private readonly deriveKey: typeof deriveKey;
  private key: Buffer | null = null;
  private lastUsedAt = 0;
  /** The tail of the queue of password checks: one KDF at a time in this process. */
  private checking: Promise<unknown> = Promise.resolve();

  constructor(options: VaultOptions) {
    this.storage = new VaultStorage(options.folder);
    this.keychain = options.keychain ?? absentKeychain();
    this.clock = options.clock ?? systemClock;
    const cost = options.kdfCost ?? defaultKdfCost;
    this.cost = 'name' in cost ? cost : { name: 'scrypt', ...cost };
    this.idleLockMs = options.idleLockMs ?? null;
    this.service = options.service ?? appName;
    this.deriveKey = options.deriveKey ?? deriveKey;
  }

  /** The vault file's path (for messages and tests). */
  get path(): string {
    return this.storage.vaultPath;
  }

  /** What anyone may know without the key. */
  async status(): Promise<VaultStatus> {
    this.checkIdle();
    const [document, state, availability] = await Promise.all([
      this.storage.readVault(),
      this.storage.readState(),
      this.keychain.availability(),
    ]);
    const retryAt = state.lastFailureAt === null ? null : state.lastFailureAt + backoffDelayMs(state.failedAttempts);
    return {
      initialized: !document.ok || document.value !== null,
      unlocked: this.key !== null,
      remembered: state.remembered,
      keychainAvailable: availability.available,
      keychainProblem: availability.available ? null : availability.problem,
      failedAttempts: state.failedAttempts,
      retryAt: retryAt !== null && retryAt > this.clock.now() ? retryAt : null,
      damage: document.ok ? null : await this.storage.damage(document.error),
    };
  }

  /** Locks the vault when it has not been used for the idle time; true when it did. */
  checkIdle(): boolean {
    if (this.key && this.idleLockMs !== null && this.clock.now() - this.lastUsedAt > this.idleLockMs) {
      this.lock();
      return true;
    }
    return false;
  }

  /** Forgets the vault key in this process (the keychain entry, if any, stays; see remember()). */
  lock(): void {
    this.key?.fill(0);
    this.key = null;
  }

  /** First use: sets the master password and creates an empty vault. */
  async initialize(password: string, remember = false): VaultResult<VaultStatus> {
    const weak = this.weakness(password);
    if (weak) return weak;
    const created = await this.storage.locked(async () => {
      const existing = await this.storage.readVault();
      if (!existing.ok || existing.value) return false;
      const key = randomBytes(32);
      await this.storage.writeVault(await this.wrap(randomUUID(), key, password, []), key);
      this.use(key);
      return true;
    });
    if (!created.ok) return fail('vault_busy', created.error.message);
    if (!created.value)
      return fail('vault_exists', 'A vault already exists; unlock it, change its password or reset it.');
    await this.storage.updateState(() => ({ failedAttempts: 0, lastFailureAt: null, remembered: false }));
    return this.afterUnlock(remember);
  }

  /** Unlocks with the master password; wrong attempts slow down. Raises weaker stored KDF parameters. */
  async unlock(password: string, remember = false): VaultResult<VaultStatus> {
    const checked = await this.verifyPassword(password);
    if (!checked.ok) return checked;
    const { document, key } = checked.value;
    this.use(key);
    if (weakerThan(document.kdf, this.cost)) await this.rewrap(password, document.kdf.salt);
    return this.afterUnlock(remember);
  }

  /** Unlocks with the vault key remembered in the OS keychain; ok(false) when there is none to use. */
  async unlockFromKeychain(): VaultResult<boolean> {
    const document = await this.storage.readVault();
    if (!document.ok) return document;
    if (!document.value) return fail('vault_missing', 'No vault yet; set a master password first.');
    if (this.key) return ok(true);
    if (!(await this.storage.readState()).remembered) return ok(false);
    const stored = await this.keychain.get(this.service, document.value.id);
    const key = stored ? Buffer.from(stored, 'base64') : null;
    if (key?.length !== 32 || !macMatches(document.value, key)) return ok(false);
    this.use(key);
    return ok(true);
  }

  /** Changes the master password: re-wraps the vault key under a new salt; the secrets are untouched. */
  async change(current: string, next: string): VaultResult<VaultStatus> {
    const weak = this.weakness(next);
    if (weak) return weak;
    const checked = await this.verifyPassword(current);
    if (!checked.ok) return checked;
    this.use(checked.value.key);
    const rewrapped = await this.rewrap(next);
    if (!rewrapped.ok) return rewrapped;
    return ok(await this.status());
  }

  /** For a forgotten password: deletes every saved secret and starts a new vault under a new password. */
  async reset(password: string, remember = false): VaultResult<{ status: VaultStatus; deletedSecrets: number }> {
    const weak = this.weakness(password);
    if (weak) return weak;
    const done = await this.storage.locked(async () => {
      const existing = await this.storage.readVault();
      const old = existing.ok ? existing.value : null;
      if (old) await this.keychain.delete(this.service, old.id);
      const key = randomBytes(32);
      await this.storage.writeVault(await this.wrap(randomUUID(), key, password, []), key);
      this.lock();
      this.use(key);
      return old?.secrets.filter((entry) => !isBindingField(entry.field)).length ?? 0;
    });
    if (!done.ok) return fail('vault_busy', done.error.message);
    await this.storage.updateState(() => ({ failedAttempts: 0, lastFailureAt: null, remembered: false }));
    const status = await this.afterUnlock(remember);
    return status.ok ? ok({ status: status.value, deletedSecrets: done.value }) : status;
  }

  /** "Remember on this device": keeps the vault key (never the password) in the OS keychain, or deletes it. */
  async remember(on: boolean): VaultResult<VaultStatus> {
    const document = await this.storage.readVault();
    if (!document.ok) return document;
    if (!document.value) return fail('vault_missing', 'No vault yet; set a master password first.');
    if (!on) {
      await this.keychain.delete(this.service, document.value.id);
      await this.storage.updateState((state) => ({ ...state, remembered: false }));
      return ok(await this.status());
    }
    const key = this.currentKey();
    if (!key) return fail('vault_locked', 'Unlock the vault with the master password first.');
    const availability = await this.keychain.availability();
    const stored =
      availability.available && (await this.keychain.set(this.service, document.value.id, key.toString('base64')));
    if (!stored) {
      const why = availability.available ? 'the OS keychain did not store the key' : availability.problem;
      return fail(
        'keychain_unavailable',
        `Cannot remember the vault on this device: ${why}. The master password still works.`,
      );
    }
    await this.storage.updateState((state) => ({ ...state, remembered: true }));
    return ok(await this.status());
  }

  /** Whether a secret is saved; needs no unlock (owners and fields are stored in clear, values are not). */
  async hasSecret(address: SecretAddress): VaultResult<boolean> {
    const saved = await this.savedSecrets(address.ownerKind, address.ownerId);
    return saved.ok ? ok(saved.value.some((entry) => sameAddress(entry, address))) : saved;
  }

  /** The addresses of the saved secrets, optionally of one owner; needs no unlock; a damaged vault is a failure. */
  async savedSecrets(ownerKind?: SecretOwnerKind, ownerId?: string): VaultResult<SecretAddress[]> {
    const document = await this.storage.readVault();
    if (!document.ok) return document;
    return ok(
      (document.value?.secrets ?? [])
        .filter((entry) => (!ownerKind || entry.ownerKind === ownerKind) && (!ownerId || entry.ownerId === ownerId))
        .map(({ ownerKind: kind, ownerId: id, field }) => ({ ownerKind: kind, ownerId: id, field })),
    );
  }

  /** Puts back the last good copy of the vault file (verified first); refuses when it is missing or damaged too. */
  async restore(): VaultResult<{ status: VaultStatus; restoredFrom: { path: string; savedAt: number } }> {
    const done = await this.storage.locked(() => this.storage.restoreVault());
    if (!done.ok) return fail('vault_busy', done.error.message);
    if (!done.value.ok) return done.value;
    return ok({ status: await this.status(), restoredFrom: done.value.value });
  }

  /** Decrypts a secret; ok(null) when none is saved. */
  async readSecret(address: SecretAddress): VaultResult<string | null> {
    const current = await this.currentDocument();
    if (!current.ok) return current;
    const { document, key } = current.value;
    const entry = document.secrets.find((candidate) => sameAddress(candidate, address));
    if (!entry) return ok(null);
    const plain = open(key, entry, secretContext(document.id, address));
    if (!plain) return fail('vault_corrupt', 'A saved secret does not decrypt; save it again.');
    return ok(plain.toString('utf8'));
  }

  /** Encrypts and saves a secret (replacing the one at the same address). */
  async writeSecret(address: SecretAddress, value: string): VaultResult<void> {
    return this.modifySecrets((document, key) => {
      const sealed = seal(key, Buffer.from(value, 'utf8'), secretContext(document.id, address));
      const others = document.secrets.filter((entry) => !sameAddress(entry, address));
      return { secrets: [...others, { ...address, ...sealed }], result: undefined };
    });
  }

  /** Deletes an owner's secrets (or one field); ok(count). Needs the key only when there is something to delete. */
  async deleteSecrets(ownerKind: SecretOwnerKind, ownerId: string, field?: string): VaultResult<number> {
    const matches = (entry: SecretAddress) =>
      entry.ownerKind === ownerKind && entry.ownerId === ownerId && (field === undefined || entry.field === field);
    const saved = await this.savedSecrets(ownerKind, ownerId);
    if (!saved.ok) return saved;
    if (!saved.value.some(matches)) return ok(0);
    return this.modifySecrets((document) => {
      const kept = document.secrets.filter((entry) => !matches(entry));
      return { secrets: kept, result: document.secrets.length - kept.length };
    });
  }

  private weakness(password: string): { ok: false; error: { code: 'weak_password'; message: string } } | null {
    const strength = passwordStrength(password);
    if (strength.acceptable) return null;
    return [...password].length < minimumMasterPasswordLength
      ? fail('weak_password', `Use at least ${minimumMasterPasswordLength} characters for the master password.`)
      : fail('weak_password', `This master password is too easy to guess. ${strength.feedback.join(' ')}`);
  }

  private use(key: Buffer): void {
    if (this.key !== key) this.lock();
    this.key = key;
    this.lastUsedAt = this.clock.now();
  }

  private currentKey(): Buffer | null {
    this.checkIdle();
    if (this.key) this.lastUsedAt = this.clock.now();
    return this.key;
  }

  private async afterUnlock(remember: boolean): VaultResult<VaultStatus> {
    if (remember) {
      const remembered = await this.remember(true);
      if (!remembered.ok && remembered.error.code !== 'keychain_unavailable') return remembered;
    }
    return ok(await this.status());
  }

  private async wrap(id: string, key: Buffer, password: string, secrets: VaultDocument['secrets']): Promise<string> {
    const kdf = newKdfParameters(this.cost);
    const wrappedKey = seal(await this.deriveKey(password, kdf), key, wrappedKeyContext(id, kdf));
    return serializeVault({ format: 'rdspg-vault', version: 1, id, kdf, wrappedKey, secrets }, key);
  }

  /** Checks a master password; checks wait for each other, so parallel wrong guesses all meet the backoff. */
  private verifyPassword(password: string): VaultResult<{ document: VaultDocument; key: Buffer }> {
    const check = this.checking.then(() => this.checkPassword(password));
    this.checking = check.catch(() => undefined);
    return check;
  }

  /** Counts the attempt as failed before the KDF runs (a crash mid-check still counts), then clears it on success. */
  private async checkPassword(password: string): VaultResult<{ document: VaultDocument; key: Buffer }> {
    const read = await this.storage.readVault();
    if (!read.ok) return read;
    const document = read.value;
    if (!document) return fail('vault_missing', 'No vault yet; set a master password first ("rdspg vault init").');
    // The backoff check and the count are one step under the vault lock, so other processes cannot slip between.
    let waitMs = 0;
    const counted = await this.recordAttempt((old) => {
      const now = this.clock.now();
      waitMs = old.lastFailureAt === null ? 0 : old.lastFailureAt + backoffDelayMs(old.failedAttempts) - now;
      return waitMs > 0 ? old : { ...old, failedAttempts: old.failedAttempts + 1, lastFailureAt: now };
    });
    if (!counted.ok) return counted;
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      return fail('too_many_attempts', `Too many wrong master passwords; try again in ${seconds} s.`);
    }
    const key = open(
      await this.deriveKey(password, document.kdf),
      document.wrappedKey,
      wrappedKeyContext(document.id, document.kdf),
    );
    if (!key) {
      const failures = counted.value.failedAttempts;
      const stamped = await this.recordAttempt((old) => ({ ...old, lastFailureAt: this.clock.now() }));
      if (!stamped.ok) return stamped;
      const delay = backoffDelayMs(failures);
      const after = delay ? ` Wait ${Math.ceil(delay / 1000)} s before the next try.` : '';
      return fail(
        'wrong_password',
        `The master password is not correct (${failures} wrong in a row).${after} If it is lost, reset the vault.`,
      );
    }
    if (!macMatches(document, key)) {
      return fail('vault_corrupt', await this.storage.damageMessage('was changed outside the app'));
    }
    const cleared = await this.recordAttempt((old) => ({ ...old, failedAttempts: 0, lastFailureAt: null }));
    return cleared.ok ? ok({ document, key }) : cleared;
  }

  /** Changes the failed-attempt state under the vault lock; vault_busy when another process holds the lock. */
  private async recordAttempt(change: (state: VaultState) => VaultState): VaultResult<VaultState> {
    try {
      return ok(await this.storage.updateState(change));
    } catch (error) {
      return fail('vault_busy', `The vault is busy (${(error as Error).message}); try again in a moment.`);
    }
  }

  private async currentDocument(): VaultResult<{ document: VaultDocument; key: Buffer }> {
    const key = this.currentKey();
    if (!key) return fail('vault_locked', 'The vault is locked; unlock it with the master password.');
    const read = await this.storage.readVault();
    if (!read.ok) return read;
    if (!read.value) return fail('vault_missing', 'No vault yet; set a master password first.');
    if (!macMatches(read.value, key)) {
      this.lock();
      return fail('vault_locked', 'The vault was reset or replaced by another process; unlock it again.');
    }
    return ok({ document: read.value, key });
  }

  private async modifySecrets<Value>(
    change: (document: VaultDocument, key: Buffer) => { secrets: VaultDocument['secrets']; result: Value },
  ): VaultResult<Value> {
    const done = await this.storage.locked(async (): VaultResult<Value> => {
      const current = await this.currentDocument();
      if (!current.ok) return current;
      const { document, key } = current.value;
      const { secrets, result } = change(document, key);
      await this.storage.writeVault(serializeVault({ ...document, secrets }, key), key);
      return ok(result);
    });
    return done.ok ? done.value : fail('vault_busy', done.error.message);
  }

  /** Wraps the same vault key under a new salt and cost; with `onlyIfSalt`, only if no other process re-wrapped it since. */
  private async rewrap(password: string, onlyIfSalt?: string): VaultResult<void> {
    const done = await this.storage.locked(async (): VaultResult<void> => {
      const current = await this.currentDocument();
      if (!current.ok) return current;
      const { document, key } = current.value;
      if (onlyIfSalt !== undefined && document.kdf.salt !== onlyIfSalt) return ok(undefined);
      await this.storage.writeVault(await this.wrap(document.id, key, password, document.secrets), key);
      return ok(undefined);
    });
    return done.ok ? done.value : fail('vault_busy', done.error.message);
  }
}

export type { VaultState };

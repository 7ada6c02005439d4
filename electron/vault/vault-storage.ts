import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VaultDamage } from '../../shared/contract/vault';
import { type Failure, fail, ok, type Result } from '../../shared/result';
import type { VaultErrorCode } from '../../shared/vault-types';
import { writeFileAtomic } from '../platform/atomic-write';
import { withFileLock } from '../platform/file-lock';
import {
  type LastGoodCopy,
  lastGoodCopy,
  restoreLastGoodCopy,
  wayBack,
  writeKeepingLastGoodCopy,
} from '../platform/last-good-copy';
import { removeLeftoverTemporaries } from '../platform/leftovers';
import { macMatches, parseVault, type VaultDocument } from './vault-file';

/** What the vault keeps beside the vault file: failed attempts (so restarts cannot skip the backoff) and "remember". */
export interface VaultState {
  failedAttempts: number;
  lastFailureAt: number | null;
  remembered: boolean;
}

const freshState: VaultState = { failedAttempts: 0, lastFailureAt: null, remembered: false };

/** The key-less check of a vault file (shape, exact serialization, checksum). */
const soundVault = (text: string) => parseVault(text) !== null;

/** What is left after the way back: a reset. */
const resetAdvice = 'Reset the vault ("rdspg vault reset"; the saved secrets are lost, the servers are kept).';

/** The vault's files in the data folder: vault.json, vault-state.json and the lock that serializes writers. */
export class VaultStorage {
  readonly vaultPath: string;
  readonly statePath: string;
  readonly lockPath: string;

  constructor(folder: string) {
    this.vaultPath = join(folder, 'vault.json');
    this.statePath = join(folder, 'vault-state.json');
    this.lockPath = join(folder, 'vault.lock');
  }

  /** The parsed vault file: null when there is none, a failure when it is damaged. */
  async readVault(): Promise<Result<VaultDocument | null, VaultErrorCode>> {
    let text: string;
    try {
      text = await readFile(this.vaultPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(null);
      throw error;
    }
    const document = parseVault(text);
    if (!document) return fail('vault_corrupt', await this.damageMessage('is damaged'));
    if (document.version > 1) {
      return fail(
        'vault_newer',
        'The vault was written by a newer version of RDS PG Connect; update the app to open it.',
      );
    }
    return ok(document);
  }

  /** The message for a damaged vault file: what happened, its last good copy with its date, and the way out. */
  async damageMessage(what: string): Promise<string> {
    const copy = await lastGoodCopy(this.vaultPath, soundVault);
    return `The vault file ${this.vaultPath} ${what}. ${wayBack(copy, 'rdspg vault restore', resetAdvice)}`;
  }

  /** A read failure of the vault file as the status reports it, with its last good copy when a sound one is kept. */
  async damage(failure: Failure<VaultErrorCode>): Promise<VaultDamage> {
    const copy = await lastGoodCopy(this.vaultPath, soundVault);
    const sound = copy.kind === 'sound';
    return {
      ...failure,
      backupPath: sound ? copy.path : null,
      backupSavedAt: sound ? copy.savedAt : null,
    };
  }

  /**
   * Replaces the vault file atomically and durably (0600); then, when the file reads back sound and signed by
   * `vaultKey`, it also becomes the last good copy (vault.json.bak).
   */
  async writeVault(text: string, vaultKey: Buffer): Promise<void> {
    await writeKeepingLastGoodCopy(this.vaultPath, text, (written) => {
      const document = parseVault(written);
      return document !== null && macMatches(document, vaultKey);
    });
  }

  /** Puts the last good copy back (call under the lock); refuses when it is missing or damaged too. */
  async restoreVault(): Promise<Result<LastGoodCopy, VaultErrorCode>> {
    return restoreLastGoodCopy(this.vaultPath, soundVault);
  }

  /** The state file; a missing or unreadable one counts as fresh. */
  async readState(): Promise<VaultState> {
    try {
      const parsed = JSON.parse(await readFile(this.statePath, 'utf8')) as Partial<VaultState>;
      return {
        failedAttempts: Number.isInteger(parsed.failedAttempts) ? Number(parsed.failedAttempts) : 0,
        lastFailureAt: typeof parsed.lastFailureAt === 'number' ? parsed.lastFailureAt : null,
        remembered: parsed.remembered === true,
      };
    } catch {
      return { ...freshState };
    }
  }

  /** Changes the state file under the lock. */
  async updateState(change: (state: VaultState) => VaultState): Promise<VaultState> {
    const result = await this.locked(async () => {
      const next = change(await this.readState());
      await writeFileAtomic(this.statePath, `${JSON.stringify(next, null, 2)}\n`);
      return next;
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  /** Runs a read-modify-write while holding the vault lock (shared with other processes). */
  async locked<Value>(action: () => Promise<Value>): Promise<Result<Value, 'lock_timeout'>> {
    return withFileLock(this.lockPath, async () => {
      await removeLeftoverTemporaries(this.vaultPath);
      await removeLeftoverTemporaries(this.statePath);
      return action();
    });
  }
}

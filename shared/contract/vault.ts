import { z } from 'zod';
import { minimumMasterPasswordLength, type VaultErrorCode, vaultErrorCodes } from '../vault-types';
import { channel, emptyRequest } from './channel';

export { type VaultErrorCode, vaultErrorCodes };

/** A new master password, as the first-run, change and reset forms check it. */
export const newMasterPassword = z
  .string()
  .min(minimumMasterPasswordLength, `Use at least ${minimumMasterPasswordLength} characters.`);

/** A vault file that cannot be read: the code, the message with the way out, and its last good copy (if sound). */
export const vaultDamage = z.object({
  code: z.enum(vaultErrorCodes),
  message: z.string(),
  backupPath: z.string().nullable(),
  /** When the last good copy was saved (ms since the epoch); null when there is no sound one. */
  backupSavedAt: z.number().nullable(),
});

/** A vault file that cannot be read. */
export type VaultDamage = z.infer<typeof vaultDamage>;

/** What anyone may know about the vault without unlocking it (the renderer sees only this). */
export const vaultStatus = z.object({
  initialized: z.boolean(),
  unlocked: z.boolean(),
  /** The vault key is kept in this device's OS keychain. */
  remembered: z.boolean(),
  keychainAvailable: z.boolean(),
  /** Why the keychain is not available, in words for people; null when it is. */
  keychainProblem: z.string().nullable(),
  /** Failed unlock attempts in a row, and when the next attempt is allowed (ms since the epoch, or null). */
  failedAttempts: z.number().int(),
  retryAt: z.number().nullable(),
  /** Set when the vault file is damaged (or newer): nothing may proceed as if no secret were saved. */
  damage: vaultDamage.nullable(),
});

/** What the app knows about the vault without unlocking it. */
export type VaultStatus = z.infer<typeof vaultStatus>;

/** What a reset answers: the new status and how many secrets were deleted. */
export const vaultResetAnswer = z.object({ status: vaultStatus, deletedSecrets: z.number().int() });

/** What a reset answers. */
export type VaultResetAnswer = z.infer<typeof vaultResetAnswer>;

/** What a restore answers: the status and the last good copy that was put back. */
export const vaultRestoreAnswer = z.object({
  status: vaultStatus,
  restoredFrom: z.object({ path: z.string(), savedAt: z.number() }),
});

/** What a restore answers. */
export type VaultRestoreAnswer = z.infer<typeof vaultRestoreAnswer>;

/** The master-password channels: first-run set-up, unlock, lock, change, reset and restore of the last good copy. */
export const vaultChannels = {
  'vault:status': channel(emptyRequest, vaultStatus, vaultErrorCodes),
  'vault:setup': channel(
    z.object({ password: newMasterPassword, remember: z.boolean() }).strict(),
    vaultStatus,
    vaultErrorCodes,
  ),
  'vault:unlock': channel(
    z.object({ password: z.string().min(1, 'Enter the master password.'), remember: z.boolean() }).strict(),
    vaultStatus,
    vaultErrorCodes,
  ),
  'vault:lock': channel(emptyRequest, vaultStatus, vaultErrorCodes),
  'vault:change': channel(
    z.object({ current: z.string().min(1, 'Enter the current master password.'), next: newMasterPassword }).strict(),
    vaultStatus,
    vaultErrorCodes,
  ),
  'vault:reset': channel(
    z.object({ password: newMasterPassword, confirmation: z.string(), remember: z.boolean() }).strict(),
    vaultResetAnswer,
    vaultErrorCodes,
  ),
  'vault:remember': channel(z.object({ remember: z.boolean() }).strict(), vaultStatus, vaultErrorCodes),
  'vault:restore': channel(emptyRequest, vaultRestoreAnswer, vaultErrorCodes),
} as const;

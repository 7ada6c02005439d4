import { z } from 'zod';
import { minimumMasterPasswordLength, type VaultErrorCode, vaultErrorCodes } from '../vault-types';
import { channel, emptyRequest } from './channel';

export { type VaultErrorCode, vaultErrorCodes };

/** A new master password, as the first-run, change and reset forms check it. */
export const newMasterPassword = z
  .string()
  .min(minimumMasterPasswordLength, `Use at least ${minimumMasterPasswordLength} characters.`);

/** What the app knows about the vault without unlocking it. */
export const vaultStatus = z.object({
  initialized: z.boolean(),
  unlocked: z.boolean(),
  remembered: z.boolean(),
  keychainAvailable: z.boolean(),
  keychainProblem: z.string().nullable(),
  failedAttempts: z.number().int(),
  retryAt: z.number().nullable(),
  damage: z
    .object({
      code: z.enum(vaultErrorCodes),
      message: z.string(),
      backupPath: z.string().nullable(),
      backupSavedAt: z.number().nullable(),
    })
    .nullable(),
});

/** What the app knows about the vault without unlocking it. */
export type VaultStatus = z.infer<typeof vaultStatus>;

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
    z.object({ status: vaultStatus, deletedSecrets: z.number().int() }),
    vaultErrorCodes,
  ),
  'vault:remember': channel(z.object({ remember: z.boolean() }).strict(), vaultStatus, vaultErrorCodes),
  'vault:restore': channel(
    emptyRequest,
    z.object({ status: vaultStatus, restoredFrom: z.object({ path: z.string(), savedAt: z.number() }) }),
    vaultErrorCodes,
  ),
} as const;

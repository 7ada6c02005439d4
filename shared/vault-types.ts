/** The shortest master password the vault accepts. */
export const minimumMasterPasswordLength = 8;

/** Every expected failure of the vault. */
export const vaultErrorCodes = [
  'vault_missing',
  'vault_exists',
  'vault_locked',
  'wrong_password',
  'weak_password',
  'too_many_attempts',
  'keychain_unavailable',
  'vault_corrupt',
  'vault_newer',
  'vault_busy',
  'backup_missing',
  'backup_corrupt',
  'reset_not_confirmed',
] as const;

/** One expected failure of the vault. */
export type VaultErrorCode = (typeof vaultErrorCodes)[number];

/** What owns a secret: a saved server, an AccessKey profile, an STS token, or an RDS database account. */
export const secretOwnerKinds = ['server', 'access_key', 'sts_token', 'rds_account'] as const;

/** The kind of owner of a secret. */
export type SecretOwnerKind = (typeof secretOwnerKinds)[number];

/** Where a secret belongs: the owner (kind + id) and the field (e.g. `password`, `sslpassword`, `secret`). */
export interface SecretAddress {
  ownerKind: SecretOwnerKind;
  ownerId: string;
  field: string;
}

/** The word the user types to confirm a vault reset (the CLI prompt and the app's reset dialog). */
export const resetConfirmationWord = 'RESET';

/** A vault file that cannot be read: the code, the message with the way out, and its last good copy (if sound). */
export interface VaultDamage {
  code: VaultErrorCode;
  message: string;
  backupPath: string | null;
  /** When the last good copy was saved (ms since the epoch); null when there is no sound one. */
  backupSavedAt: number | null;
}

/** What anyone may know about the vault without unlocking it (the renderer sees only this). */
export interface VaultStatus {
  initialized: boolean;
  unlocked: boolean;
  /** The vault key is kept in this device's OS keychain. */
  remembered: boolean;
  keychainAvailable: boolean;
  /** Why the keychain is not available, in words for people; null when it is. */
  keychainProblem: string | null;
  /** Failed unlock attempts in a row, and when the next attempt is allowed (ms since the epoch, or null). */
  failedAttempts: number;
  retryAt: number | null;
  /** Set when the vault file is damaged (or newer): nothing may proceed as if no secret were saved. */
  damage: VaultDamage | null;
}

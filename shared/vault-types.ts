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
  'not_damaged',
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

/**
 * The field of the record kept beside a secret field (`binding:password`): what the secret was saved for. It is
 * stored and encrypted like a secret but is none: counts of saved secrets leave it out.
 */
export function bindingField(field: string): string {
  return `binding:${field}`;
}

/** True for the field of a record beside a secret (see bindingField). */
export function isBindingField(field: string): boolean {
  return field.startsWith('binding:');
}

/** The word the user types to confirm a vault reset (the CLI prompt and the app's reset dialog). */
export const resetConfirmationWord = 'RESET';

import type { Result } from '../../shared/result';
import type { SecretAddress } from '../../shared/vault-types';
import type { WritableSecretStore } from './rds-accounts';

/** What the adapter needs from the vault (electron/vault's Vault has this shape). */
export interface VaultSecrets {
  readSecret(address: SecretAddress): Promise<Result<string | null, string>>;
  writeSecret(address: SecretAddress, value: string): Promise<Result<void, string>>;
}

/** The vault address of an AccessKey profile's secret. */
export function accessKeySecretAddress(profileName: string): SecretAddress {
  return { ownerKind: 'access_key', ownerId: profileName, field: 'secret' };
}

/** Plugs the vault into the RDS accounts: a locked vault reads as "no secret" and refuses writes (false). */
export function vaultSecretStore(vault: VaultSecrets): WritableSecretStore {
  return {
    async readSecret(reference) {
      const read = await vault.readSecret(accessKeySecretAddress(reference));
      return read.ok && read.value !== null ? read.value : undefined;
    },
    async writeSecret(reference, secret) {
      const written = await vault.writeSecret(accessKeySecretAddress(reference), secret);
      return written.ok;
    },
  };
}

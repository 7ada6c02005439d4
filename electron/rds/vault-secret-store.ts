import type { Result } from '../../shared/result';
import type { SecretAddress } from '../../shared/vault-types';
import type { WritableSecretStore } from './rds-accounts';

/** What the adapter needs from the vault (electron/vault's Vault has this shape). */
export interface VaultSecrets {
  readSecret(address: SecretAddress): Promise<Result<string | null, string>>;
  writeSecret(address: SecretAddress, value: string): Promise<Result<void, string>>;
  deleteSecrets(ownerKind: 'access_key', ownerId: string): Promise<Result<number, string>>;
}

/**
 * The vault address of an AccessKey profile's secret, bound to the API endpoint it was saved for: `secret` for the
 * default endpoint, `secret@URL` for an override. A request naming another endpoint finds no secret there.
 */
export function accessKeySecretAddress(profileName: string, endpoint: string | null = null): SecretAddress {
  return { ownerKind: 'access_key', ownerId: profileName, field: endpoint ? `secret@${endpoint}` : 'secret' };
}

/** Plugs the vault into the RDS accounts: a locked vault reads as "no secret" and refuses writes (false). */
export function vaultSecretStore(vault: VaultSecrets): WritableSecretStore {
  return {
    async readSecret(reference, endpoint) {
      const read = await vault.readSecret(accessKeySecretAddress(reference, endpoint));
      return read.ok && read.value !== null ? read.value : undefined;
    },
    async writeSecret(reference, secret, endpoint) {
      const cleared = await vault.deleteSecrets('access_key', reference);
      if (!cleared.ok) return false;
      const written = await vault.writeSecret(accessKeySecretAddress(reference, endpoint), secret);
      return written.ok;
    },
  };
}

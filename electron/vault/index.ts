/** The master-password vault and its ports (OS keychain; the clock is platform/clock). */

export { backoffDelayMs } from './backoff';
export { absentKeychain, type KeychainAvailability, type KeychainPort, withTimeout } from './keychain';
export { keychainTimeoutMs, keytarKeychain } from './keytar-keychain';
export { Vault, type VaultOptions } from './vault';
export { defaultKdfCost } from './vault-crypto';

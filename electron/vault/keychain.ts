/** Whether the OS keychain can be used on this device, and if not, why (in words for people). */
export type KeychainAvailability = { available: true } | { available: false; problem: string };

/**
 * The OS keychain as the vault uses it: keytar's three calls plus a bounded availability probe. Our own port, so
 * that keytar (archived) can be replaced by a keytar-compatible binding such as @napi-rs/keyring.
 * Implementations never block for more than about 3 seconds and never throw for an unavailable keychain.
 */
export interface KeychainPort {
  availability(): Promise<KeychainAvailability>;
  /** The stored value, or null when there is none or the keychain cannot be reached. */
  get(service: string, account: string): Promise<string | null>;
  /** Stores a value; false when the keychain cannot be reached. */
  set(service: string, account: string, value: string): Promise<boolean>;
  /** Deletes a value; false when there was none or the keychain cannot be reached. */
  delete(service: string, account: string): Promise<boolean>;
}

/** A keychain that is never there: the vault then works with the master password alone. */
export function absentKeychain(problem = 'no OS keychain is configured for this process'): KeychainPort {
  return {
    availability: async () => ({ available: false, problem }),
    get: async () => null,
    set: async () => false,
    delete: async () => false,
  };
}

/** Resolves with the promise's value, or with `fallback` once `milliseconds` have passed. */
export function withTimeout<Value>(promise: Promise<Value>, milliseconds: number, fallback: Value): Promise<Value> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), milliseconds);
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

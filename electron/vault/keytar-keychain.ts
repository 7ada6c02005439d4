import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type KeychainAvailability, type KeychainPort, withTimeout } from './keychain';

/** The longest the vault waits for the OS keychain before working with the master password alone. */
export const keychainTimeoutMs = 3000;

/** keytar's three calls, typed here: keytar is optional, so neither the build nor the type check may need it. */
export interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Options of the keytar adapter: the probe's bound and the environment the probe runs with. */
export interface KeytarKeychainOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** Finds keytar's entry file from wherever this code runs (the CLI bundle, Electron, or TypeScript under tests). */
function resolveKeytar(): string | null {
  const bases = [typeof __filename === 'string' ? __filename : null, process.argv[1], join(process.cwd(), 'index.js')];
  for (const base of bases) {
    if (!base) continue;
    try {
      return createRequire(base).resolve('keytar');
    } catch {}
  }
  return null;
}

const probeScript = `require(process.env.RDSPG_KEYTAR).getPassword('RDS PG Connect probe', 'probe').then(
  () => process.exit(0), (error) => { process.stderr.write(String((error && error.message) || error)); process.exit(1); });`;

/**
 * Runs one keytar call in a child process that is killed after the bound: a keychain that hangs (a bus that
 * never answers, a keyring waiting for a prompt) would otherwise hold a libuv thread, and the process, for minutes.
 */
function probe(path: string, timeoutMs: number, env: NodeJS.ProcessEnv): Promise<KeychainAvailability> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-e', probeScript],
      { timeout: timeoutMs, killSignal: 'SIGKILL', env: { ...env, RDSPG_KEYTAR: path, ELECTRON_RUN_AS_NODE: '1' } },
      (error, _stdout, stderr) => {
        if (!error) return resolve({ available: true });
        const timedOut = (error as { killed?: boolean }).killed === true;
        const detail = timedOut ? `it did not answer within ${timeoutMs / 1000} s` : stderr.trim() || error.message;
        resolve({ available: false, problem: `the OS keychain cannot be reached: ${detail.split('\n')[0]}` });
      },
    );
  });
}

/** The keytar adapter of the keychain port: probes once per process with a bound, then calls keytar in-process. */
export function keytarKeychain(options: KeytarKeychainOptions = {}): KeychainPort {
  const timeoutMs = options.timeoutMs ?? keychainTimeoutMs;
  let checked: Promise<{ availability: KeychainAvailability; keytar: KeytarModule | null }> | null = null;
  const ready = () => {
    checked ??= (async () => {
      const path = resolveKeytar();
      if (!path) return { availability: { available: false, problem: 'keytar is not installed' }, keytar: null };
      const availability = await probe(path, timeoutMs, options.env ?? process.env);
      if (!availability.available) return { availability, keytar: null };
      return { availability, keytar: createRequire(path)(path) as KeytarModule };
    })();
    return checked;
  };
  return {
    availability: async () => (await ready()).availability,
    async get(service, account) {
      const { keytar } = await ready();
      return keytar ? withTimeout(keytar.getPassword(service, account), timeoutMs, null) : null;
    },
    async set(service, account, value) {
      const { keytar } = await ready();
      if (!keytar) return false;
      return withTimeout(
        keytar.setPassword(service, account, value).then(() => true),
        timeoutMs,
        false,
      );
    },
    async delete(service, account) {
      const { keytar } = await ready();
      return keytar ? withTimeout(keytar.deletePassword(service, account), timeoutMs, false) : false;
    },
  };
}

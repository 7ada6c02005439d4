// keytar on a fresh machine: `npm ci` drops it (it is optional) when libsecret-1-dev was not there yet, and
// `npm rebuild` cannot bring back a package that is not installed. `npm test` installs or builds it here.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** What keytar needs before the tests: nothing, a native build, or installing the package itself. */
export type KeytarStep = 'none' | 'rebuild' | 'install';

/** What is on disk: keytar's package, and its native binary. */
export interface KeytarState {
  packageInstalled: boolean;
  binaryBuilt: boolean;
}

/** The step for a state: a missing package is installed (a rebuild would do nothing); an unbuilt one is built. */
export function keytarStep(state: KeytarState): KeytarStep {
  if (!state.packageInstalled) return 'install';
  return state.binaryBuilt ? 'none' : 'rebuild';
}

/** keytar's version in package-lock.json: the one `npm ci` would have installed. */
export function lockedKeytarVersion(lockText: string): string {
  const lock = JSON.parse(lockText) as { packages?: Record<string, { version?: string }> };
  const version = lock.packages?.['node_modules/keytar']?.version;
  if (!version) throw new Error('package-lock.json has no node_modules/keytar entry');
  return version;
}

/** The npm arguments for a step; `--no-save` keeps package.json and package-lock.json as they are. */
export function keytarCommand(step: KeytarStep, lockedVersion: string): string[] | null {
  if (step === 'install') return ['install', '--no-save', '--no-audit', '--no-fund', `keytar@${lockedVersion}`];
  if (step === 'rebuild') return ['rebuild', 'keytar'];
  return null;
}

function currentState(root: string): KeytarState {
  return {
    packageInstalled: existsSync(`${root}/node_modules/keytar/package.json`),
    binaryBuilt: existsSync(`${root}/node_modules/keytar/build/Release/keytar.node`),
  };
}

/** Installs or builds keytar as needed (after the system packages); returns why it is still unusable, or null. */
export function ensureKeytar(log: (line: string) => void, root = process.cwd()): string | null {
  const step = keytarStep(currentState(root));
  const args = keytarCommand(step, lockedKeytarVersion(readFileSync(`${root}/package-lock.json`, 'utf8')));
  if (!args) return null;
  log(step === 'install' ? 'installing keytar (npm ci dropped it: libsecret was missing)' : 'building keytar');
  execFileSync('npm', args, { stdio: 'inherit', cwd: root });
  return keytarStep(currentState(root)) === 'none' ? null : `keytar is still not built; run: npm ${args.join(' ')}`;
}

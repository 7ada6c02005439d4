import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keytarCommand, keytarStep, lockedKeytarVersion } from '../../support/keytar-setup';

const root = new URL('../../..', import.meta.url).pathname;

describe('npm test on a fresh machine: keytar', () => {
  it('installs keytar when npm ci dropped the package (a rebuild cannot bring it back)', () => {
    expect(keytarStep({ packageInstalled: false, binaryBuilt: false })).toBe('install');
    expect(keytarStep({ packageInstalled: true, binaryBuilt: false })).toBe('rebuild');
    expect(keytarStep({ packageInstalled: true, binaryBuilt: true })).toBe('none');
  });

  it('installs the locked version without saving, so package.json and package-lock.json stay as they are', () => {
    const locked = lockedKeytarVersion(readFileSync(`${root}/package-lock.json`, 'utf8'));
    const manifest = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
    expect(locked).toBe(manifest.optionalDependencies.keytar);
    const install = keytarCommand('install', locked);
    expect(install?.[0]).toBe('install');
    expect(install).toContain('--no-save');
    expect(install?.at(-1)).toBe(`keytar@${locked}`);
    expect(keytarCommand('rebuild', locked)).toEqual(['rebuild', 'keytar']);
    expect(keytarCommand('none', locked)).toBeNull();
  });

  it('refuses a lock file without keytar instead of installing whatever is newest', () => {
    expect(() => lockedKeytarVersion(JSON.stringify({ packages: {} }))).toThrow(/node_modules\/keytar/);
  });
});

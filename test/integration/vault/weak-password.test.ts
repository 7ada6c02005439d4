import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { passwordStrength } from '../../../shared/vault-strength';
import { runRdspg } from '../../support/cert-tools';
import { dataFolder, testVault } from './vault-helpers';

const weak = 'password1';
const home = mkdtempSync(join(tmpdir(), 'rdspg-weak-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('one strength rule for every new master password', () => {
  it('rates "password1" unacceptable, with advice codes the UI translates', () => {
    expect(passwordStrength(weak)).toMatchObject({ acceptable: false, label: 'very weak' });
    expect(passwordStrength(weak).advice).toContain('common-word');
    expect(passwordStrength('second-master-pass').acceptable).toBe(true);
  });

  it('the vault refuses it for set-up, Change and Reset', async () => {
    const vault = testVault(dataFolder());
    const refused = async (result: Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
      const answer = await result;
      return answer.ok ? 'accepted' : `${answer.error?.code}: ${answer.error?.message}`;
    };
    expect(await refused(vault.initialize(weak))).toMatch(/^weak_password: This master password is too easy to guess/);
    expect((await vault.initialize('orchid-lantern-42')).ok).toBe(true);
    expect(await refused(vault.change('orchid-lantern-42', weak))).toMatch(/^weak_password/);
    expect(await refused(vault.reset(weak))).toMatch(/^weak_password/);
    expect((await vault.unlock('orchid-lantern-42')).ok).toBe(true);
  });

  it('`rdspg vault init` refuses it, ends, and writes no vault', async () => {
    const env = { HOME: home, RDSPG_HOME: home, RDSPG_KEYCHAIN: 'off', RDSPG_MASTER_PASSWORD: weak };
    const run = await Promise.race([
      runRdspg(['vault', 'init', '--json'], env),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('rdspg did not end')), 20_000)),
    ]);
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('weak_password');
    expect(readdirSync(home)).not.toContain('vault.json');
    // The same command with a strong password does write the vault there.
    const strong = await runRdspg(['vault', 'init', '--json'], { ...env, RDSPG_MASTER_PASSWORD: 'orchid-lantern-42' });
    expect(strong.status).toBe(0);
    expect(readdirSync(home)).toContain('vault.json');
  });
});

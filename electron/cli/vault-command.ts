import { parseArgs } from 'node:util';
import type { VaultStatus } from '../../shared/contract/vault';
import type { Failure } from '../../shared/result';
import { passwordStrength } from '../../shared/vault-strength';
import { isBindingField, resetConfirmationWord } from '../../shared/vault-types';
import { formatSavedAt } from '../platform/last-good-copy';
import type { Vault } from '../vault/vault';
import { type CliCommand, type CliIo, usageFailure, writeFailure, writeJson, writeLine } from './command';
import { cliVault, masterPasswordFrom, newPasswordFrom, promptPassword, unlockForCommand } from './vault-session';

const usage =
  'rdspg vault init [--remember] | unlock [--remember] | lock | change | reset [--yes] | restore | status | remember on|off   (each with [--json])';

interface Run {
  io: CliIo;
  vault: Vault;
  json: boolean;
  values: { remember?: boolean; yes?: boolean };
}

function failWith(run: Run, failure: Failure): number {
  if (run.json) writeJson(run.io.stdout, { ok: false, error: failure });
  writeFailure(run.io.stderr, failure);
  return failure.code === 'usage' ? 2 : 1;
}

function describe(status: VaultStatus): string[] {
  const lines = [
    status.damage
      ? `Vault: damaged [${status.damage.code}]: ${status.damage.message}`
      : !status.initialized
        ? 'Vault: not set up yet ("rdspg vault init").'
        : `Vault: set up; ${status.remembered ? 'the key is remembered in the OS keychain on this device' : 'commands ask for the master password (or read RDSPG_MASTER_PASSWORD)'}.`,
  ];
  if (!status.keychainAvailable) {
    lines.push(
      `OS keychain: not available (${status.keychainProblem}); the vault works with the master password alone.`,
    );
  }
  if (status.failedAttempts) lines.push(`Wrong master passwords in a row: ${status.failedAttempts}.`);
  if (status.retryAt) lines.push(`Next attempt allowed at ${new Date(status.retryAt).toISOString()}.`);
  return lines;
}

function done(run: Run, status: VaultStatus, headline: string, extra: Record<string, unknown> = {}): number {
  if (run.json) writeJson(run.io.stdout, { ok: true, ...extra, status });
  else for (const line of [headline, ...describe(status)]) writeLine(run.io.stdout, line);
  return 0;
}

function showStrength(run: Run, password: string): ReturnType<typeof passwordStrength> {
  const strength = passwordStrength(password);
  if (!run.json) {
    writeLine(
      run.io.stderr,
      `Strength: ${strength.label}.${strength.feedback.length ? ` ${strength.feedback.join(' ')}` : ''}`,
    );
  }
  return strength;
}

async function init(run: Run): Promise<number> {
  const password = await newPasswordFrom(run.io, ['RDSPG_MASTER_PASSWORD'], 'New master password');
  if (!password.ok) return failWith(run, password.error);
  const strength = showStrength(run, password.value);
  const result = await run.vault.initialize(password.value, Boolean(run.values.remember));
  if (!result.ok) return failWith(run, result.error);
  return done(run, result.value, 'The vault is set up.', {
    strength: { score: strength.score, label: strength.label },
  });
}

async function unlock(run: Run): Promise<number> {
  const viaKeychain = await run.vault.unlockFromKeychain();
  if (!viaKeychain.ok) return failWith(run, viaKeychain.error);
  if (viaKeychain.value)
    return done(run, await run.vault.status(), 'Unlocked with the key remembered in the OS keychain.');
  const password = await masterPasswordFrom(run.io);
  if (!password.ok) return failWith(run, password.error);
  const result = await run.vault.unlock(password.value, Boolean(run.values.remember));
  if (!result.ok) return failWith(run, result.error);
  return done(run, result.value, 'The master password is correct.');
}

async function change(run: Run): Promise<number> {
  const current = await masterPasswordFrom(run.io);
  if (!current.ok) return failWith(run, current.error);
  const next = await newPasswordFrom(run.io, ['RDSPG_NEW_MASTER_PASSWORD'], 'New master password');
  if (!next.ok) return failWith(run, next.error);
  showStrength(run, next.value);
  const result = await run.vault.change(current.value, next.value);
  if (!result.ok) return failWith(run, result.error);
  return done(run, result.value, 'The master password is changed; saved secrets are untouched.');
}

async function reset(run: Run): Promise<number> {
  const saved = await run.vault.savedSecrets();
  if (!run.json) {
    const count = saved.ok ? saved.value.filter((address) => !isBindingField(address.field)).length : null;
    const what = count === null ? 'every saved secret' : `all ${count} saved secrets`;
    writeLine(
      run.io.stderr,
      `Warning: resetting the vault deletes ${what} (passwords, key passphrases, AccessKey secrets). Servers are kept.`,
    );
  }
  if (!run.values.yes) {
    const answer = await promptPassword(run.io, `Type ${resetConfirmationWord} to continue: `);
    if (answer?.trim() !== resetConfirmationWord) {
      return failWith(run, {
        code: 'reset_not_confirmed',
        message: `Nothing was changed; type ${resetConfirmationWord} at the prompt, or pass --yes to reset without asking.`,
      });
    }
  }
  const password = await newPasswordFrom(
    run.io,
    ['RDSPG_NEW_MASTER_PASSWORD', 'RDSPG_MASTER_PASSWORD'],
    'New master password',
  );
  if (!password.ok) return failWith(run, password.error);
  showStrength(run, password.value);
  const result = await run.vault.reset(password.value, Boolean(run.values.remember));
  if (!result.ok) return failWith(run, result.error);
  const { status, deletedSecrets } = result.value;
  return done(run, status, `The vault is reset: ${deletedSecrets} saved secrets deleted; every server is kept.`, {
    deletedSecrets,
  });
}

async function status(run: Run): Promise<number> {
  const current = await run.vault.status();
  if (!current.damage) return done(run, current, 'Vault status:');
  if (run.json) writeJson(run.io.stdout, { ok: false, error: current.damage, status: current });
  else for (const line of ['Vault status:', ...describe(current)]) writeLine(run.io.stdout, line);
  return 1;
}

async function restore(run: Run): Promise<number> {
  const result = await run.vault.restore();
  if (!result.ok) return failWith(run, result.error);
  const { path, savedAt } = result.value.restoredFrom;
  return done(
    run,
    result.value.status,
    `Restored the vault from its last good copy ${path} (saved at ${formatSavedAt(savedAt)}).`,
    { restoredFrom: result.value.restoredFrom },
  );
}

async function remember(run: Run, setting: string | undefined): Promise<number> {
  if (setting !== 'on' && setting !== 'off') return failWith(run, usageFailure(usage, 'remember takes on or off'));
  if (setting === 'off') {
    const result = await run.vault.remember(false);
    if (!result.ok) return failWith(run, result.error);
    return done(run, result.value, 'The vault key is no longer remembered on this device.');
  }
  const unlocked = await unlockForCommand(run.vault, run.io);
  if (!unlocked.ok) return failWith(run, unlocked.error);
  const result = await run.vault.remember(true);
  if (!result.ok) return failWith(run, result.error);
  return done(
    run,
    result.value,
    'The vault key is remembered in the OS keychain; commands will not ask for the master password.',
  );
}

/** `rdspg vault …`: the master password, the OS keychain's "remember on this device", status, change and reset. */
export const vaultCommand: CliCommand = {
  summary: 'set up, unlock, lock, change, reset or restore the master-password vault; remember it in the OS keychain',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean' }, remember: { type: 'boolean' }, yes: { type: 'boolean' } },
    });
    const [action, setting, ...extra] = positionals;
    const run: Run = { io, vault: cliVault(io), json: Boolean(values.json), values };
    if (extra.length || (setting !== undefined && action !== 'remember'))
      return failWith(run, usageFailure(usage, 'too many arguments'));
    switch (action) {
      case 'init':
        return init(run);
      case 'unlock':
        return unlock(run);
      case 'lock': {
        const result = await run.vault.remember(false);
        if (!result.ok) return failWith(run, result.error);
        return done(
          run,
          result.value,
          'Locked: the remembered key is removed from the OS keychain; the next command asks for the master password.',
        );
      }
      case 'change':
        return change(run);
      case 'reset':
        return reset(run);
      case 'status':
        return status(run);
      case 'restore':
        return restore(run);
      case 'remember':
        return remember(run, setting);
      default:
        return failWith(
          run,
          usageFailure(usage, action ? `unknown vault action "${action}"` : 'missing the vault action'),
        );
    }
  },
};

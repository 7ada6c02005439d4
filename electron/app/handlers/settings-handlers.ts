import type { AppSettings } from '../../../shared/contract/settings';
import { fail, ok } from '../../../shared/result';
import type { HandlerTable } from '../handler-table';
import type { IdleLock } from '../idle-lock';
import type { AppPorts } from '../ports';
import type { SettingsFile } from '../settings-file';

type SettingsHandlers = Pick<HandlerTable, 'settings:get' | 'settings:set'>;

/** The idle limit of the settings in milliseconds; null when the idle lock is off. */
export function idleLimitMs(settings: AppSettings): number | null {
  return settings.idleLockMinutes === 0 ? null : settings.idleLockMinutes * 60_000;
}

/**
 * The settings channels: read them; change them only with the vault unlocked. The idle lock starts with the saved
 * limit and follows every change at once.
 */
export function createSettingsHandlers(ports: AppPorts, file: SettingsFile, idle: IdleLock): SettingsHandlers {
  const loaded = file.read().then((saved) => idle.setLimit(idleLimitMs(saved)));
  return {
    'settings:get': async () => ok(await file.read()),
    'settings:set': async (settings) => {
      if (!(await ports.vault.status()).unlocked)
        return fail('vault_locked', 'unlock the vault with the master password to change the settings.');
      if (!(await file.write(settings)))
        return fail(
          'settings_unwritable',
          'the settings could not be saved in the data folder; check its permissions.',
        );
      await loaded;
      idle.setLimit(idleLimitMs(settings));
      return ok(settings);
    },
  };
}

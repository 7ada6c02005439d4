import { z } from 'zod';
import { idleLockChoices } from '../idle-lock';
import { channel, emptyRequest } from './channel';

/** The app's settings kept in the data folder, honoured by the Electron app and server mode alike. */
export const appSettings = z.object({
  /** Lock the vault (and close connections) after this many minutes without a call; 0 never. */
  idleLockMinutes: z.literal(idleLockChoices),
});

/** The app's settings. */
export type AppSettings = z.infer<typeof appSettings>;

/** Failures of the settings channels: changing them needs the unlocked vault. */
export const settingsErrorCodes = ['vault_locked', 'settings_unwritable'] as const;

/** The settings channels: read them, and change them (with the vault unlocked). */
export const settingsChannels = {
  'settings:get': channel(emptyRequest, appSettings, settingsErrorCodes),
  'settings:set': channel(appSettings.strict(), appSettings, settingsErrorCodes),
} as const;

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type AppSettings, appSettings } from '../../shared/contract/settings';
import { defaultIdleLockMinutes } from '../../shared/idle-lock';
import { writeFileAtomic } from '../platform/atomic-write';

/** The app's settings in `<data folder>/settings.json`; a missing or damaged file reads as the defaults. */
export class SettingsFile {
  private readonly path: string;

  constructor(home: string) {
    this.path = join(home, 'settings.json');
  }

  /** The saved settings, or the defaults. */
  async read(): Promise<AppSettings> {
    try {
      const parsed = appSettings.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // A missing or unreadable file means the defaults.
    }
    return { idleLockMinutes: defaultIdleLockMinutes };
  }

  /** Saves the settings atomically; false when the data folder refuses. */
  async write(settings: AppSettings): Promise<boolean> {
    try {
      await writeFileAtomic(this.path, `${JSON.stringify(settings, null, 2)}\n`);
      return true;
    } catch {
      return false;
    }
  }
}

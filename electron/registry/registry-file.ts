import { join } from 'node:path';
import { registryPieces, registryShapeProblem } from '../../shared/registry-shape';
import { fail, ok, type Result } from '../../shared/result';
import { defaultGroup } from '../../shared/server-groups';
import { type RegistryData, type RegistryErrorCode, registrySchemaVersion } from '../../shared/server-schema';
import { writeFileAtomic } from '../platform/atomic-write';
import { withFileLock } from '../platform/file-lock';
import {
  keepAsLastGoodCopy,
  type LastGoodCopy,
  lastGoodCopy,
  restoreLastGoodCopy,
  wayBack,
  writeKeepingLastGoodCopy,
} from '../platform/last-good-copy';
import { removeLeftoverTemporaries } from '../platform/leftovers';
import { readText } from '../platform/text-file';
import { migrate } from './migrations';

type RegistryResult<Value> = Promise<Result<Value, RegistryErrorCode>>;

/** The file name of the registry in the app's data folder. */
export const registryFileName = 'servers.json';

/** Parses the registry file's text (with migrations): the data, or why it is not a registry. */
function parseRegistry(text: string): Result<RegistryData, RegistryErrorCode> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('registry_corrupt', 'is not valid JSON');
  }
  const migrated = raw && typeof raw === 'object' ? migrate(raw as Record<string, unknown>) : null;
  if (!migrated) return fail('registry_newer', 'was written by a newer RDS PG Connect; update the app to read it.');
  const problem = registryShapeProblem(migrated);
  if (problem) return fail('registry_corrupt', `does not hold a valid registry (${problem})`);
  return ok(migrated as RegistryData);
}

const soundRegistry = (text: string) => parseRegistry(text).ok;

/** An empty registry with pgAdmin's default group. */
export function emptyRegistry(): RegistryData {
  return { schemaVersion: registrySchemaVersion, groups: [defaultGroup], servers: [] };
}

/** The registry file: loads (with migrations), saves atomically and durably, and serializes writers with a lock. */
export class RegistryFile {
  readonly path: string;
  readonly lockPath: string;

  constructor(folder: string) {
    this.path = join(folder, registryFileName);
    this.lockPath = join(folder, 'servers.lock');
  }

  /** Reads and checks the registry; an absent file is an empty registry. */
  async load(): RegistryResult<RegistryData> {
    let text: string;
    try {
      text = await readText(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ok(emptyRegistry());
      throw error;
    }
    const parsed = parseRegistry(text);
    if (parsed.ok) return parsed;
    if (parsed.error.code !== 'registry_corrupt')
      return fail(parsed.error.code, `${this.path} ${parsed.error.message}`);
    const copy = await lastGoodCopy(this.path, soundRegistry);
    return fail(
      'registry_corrupt',
      `${this.path} ${parsed.error.message}. ${wayBack(copy, 'rdspg servers restore', 'Move the file aside to start with no servers.')}`,
    );
  }

  /**
   * Writes the registry (temporary file, fsync, rename, fsync of the folder; 0600 in a 0700 folder). When
   * `replacingSound` says the file being replaced was just loaded valid (update() does so under the lock), that file
   * becomes the last good copy (servers.json.bak) by a hard link: the copy is always a file read back sound, at the
   * cost of no second write. With no file to replace (or no hard links), the new one reads back and, when valid, is
   * copied as before.
   */
  async save(data: RegistryData, replacingSound = false): Promise<void> {
    const pieces = registryPieces(data);
    if (replacingSound && (await keepAsLastGoodCopy(this.path))) await writeFileAtomic(this.path, pieces);
    else await writeKeepingLastGoodCopy(this.path, pieces.join(''), soundRegistry);
  }

  /** Puts back the last good copy of servers.json (verified first), under the lock. */
  async restore(): RegistryResult<LastGoodCopy> {
    const done = await withFileLock(this.lockPath, () => restoreLastGoodCopy(this.path, soundRegistry));
    return done.ok ? done.value : fail('registry_busy', done.error.message);
  }

  /** Read-modify-write under the lock, so that the app and the CLI never lose each other's updates. */
  async update<Value>(
    change: (data: RegistryData) => Result<{ data: RegistryData; value: Value }, RegistryErrorCode>,
  ): RegistryResult<Value> {
    const done = await withFileLock(this.lockPath, async (): RegistryResult<Value> => {
      await removeLeftoverTemporaries(this.path);
      const loaded = await this.load();
      if (!loaded.ok) return loaded;
      const changed = change(loaded.value);
      if (!changed.ok) return changed;
      await this.save(changed.value.data, true);
      return ok(changed.value.value);
    });
    return done.ok ? done.value : fail('registry_busy', done.error.message);
  }
}

import { linkSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepAsLastGoodCopy, lastGoodCopyPath } from '../../../electron/platform/last-good-copy';

describe('keepAsLastGoodCopy', () => {
  it('makes the file the last good copy by a hard link and leaves no temporary file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rdspg-good-copy-'));
    const path = join(folder, 'servers.json');
    writeFileSync(path, '{"version":1}');
    expect(await keepAsLastGoodCopy(path)).toBe(true);
    expect(statSync(lastGoodCopyPath(path)).ino).toBe(statSync(path).ino);
    expect(readdirSync(folder).sort()).toEqual(['servers.json', 'servers.json.bak']);
  });

  it('when the copy already is the same file (a writer killed after linking), no temporary link stays behind', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rdspg-good-copy-'));
    const path = join(folder, 'servers.json');
    writeFileSync(path, '{"version":2}');
    linkSync(path, lastGoodCopyPath(path));
    expect(await keepAsLastGoodCopy(path)).toBe(true);
    expect(readFileSync(lastGoodCopyPath(path), 'utf8')).toBe('{"version":2}');
    expect(readdirSync(folder).sort()).toEqual(['servers.json', 'servers.json.bak']);
  });
});

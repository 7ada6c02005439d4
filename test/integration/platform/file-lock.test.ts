import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../../electron/platform/file-lock';

describe('file lock', () => {
  it('runs actions one at a time even when started together', async () => {
    const lock = join(mkdtempSync(join(tmpdir(), 'rdspg-lock-')), 'x.lock');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(lock, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock whose process is dead, and waits out a live one', async () => {
    const lock = join(mkdtempSync(join(tmpdir(), 'rdspg-lock-')), 'x.lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lock, `${dead.stdout}\n${hostname()}\nnonce\n`);
    expect(await withFileLock(lock, async () => 'ran')).toEqual({ ok: true, value: 'ran' });
    writeFileSync(lock, `${process.ppid}\n${hostname()}\nnonce\n`);
    const busy = await withFileLock(lock, async () => 'ran', { timeoutMs: 100 });
    expect(busy.ok ? null : busy.error.code).toBe('lock_timeout');
    expect(existsSync(lock)).toBe(true);
  });
});

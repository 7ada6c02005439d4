import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RegistryFile } from '../../../electron/registry/registry-file';
import { bundleRegistryChild } from './child-bundle';

let child: string;
beforeAll(async () => {
  child = await bundleRegistryChild();
});

/** Starts the saving loop and resolves with the last counter it reported once it has saved `afterSaves` times. */
function runUntilKilled(folder: string, afterSaves: number, extraDelayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const process_: ChildProcess = spawn(process.execPath, [child, 'save-forever', folder], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines: number[] = [];
    let pending = '';
    let seen = 0;
    let errors = '';
    process_.stderr!.on('data', (chunk) => {
      errors += chunk;
    });
    process_.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      lines = lines.concat(parts.map(Number));
      seen += parts.length;
      if (seen >= afterSaves && !process_.killed) setTimeout(() => process_.kill('SIGKILL'), extraDelayMs);
    });
    process_.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the child ended on its own (${code}): ${errors}`));
      else resolve(lines.length ? lines[lines.length - 1]! : -1);
    });
  });
}

describe('registry writes killed with SIGKILL', () => {
  it('always leave the old or the new registry, and the next writer carries on', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rdspg-crash-'));
    const file = new RegistryFile(folder);
    let previous = -1;
    for (let round = 0; round < 25; round++) {
      const lastReported = await runUntilKilled(folder, 1 + Math.floor(Math.random() * 4), Math.random() * 8);
      const loaded = await file.load();
      expect(loaded.ok, `round ${round}: ${readFileSync(file.path, 'utf8').slice(0, 200)}`).toBe(true);
      if (!loaded.ok) return;
      expect(loaded.value.servers).toHaveLength(200);
      const counter = Number(loaded.value.servers[0]!.comments);
      expect(loaded.value.servers.every((server) => server.comments === String(counter))).toBe(true);
      // The file holds the last save the child reported, or the one it was making when killed.
      expect([lastReported, lastReported + 1]).toContain(counter);
      expect(counter).toBeGreaterThan(previous);
      previous = counter;
    }
    // The next writer (holding the lock) clears the temporary files killed writers left behind.
    const again = await file.update((data) => ({ ok: true, value: { data, value: null } }));
    expect(again.ok).toBe(true);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

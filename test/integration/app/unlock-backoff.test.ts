import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/app/create-handlers';
import { dispatch, type HandlerTable } from '../../../electron/app/handler-table';
import { absentKeychain, Vault } from '../../../electron/vault';
import { deriveKey } from '../../../electron/vault/vault-crypto';
import { testPorts } from './app-ports';

// 16 wrong master passwords at once, as a script against `rdspg serve` can send them: the real scrypt, counted.

let home: string;
let table: HandlerTable;
let now = Date.parse('2026-01-01T00:00:00Z');
/** The failed-attempt count on disk each time a KDF started. */
const countedBeforeKdf: number[] = [];

async function failedAttemptsOnDisk(): Promise<number> {
  return JSON.parse(await readFile(join(home, 'vault-state.json'), 'utf8')).failedAttempts;
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdspg-unlock-'));
  const vault = new Vault({
    folder: home,
    keychain: absentKeychain('tests'),
    kdfCost: { N: 2 ** 12, r: 8, p: 1 },
    clock: { now: () => now, sleep: async () => {} },
    deriveKey: async (password, parameters) => {
      countedBeforeKdf.push(await failedAttemptsOnDisk().catch(() => -1));
      return deriveKey(password, parameters);
    },
  });
  table = createHandlers({ ...testPorts(home), vault }).table;
  await table['vault:setup']({ password: 'master password 1', remember: false });
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('vault:unlock under parallel calls', () => {
  it('16 parallel wrong unlocks run the KDF once per allowed attempt, each counted first, none internal_error', async () => {
    countedBeforeKdf.length = 0;
    const replies = (await Promise.all(
      Array.from({ length: 16 }, () =>
        dispatch(table, 'vault:unlock', { password: 'not the password', remember: false }),
      ),
    )) as { ok: boolean; error?: { code: string } }[];
    const codes = replies.map((reply) => reply.error?.code);
    expect(codes).not.toContain('internal_error');
    expect(codes.filter((code) => code === 'wrong_password')).toHaveLength(3);
    expect(codes.filter((code) => code === 'too_many_attempts')).toHaveLength(13);
    expect(countedBeforeKdf).toEqual([1, 2, 3]);
    expect(await failedAttemptsOnDisk()).toBe(3);
  });

  it('after the backoff the right password unlocks and clears the count', async () => {
    now += 1_001;
    expect(await table['vault:unlock']({ password: 'master password 1', remember: false })).toMatchObject({
      ok: true,
      value: { unlocked: true, failedAttempts: 0 },
    });
  });
});

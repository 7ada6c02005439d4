import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enforceSsl } from '../../../electron/rds/ssl-enforcement';
import { RdsSandbox } from '../../../electron/sandbox/index';
import { sandboxClient } from './helpers';

// The sandbox answers the old pg_hba state (even an old `failed`) for a while after accepting ModifyPGHbaConfig.
const id = 'pgm-bp1sandbox14rw';
let sandbox: RdsSandbox;

beforeAll(async () => {
  sandbox = new RdsSandbox({ netChangeDelayMs: 300 });
  await sandbox.start();
});
afterAll(async () => {
  await sandbox.close();
});

describe('ssl enforce waits for the change it made', () => {
  it('rides out a failed status left from an earlier change and ends when the new entries run', async () => {
    const record = sandbox.connect.of(sandbox.instances.get(id)!);
    Object.assign(record, { hbaModifyStatus: 'failed', hbaModifyTime: '2026-11-01T00:00:00Z' });
    const enforced = await enforceSsl(sandboxClient(sandbox), id, true, { timeoutMs: 30_000, intervalMs: 50 });
    expect(enforced.ok).toBe(true);
    expect(record.hba.map((item) => item.type)).toEqual(['hostssl']);
    expect(record.hbaModifyStatus).toBe('success');
  });

  it('ends as cancelled when the signal fires, leaving the change to finish on the instance', async () => {
    const controller = new AbortController();
    const waiting = enforceSsl(sandboxClient(sandbox), id, false, { signal: controller.signal, intervalMs: 50 });
    setTimeout(() => controller.abort(), 100);
    const result = await waiting;
    expect(result.ok ? null : result.error.code).toBe('cancelled');
  });
});

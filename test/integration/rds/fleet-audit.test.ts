import { afterEach, describe, expect, it } from 'vitest';
import { auditFleet } from '../../../electron/rds/fleet-audit';
import { SslFlow } from '../../../electron/rds/ssl-flow';
import { RdsSandbox } from '../../../electron/sandbox/index';
import { fakeClock } from '../../support/fake-clock';
import { sandboxClient } from './helpers';

let sandbox: RdsSandbox | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

describe('fleet audit', () => {
  it('audits every PostgreSQL instance of every region and retries every throttled call', async () => {
    sandbox = new RdsSandbox({
      fleet: { regions: 4, perRegion: 30 },
      modifyDelayMs: 10,
      faults: { throttleEveryNth: 7 },
    });
    await sandbox.start();
    const first = sandbox.instances.get('pgm-r1i0001');
    if (first)
      first.ssl = {
        ...first.ssl,
        enabled: true,
        protectedEndpoint: 'pgm-r1i0001o.pg.rds.aliyuncs.com',
        caType: 'aliyun',
        expiresAt: new Date(Date.now() + 10 * 86_400_000),
      };
    const client = sandboxClient(sandbox, { retry: { maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 40 } });
    const report = await auditFleet(client, { concurrency: 12, throttlePauseMs: 20 });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value).toMatchObject({ regions: 4, instances: 120, failures: 0, sslOn: 1, sslOff: 119 });
    expect(report.value.calls.throttled).toBeGreaterThan(0);
    expect(report.value.calls.throttledGivenUp).toBe(0);
    expect(sandbox.stats.throttled).toBe(report.value.calls.throttled);
    const row = report.value.rows.find((item) => item.instanceId === 'pgm-r1i0001');
    expect(row).toMatchObject({ sslEnabled: true, caType: 'aliyun', requireUpdate: true });
    expect(row?.daysLeft).toBeGreaterThanOrEqual(9);
  });

  it('keeps going when one region fails and reports it as a row', async () => {
    sandbox = new RdsSandbox({ fleet: { regions: 2, perRegion: 3 } });
    await sandbox.start();
    sandbox.injector.faults = { script: [{ action: 'DescribeDBInstances', code: 'Forbidden.RAM', times: 1 }] };
    const report = await auditFleet(sandboxClient(sandbox), { concurrency: 1 });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.instances).toBe(3);
    expect(report.value.rows.filter((row) => row.error?.code === 'permission_denied')).toHaveLength(1);
  });
});

describe('the wait after a change, on a fake clock', () => {
  it('gives up with wait_timeout when the instance stays busy, with backoff between polls', async () => {
    // SSL_MODIFYING inside the Modify call (the sandbox-only convenience): this test is about the backoff.
    sandbox = new RdsSandbox({ modifyStartDelayMs: 0, modifyDelayMs: 600_000 });
    await sandbox.start();
    const clock = fakeClock(Date.now());
    const client = sandboxClient(sandbox);
    const id = 'pgm-bp1sandbox16pg';
    const sent = await client.modifySsl({
      instanceId: id,
      connectionString: `${id}o.pg.rds.aliyuncs.com`,
      sslEnabled: 1,
    });
    expect(sent.ok).toBe(true);
    const statuses: string[] = [];
    const result = await new SslFlow(client, { clock }).waitUntilSettled(
      id,
      { kind: 'enable', endpoint: `${id}o.pg.rds.aliyuncs.com` },
      null,
      {
        wait: { initialDelayMs: 1000, factor: 2, maxDelayMs: 8000, timeoutMs: 60_000 },
        onStep: (step) => {
          if (step.step === 'waiting') statuses.push(step.status);
        },
      },
    );
    expect(!result.ok && result.error.code).toBe('wait_timeout');
    expect(clock.sleeps.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(new Set(statuses)).toEqual(new Set(['SSL_MODIFYING']));
  });
});

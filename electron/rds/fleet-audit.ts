import type { AuditRow, RdsInstance } from '../../shared/contract/rds';
import { type AuditReport, daysUntil } from '../../shared/rds-audit';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, ok, type Result } from '../../shared/result';
import { type Clock, systemClock } from '../platform/clock';
import { AdaptiveLimiter } from './adaptive-limiter';
import type { RdsClient } from './rds-client';
import { readSslState } from './ssl-availability';
import { scheduledRenewal } from './task-mapping';

/** How the audit fans out. */
export interface AuditOptions {
  /** Calls in flight at most (default 16); throttling lowers it for a while. */
  concurrency?: number;
  clock?: Clock;
  random?: () => number;
  /** How long new calls pause after a throttled one (default 250 ms, jittered). */
  throttlePauseMs?: number;
  signal?: AbortSignal;
  /** Only these regions (default: every region DescribeRegions lists). */
  regionIds?: string[];
  onProgress?: (progress: { regionsDone: number; regions: number; instancesDone: number; instances: number }) => void;
}

function rowFor(instance: RdsInstance): AuditRow {
  return {
    regionId: instance.regionId,
    instanceId: instance.instanceId,
    description: instance.description,
    engineVersion: instance.engineVersion,
    status: instance.status,
    sslEnabled: null,
    protectedEndpoint: null,
    caType: null,
    expiresAt: null,
    daysLeft: null,
    requireUpdate: null,
    clientCa: null,
    sslUnavailableReason: null,
    error: null,
    instanceType: instance.instanceType,
    primaryInstanceId: instance.primaryInstanceId,
    renewalScheduledAt: null,
    renewalRestart: null,
  };
}

/**
 * Audits every PostgreSQL instance of every region: SSL on or off, protected endpoint, certificate type, expiry
 * and days left, RequireUpdate, client CA. Regions and instances are walked concurrently under one adaptive limit.
 */
export async function auditFleet(
  client: RdsClient,
  options: AuditOptions = {},
): Promise<Result<AuditReport, RdsErrorCode>> {
  const clock = options.clock ?? systemClock;
  const limiter = new AdaptiveLimiter(options.concurrency ?? 16, clock, options.random, options.throttlePauseMs);
  const callOptions = { signal: options.signal, onThrottled: () => limiter.throttled() };
  let regionIds = options.regionIds;
  if (!regionIds) {
    const regions = await client.regions(callOptions);
    if (!regions.ok) return regions;
    regionIds = regions.value.map((region) => region.regionId);
  }
  const progress = { regionsDone: 0, regions: regionIds.length, instancesDone: 0, instances: 0 };
  const rows: AuditRow[] = [];
  const regionFailures: { regionId: string; code: RdsErrorCode; message: string }[] = [];
  const now = new Date(clock.now());
  const auditInstance = async (instance: RdsInstance): Promise<void> => {
    const row = rowFor(instance);
    rows.push(row);
    const ssl = await limiter.run(() => readSslState(client, instance.instanceId, { ...callOptions, instance }));
    if (ssl.ok) {
      Object.assign(row, {
        sslEnabled: ssl.value.enabled,
        protectedEndpoint: ssl.value.protectedEndpoint,
        caType: ssl.value.caType,
        expiresAt: ssl.value.expiresAt,
        daysLeft: daysUntil(ssl.value.expiresAt, now),
        requireUpdate: ssl.value.requireUpdate,
        clientCa: ssl.value.clientCaEnabled,
        sslUnavailableReason: ssl.value.unavailableReason,
      });
    } else {
      row.error = ssl.error;
    }
    progress.instancesDone += 1;
    options.onProgress?.({ ...progress });
  };
  await Promise.all(
    regionIds.map(async (regionId) => {
      const instances = await limiter.run(() => client.instances(regionId, 'PostgreSQL', callOptions));
      progress.regionsDone += 1;
      if (!instances.ok) {
        regionFailures.push({ regionId, ...instances.error });
        return;
      }
      progress.instances += instances.value.length;
      options.onProgress?.({ ...progress });
      const [tasks] = await Promise.all([
        limiter.run(() => client.scheduledTasks(regionId, null, callOptions)),
        Promise.all(instances.value.map(auditInstance)),
      ]);
      // A region whose tasks cannot be read keeps empty renewal columns; the SSL columns stand on their own.
      if (!tasks.ok) return;
      for (const row of rows.filter((item) => item.regionId === regionId)) {
        const renewal = scheduledRenewal(tasks.value.filter((task) => task.instanceId === row.instanceId));
        row.renewalScheduledAt = renewal?.switchTime ?? null;
        row.renewalRestart = renewal ? renewal.restart : null;
      }
    }),
  );
  if (options.signal?.aborted) return fail('cancelled', 'The audit was cancelled; nothing was exported.');
  if (regionFailures.length === regionIds.length && regionFailures[0]) {
    return fail(regionFailures[0].code, regionFailures[0].message);
  }
  for (const failure of regionFailures) {
    const blank = { instanceId: '', description: '', engine: '', engineVersion: '', status: '', category: '' };
    const row = rowFor({
      ...blank,
      regionId: failure.regionId,
      storageType: '',
      instanceClass: '',
      connectionString: '',
      port: null,
      instanceType: '',
      primaryInstanceId: null,
    });
    rows.push({ ...row, error: { code: failure.code, message: failure.message } });
  }
  rows.sort(
    (left, right) => left.regionId.localeCompare(right.regionId) || left.instanceId.localeCompare(right.instanceId),
  );
  const stats = client.stats;
  return ok({
    generatedAt: now.toISOString(),
    regions: regionIds.length,
    instances: rows.filter((row) => row.instanceId).length,
    sslOn: rows.filter((row) => row.sslEnabled === true).length,
    sslOff: rows.filter((row) => row.sslEnabled === false).length,
    failures: rows.filter((row) => row.error).length,
    rows,
    calls: {
      total: stats.calls,
      retries: stats.retries,
      throttled: stats.throttled,
      throttledGivenUp: stats.throttledGivenUp,
    },
  });
}

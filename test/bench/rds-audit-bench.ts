// Benchmark: the fleet audit (concurrent, throttle-aware) vs a sequential walk of the same calls, in one run.
// 1,000 PostgreSQL instances in 20 regions, 50 ms injected latency per call, a per-AccessKey rate limit.
// Run alone: npx tsx test/bench/rds-audit-bench.ts
import { parseApiEndpoint } from '../../electron/rds/api-endpoint';
import { auditFleet } from '../../electron/rds/fleet-audit';
import { RdsClient } from '../../electron/rds/rds-client';
import { RdsSandbox } from '../../electron/sandbox/index';

const regions = 20;
const perRegion = 50;
const latencyMs = 50;

function clientOf(sandbox: RdsSandbox): RdsClient {
  const endpoint = parseApiEndpoint(sandbox.endpoint);
  if (!endpoint.ok) throw new Error(endpoint.error.message);
  const { accessKeyId, accessKeySecret } = sandbox.accessKey;
  return new RdsClient({
    credentials: { kind: 'access_key', source: 'bench', accessKeyId, accessKeySecret, regionId: 'cn-hangzhou' },
    endpoint: endpoint.value,
    retry: { maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 2000 },
  });
}

/** What a simple script does: every call one after the other. */
async function sequentialWalk(client: RdsClient): Promise<number> {
  const regionList = await client.regions();
  if (!regionList.ok) throw new Error(regionList.error.message);
  let audited = 0;
  for (const region of regionList.value) {
    const instances = await client.instances(region.regionId);
    if (!instances.ok) throw new Error(instances.error.message);
    for (const instance of instances.value) {
      const ssl = await client.sslState(instance.instanceId);
      if (ssl.ok) audited += 1;
    }
  }
  return audited;
}

async function main(): Promise<void> {
  const sandbox = new RdsSandbox({
    fleet: { regions, perRegion },
    faults: { latencyMs, rateLimit: { perSecond: 350, burst: 40 } },
  });
  await sandbox.start();
  try {
    const oursClient = clientOf(sandbox);
    const oursStart = performance.now();
    const report = await auditFleet(oursClient, { concurrency: 32 });
    const oursMs = performance.now() - oursStart;
    if (!report.ok) throw new Error(report.error.message);
    const throttledBySandbox = sandbox.stats.throttled;

    const sequentialClient = clientOf(sandbox);
    const sequentialStart = performance.now();
    const sequentialCount = await sequentialWalk(sequentialClient);
    const sequentialMs = performance.now() - sequentialStart;

    const ratio = sequentialMs / oursMs;
    const lines = [
      `rds-audit-bench: ${regions} regions × ${perRegion} instances, ${latencyMs} ms latency per call, rate limit 350/s`,
      `  ours:       ${report.value.instances} instances (${report.value.failures} failed) in ${(oursMs / 1000).toFixed(2)} s, ${report.value.calls.total} calls, ${report.value.calls.retries} retries`,
      `  sequential: ${sequentialCount} instances in ${(sequentialMs / 1000).toFixed(2)} s, ${sequentialClient.stats.calls} calls`,
      `  ratio (sequential / ours): ${ratio.toFixed(1)}× (target ≥ 10×)`,
      `  throttled calls: ${throttledBySandbox} refused by the sandbox, ${report.value.calls.throttledGivenUp} not retried (target 0)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (ratio < 10 || report.value.calls.throttledGivenUp > 0 || report.value.failures > 0) process.exitCode = 1;
  } finally {
    await sandbox.close();
  }
}

await main();

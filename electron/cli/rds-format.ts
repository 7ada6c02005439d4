import type { RdsEndpoint, RdsInstance, RdsRegion, RdsScheduledTask, RdsSslState } from '../../shared/contract/rds';
import type { SslFlowStep } from '../../shared/rds-ssl-flow';

/** Pads cells into aligned columns. */
export function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, cell.length);
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, index) => cell.padEnd(widths[index] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Regions as a table. */
export function formatRegions(regions: RdsRegion[]): string {
  return table([['REGION', 'NAME'], ...regions.map((region) => [region.regionId, region.localName])]);
}

/** Instances as a table. */
export function formatInstances(instances: RdsInstance[]): string {
  return table([
    ['INSTANCE', 'TYPE', 'REGION', 'VERSION', 'STATUS', 'STORAGE', 'CATEGORY', 'DESCRIPTION'],
    ...instances.map((item) => [
      item.instanceId,
      item.primaryInstanceId ? `${item.instanceType} of ${item.primaryInstanceId}` : item.instanceType,
      item.regionId,
      `${item.engine} ${item.engineVersion}`,
      item.status,
      item.storageType,
      item.category,
      item.description,
    ]),
  ]);
}

/** Endpoints as a table. */
export function formatEndpoints(endpoints: (RdsEndpoint & { note?: string | null })[]): string {
  return table([
    ['ENDPOINT', 'PORT', 'PGBOUNCER', 'TYPE', 'NOTE'],
    ...endpoints.map((item) => [
      item.host,
      String(item.port),
      item.pgBouncerPort === null ? '' : String(item.pgBouncerPort),
      item.readWriteSplitting ? 'read/write splitting' : item.kind,
      item.note ?? '',
    ]),
  ]);
}

/** The scheduled automatic renewal of the cloud certificate as one line. */
export function formatRenewal(renewal: RdsScheduledTask | null): string {
  if (!renewal) return 'Scheduled renewal: none';
  const restart = renewal.restart ? 'the instance restarts' : renewal.impactText;
  return `Scheduled renewal: ${renewal.switchTime ?? 'time not given'} (${restart}; ${renewal.description})`;
}

/** The SSL settings as label: value lines. */
export function formatSsl(ssl: RdsSslState): string {
  if (ssl.unavailableReason) return `SSL: not available — ${ssl.unavailableReason}`;
  if (!ssl.enabled) {
    const last = ssl.lastModifyStatus ? ` (last change: ${ssl.lastModifyStatus})` : '';
    return `SSL: off${last}`;
  }
  const lines = [
    ['SSL', 'on'],
    ['Protected endpoint', ssl.protectedEndpoint ?? ''],
    ['Certificate', ssl.caType === 'custom' ? 'custom' : 'cloud certificate (aliyun)'],
    ['Expires', ssl.expiresAt ?? ''],
    ['Needs update', ssl.requireUpdate ? `yes${ssl.requireUpdateReason ? ` — ${ssl.requireUpdateReason}` : ''}` : 'no'],
    ['Last change', `${ssl.lastModifyStatus ?? ''}${ssl.modifyStatusReason ? ` — ${ssl.modifyStatusReason}` : ''}`],
    ['Client CA', ssl.clientCaEnabled ? `on (ACL ${ssl.acl}, replication ACL ${ssl.replicationAcl})` : 'off'],
    ['CRL', ssl.clientCrl ? 'configured' : 'none'],
  ];
  return lines.map(([label, value]) => `${`${label}:`.padEnd(20)}${value}`).join('\n');
}

/** One progress line of the SSL flow, or null for steps the CLI does not print. */
export function formatStep(step: SslFlowStep): string | null {
  switch (step.step) {
    case 'prerequisites':
      return step.problems.length
        ? `prerequisites not met: ${step.problems.map((item) => item.message).join(' ')}`
        : null;
    case 'choose_endpoint':
      return null;
    case 'restart_warning':
      return `warning: ${step.message}`;
    case 'sent':
      return `ModifyDBInstanceSSL accepted (request ${step.requestId}); waiting for the instance to return to Running…`;
    case 'waiting':
      return `  status ${step.status}${step.lastModifyStatus ? `, SSL change ${step.lastModifyStatus}` : ''} (${Math.round(step.elapsedMs / 1000)} s)`;
    case 'done':
      return `done. ${step.reminder}`;
    case 'failed':
      return null;
  }
}

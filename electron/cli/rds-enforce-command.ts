import type { SslEnforcementPlan } from '../../shared/contract/rds-connect';
import { enforceSsl, planEnforcement } from '../rds/ssl-enforcement';
import { usageFailure, writeFailure, writeJson, writeLine } from './command';
import type { ConnectRun } from './rds-connect-command';

/** The usage text of `rdspg rds ssl enforce`. */
export const enforceUsage = 'ssl enforce ID on|off';

function entry(item: SslEnforcementPlan['changes'][number]['before']): string {
  return [item.type, item.database, item.user, item.address, item.mask, item.method, item.option]
    .filter(Boolean)
    .join(' ');
}

function describePlan(plan: SslEnforcementPlan): string {
  const lines = [
    `Plain (non-SSL) connections accepted now: ${plan.plainAcceptedBefore ? 'yes' : 'no'}; after: ${plan.plainAcceptedAfter ? 'yes' : 'no'}.`,
  ];
  if (plan.changes.length === 0) lines.push('pg_hba: nothing to change.');
  for (const change of plan.changes) {
    lines.push(`  #${change.before.priorityId}: ${entry(change.before)}  →  ${entry(change.after)}`);
  }
  if (plan.changes.length) lines.push('Takes effect with a reload of pg_hba: no restart, open sessions stay.');
  if (plan.clientCaNote) lines.push(`Note: ${plan.clientCaNote}`);
  return lines.join('\n');
}

/** `rdspg rds ssl enforce ID on|off`: prints what changes in pg_hba, applies it and waits until it runs. */
export async function sslEnforceCommand(
  run: ConnectRun & { values: { timeout?: string } },
  id: string | undefined,
  setting: string | undefined,
): Promise<number> {
  if (!id || (setting !== 'on' && setting !== 'off')) {
    writeFailure(run.io.stderr, usageFailure(enforceUsage, 'ssl enforce takes ID and on or off'));
    return 2;
  }
  const enforce = setting === 'on';
  if (!run.values.json) {
    const planned = await planEnforcement(run.client, id, enforce);
    if (!planned.ok) {
      writeFailure(run.io.stderr, planned.error);
      return 1;
    }
    writeLine(run.io.stdout, describePlan(planned.value));
  }
  const result = await enforceSsl(run.client, id, enforce, { timeoutMs: Number(run.values.timeout ?? 1200) * 1000 });
  if (!result.ok) {
    writeFailure(run.io.stderr, result.error);
    return 1;
  }
  if (run.values.json) writeJson(run.io.stdout, result.value);
  else if (result.value.changes.length) writeLine(run.io.stdout, 'Done: the new pg_hba entries are running.');
  return 0;
}

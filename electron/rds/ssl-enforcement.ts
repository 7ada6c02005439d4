import type { HbaItem, SslEnforcementPlan } from '../../shared/contract/rds-connect';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { planSslEnforcement } from '../../shared/rds-ssl-enforcement';
import { fail, ok, type Result } from '../../shared/result';
import type { CallOptions, RdsClient } from './rds-client';
import { rdsSdk } from './sdk-client';
import { readSslState } from './ssl-availability';
import { afterSending, staleGuard, type WaitOptions, waitUntil } from './wait-until';

/** The running pg_hba entries of an instance and the state of the last change. */
export interface HbaState {
  items: HbaItem[];
  lastModifyStatus: string;
  /** HbaModifyTime: when the last change ended ('' before any). */
  modifyTime: string;
}

/** DescribePGHbaConfig: the entries the instance runs with. */
export function hbaState(
  client: RdsClient,
  instanceId: string,
  options: CallOptions = {},
): Promise<Result<HbaState, RdsErrorCode>> {
  return client.call(
    'DescribePGHbaConfig',
    (sdk) => sdk.describePGHbaConfig(new rdsSdk.DescribePGHbaConfigRequest({ DBInstanceId: instanceId })),
    (body: rdsSdk.DescribePGHbaConfigResponseBody) => ({
      lastModifyStatus: body.lastModifyStatus ?? '',
      modifyTime: body.hbaModifyTime ?? '',
      items: (body.runningHbaItems?.hbaItem ?? []).map((item) => ({
        priorityId: item.priorityId ?? 0,
        type: item.type ?? '',
        database: item.database ?? '',
        user: item.user ?? '',
        address: item.address ?? '',
        mask: item.mask ?? '',
        method: item.method ?? '',
        option: item.option ?? '',
      })),
    }),
    options,
  );
}

async function readPlan(client: RdsClient, instanceId: string, enforce: boolean) {
  const [hba, ssl] = await Promise.all([hbaState(client, instanceId), readSslState(client, instanceId)]);
  if (!hba.ok) return hba;
  const plan = planSslEnforcement(hba.value.items, enforce, ssl.ok && ssl.value.clientCaEnabled);
  return ok({ plan, before: hba.value });
}

/** Reads the entries and the SSL state and plans `ssl enforce on|off` without changing anything. */
export async function planEnforcement(
  client: RdsClient,
  instanceId: string,
  enforce: boolean,
): Promise<Result<SslEnforcementPlan, RdsErrorCode>> {
  const read = await readPlan(client, instanceId, enforce);
  return read.ok ? ok(read.value.plan) : read;
}

/**
 * Enforces SSL (host → hostssl) or stops enforcing it with one ModifyPGHbaConfig (OpsType modify), then waits
 * until the new entries run (LastModifyStatus no longer `setting`). Nothing is sent when nothing changes. A
 * `failed` left from an earlier change (same HbaModifyTime, no `setting` seen yet) is stale and waited through.
 */
export async function enforceSsl(
  client: RdsClient,
  instanceId: string,
  enforce: boolean,
  wait: WaitOptions = {},
): Promise<Result<SslEnforcementPlan, RdsErrorCode>> {
  const read = await readPlan(client, instanceId, enforce);
  if (!read.ok) return read;
  const { plan, before } = read.value;
  if (plan.changes.length === 0) return ok(plan);
  const after = plan.changes.map((change) => change.after);
  const request = new rdsSdk.ModifyPGHbaConfigRequest({
    DBInstanceId: instanceId,
    opsType: 'modify',
    hbaItem: after.map((item) => new rdsSdk.ModifyPGHbaConfigRequestHbaItem({ ...item })),
  });
  wait.onSending?.();
  const sent = await client.call(
    'ModifyPGHbaConfig',
    (sdk) => sdk.modifyPGHbaConfig(request),
    (body: rdsSdk.ModifyPGHbaConfigResponseBody) => body.requestId ?? '',
    { signal: wait.signal },
  );
  if (!sent.ok) return sent;
  wait.onStep?.({ step: 'sent', requestId: sent.value });
  const follow = afterSending(wait);
  const guard = staleGuard(before.modifyTime);
  const applied = await waitUntil(
    async (note) => {
      const seen = await hbaState(client, instanceId, { signal: follow.signal });
      if (!seen.ok) return seen;
      const status = seen.value.lastModifyStatus;
      // A pg_hba change is a reload: the instance stays Running, LastModifyStatus tells the change's state.
      note('Running', status);
      const running = after.every((item) =>
        seen.value.items.some((current) => current.priorityId === item.priorityId && current.type === item.type),
      );
      guard.see(seen.value.modifyTime, status === 'setting' || running);
      if (!guard.fresh()) return ok(null);
      if (status === 'failed') {
        return fail(
          'ssl_change_failed',
          'ModifyPGHbaConfig failed on the instance; look at its pg_hba in the console and retry.',
        );
      }
      return ok(running && status !== 'setting' ? true : null);
    },
    'the new pg_hba entries to run',
    follow,
  );
  return applied.ok ? ok(plan) : applied;
}

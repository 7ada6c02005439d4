import type { HbaItem, SslEnforcementPlan } from '../../shared/contract/rds-connect';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { planSslEnforcement } from '../../shared/rds-ssl-enforcement';
import { ok, type Result } from '../../shared/result';
import type { RdsClient } from './rds-client';
import { rdsSdk } from './sdk-client';
import { readSslState } from './ssl-availability';
import { type WaitOptions, waitUntil } from './wait-until';

/** The running pg_hba entries of an instance and the state of the last change. */
export interface HbaState {
  items: HbaItem[];
  lastModifyStatus: string;
}

/** DescribePGHbaConfig: the entries the instance runs with. */
export function hbaState(client: RdsClient, instanceId: string): Promise<Result<HbaState, RdsErrorCode>> {
  return client.call(
    'DescribePGHbaConfig',
    (sdk) => sdk.describePGHbaConfig(new rdsSdk.DescribePGHbaConfigRequest({ DBInstanceId: instanceId })),
    (body: rdsSdk.DescribePGHbaConfigResponseBody) => ({
      lastModifyStatus: body.lastModifyStatus ?? '',
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
  );
}

/** Reads the entries and the SSL state and plans `ssl enforce on|off` without changing anything. */
export async function planEnforcement(
  client: RdsClient,
  instanceId: string,
  enforce: boolean,
): Promise<Result<SslEnforcementPlan, RdsErrorCode>> {
  const [hba, ssl] = await Promise.all([hbaState(client, instanceId), readSslState(client, instanceId)]);
  if (!hba.ok) return hba;
  return ok(planSslEnforcement(hba.value.items, enforce, ssl.ok && ssl.value.clientCaEnabled));
}

/**
 * Enforces SSL (host → hostssl) or stops enforcing it with one ModifyPGHbaConfig (OpsType modify), then waits
 * until the new entries run (LastModifyStatus no longer `setting`). Nothing is sent when nothing changes.
 */
export async function enforceSsl(
  client: RdsClient,
  instanceId: string,
  enforce: boolean,
  wait: WaitOptions = {},
): Promise<Result<SslEnforcementPlan, RdsErrorCode>> {
  const planned = await planEnforcement(client, instanceId, enforce);
  if (!planned.ok || planned.value.changes.length === 0) return planned;
  const after = planned.value.changes.map((change) => change.after);
  const request = new rdsSdk.ModifyPGHbaConfigRequest({
    DBInstanceId: instanceId,
    opsType: 'modify',
    hbaItem: after.map((item) => new rdsSdk.ModifyPGHbaConfigRequestHbaItem({ ...item })),
  });
  const sent = await client.call(
    'ModifyPGHbaConfig',
    (sdk) => sdk.modifyPGHbaConfig(request),
    () => null,
  );
  if (!sent.ok) return sent;
  const applied = await waitUntil(
    async () => {
      const seen = await hbaState(client, instanceId);
      if (!seen.ok) return seen;
      if (seen.value.lastModifyStatus === 'failed') {
        return {
          ok: false,
          error: {
            code: 'ssl_change_failed',
            message: 'ModifyPGHbaConfig failed on the instance; look at its pg_hba in the console and retry.',
          },
        };
      }
      const running = after.every((item) =>
        seen.value.items.some((current) => current.priorityId === item.priorityId && current.type === item.type),
      );
      return ok(running && seen.value.lastModifyStatus !== 'setting' ? true : null);
    },
    'the new pg_hba entries to run',
    wait,
  );
  return applied.ok ? planned : applied;
}

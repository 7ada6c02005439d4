import { appWhitelistGroup, type WhitelistChangeResult, type WhitelistGroup } from '../../shared/contract/rds-connect';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { checkWhitelistAddress, planWhitelistChange } from '../../shared/rds-whitelist';
import { ok, type Result } from '../../shared/result';
import type { RdsClient } from './rds-client';
import { rdsSdk } from './sdk-client';

/** DescribeDBInstanceIPArrayList: the instance's whitelist groups, each with its addresses. */
export function whitelistGroups(
  client: RdsClient,
  instanceId: string,
): Promise<Result<WhitelistGroup[], RdsErrorCode>> {
  return client.call(
    'DescribeDBInstanceIPArrayList',
    (sdk) =>
      sdk.describeDBInstanceIPArrayList(new rdsSdk.DescribeDBInstanceIPArrayListRequest({ DBInstanceId: instanceId })),
    (body: rdsSdk.DescribeDBInstanceIPArrayListResponseBody) =>
      (body.items?.DBInstanceIPArray ?? []).map((item) => ({
        name: item.DBInstanceIPArrayName ?? '',
        attribute: item.DBInstanceIPArrayAttribute ?? '',
        ips: (item.securityIPList ?? '').split(',').filter(Boolean),
      })),
  );
}

/** Reads the groups and plans adding or removing an address in the app's group `rdspg`, without changing anything. */
export async function planWhitelist(
  client: RdsClient,
  instanceId: string,
  action: 'add' | 'remove',
  address: string,
): Promise<Result<WhitelistChangeResult, RdsErrorCode>> {
  const checked = checkWhitelistAddress(address);
  if (!checked.ok) return checked;
  const groups = await whitelistGroups(client, instanceId);
  if (!groups.ok) return groups;
  return ok({ plan: planWhitelistChange(groups.value, action, checked.value), groups: groups.value });
}

/**
 * Adds (ModifyMode Append) or removes (ModifyMode Delete) one address in the group `rdspg` only — the user's own
 * groups are never rewritten — then reads the groups back. Nothing is sent when the plan changes nothing.
 */
export async function changeWhitelist(
  client: RdsClient,
  instanceId: string,
  action: 'add' | 'remove',
  address: string,
): Promise<Result<WhitelistChangeResult, RdsErrorCode>> {
  const planned = await planWhitelist(client, instanceId, action, address);
  if (!planned.ok || !planned.value.plan.changed) return planned;
  const { plan } = planned.value;
  const request = new rdsSdk.ModifySecurityIpsRequest({
    DBInstanceId: instanceId,
    DBInstanceIPArrayName: appWhitelistGroup,
    securityIps: plan.address,
    modifyMode: action === 'add' ? 'Append' : 'Delete',
  });
  const sent = await client.call(
    'ModifySecurityIps',
    (sdk) => sdk.modifySecurityIps(request),
    () => null,
  );
  if (!sent.ok) return sent;
  const groups = await whitelistGroups(client, instanceId);
  if (!groups.ok) return groups;
  return ok({ plan, groups: groups.value });
}

import type { SandboxConnectState } from './connect-state';
import { type ActionBody, type ActionParameters, requireInstance, type SandboxReadState } from './read-actions';
import { ServiceErrorSignal } from './service-errors';

/** What the whitelist and account actions need besides the instances. */
export interface ConnectActionContext extends SandboxReadState {
  connect: SandboxConnectState;
}

const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4Entry = new RegExp(`^${octet}(\\.${octet}){3}(/(3[0-2]|[12]?\\d))?$`);

/**
 * One whitelist entry as ModifySecurityIps takes it: an IPv4 address or a CIDR block with a prefix of 1–32, or
 * 0.0.0.0/0 (the API reference's formats). IPv6 entries are left out of the sandbox.
 */
function checkEntries(raw: string | undefined): string[] {
  if (!raw) throw new ServiceErrorSignal('MissingParameter', 'SecurityIps');
  const entries = raw.split(',').map((entry) => entry.trim());
  const valid = entries.every(
    (entry) => entry === '0.0.0.0/0' || (ipv4Entry.test(entry) && !entry.endsWith('/0') && !entry.includes('%')),
  );
  // The reference allows 1000 entries per instance and wants each one once; the code for a malformed list is a
  // guess in the form the service uses for malformed values.
  if (!valid || new Set(entries).size !== entries.length || entries.length > 1000) {
    throw new ServiceErrorSignal('InvalidSecurityIps.Malformed');
  }
  return entries;
}

/** DescribeDBInstanceIPArrayList: every whitelist group of the instance (API reference: DescribeDBInstanceIPArrayList). */
export function describeIpArrayList(context: ConnectActionContext, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(context, parameters);
  const groups = context.connect.of(instance).whitelist;
  return {
    Items: {
      DBInstanceIPArray: groups.map((group) => ({
        DBInstanceIPArrayName: group.name,
        DBInstanceIPArrayAttribute: group.attribute,
        SecurityIPType: 'IPv4',
        SecurityIPList: group.ips.join(','),
        WhitelistNetworkType: 'MIX',
      })),
    },
  };
}

/**
 * ModifySecurityIps (API reference: ModifySecurityIps): Cover (the default) replaces the group's list, Append adds,
 * Delete removes; DBInstanceIPArrayName defaults to the group `Default` and a new name creates the group (at most
 * 200 groups). The instance must be Running. The real call returns a TaskId and applies the list within moments;
 * here the new list shows at once (a guess at the timing). A group emptied by Delete is removed (a guess).
 */
export function modifySecurityIps(context: ConnectActionContext, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(context, parameters);
  if (instance.status !== 'Running') throw new ServiceErrorSignal('IncorrectDBInstanceState');
  const entries = checkEntries(parameters.SecurityIps);
  const mode = parameters.ModifyMode ?? 'Cover';
  if (!['Cover', 'Append', 'Delete'].includes(mode)) throw new ServiceErrorSignal('InvalidParameter', 'ModifyMode');
  const record = context.connect.of(instance);
  const name = parameters.DBInstanceIPArrayName || 'default';
  let group = record.whitelist.find((item) => item.name === name);
  if (!group) {
    if (mode === 'Delete') return { TaskId: '0' };
    if (record.whitelist.length >= 200) throw new ServiceErrorSignal('InvalidParameter', 'DBInstanceIPArrayName');
    group = { name, attribute: parameters.DBInstanceIPArrayAttribute ?? '', ips: [] };
    record.whitelist.push(group);
  }
  if (mode === 'Cover') group.ips = entries;
  else if (mode === 'Append') group.ips = [...group.ips, ...entries.filter((entry) => !group.ips.includes(entry))];
  else group.ips = group.ips.filter((entry) => !entries.includes(entry));
  if (group.ips.length === 0 && group.name !== 'default') {
    record.whitelist = record.whitelist.filter((item) => item !== group);
  }
  return { TaskId: String(Date.now() % 100_000_000) };
}

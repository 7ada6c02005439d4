import { appWhitelistGroup, type WhitelistGroup, type WhitelistPlan } from './contract/rds-connect';
import { fail, ok, type Result } from './result';

const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4 = new RegExp(`^${octet}(\\.${octet}){3}$`);

/** Checks an address typed for the whitelist: an IPv4 address, or a CIDR block with a prefix of 1 to 32. */
export function checkWhitelistAddress(text: string): Result<string, 'invalid_parameter'> {
  const [address = '', prefix, ...extra] = text.trim().split('/');
  const prefixOk = prefix === undefined || (/^\d{1,2}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= 32);
  if (extra.length === 0 && ipv4.test(address) && prefixOk) return ok(text.trim());
  return fail(
    'invalid_parameter',
    `"${text}" is not an IPv4 address or CIDR block (for example 203.0.113.7 or 203.0.113.0/24); type this computer's public address as a website such as ipinfo.io shows it.`,
  );
}

function toNumber(address: string): number {
  return address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

/** True when the whitelist entry (address or CIDR block; 0.0.0.0/0 allows all) covers the address. */
export function entryCovers(entry: string, address: string): boolean {
  const [base = '', prefixText] = entry.split('/');
  const [target = ''] = address.split('/');
  if (!ipv4.test(base) || !ipv4.test(target)) return false;
  const prefix = prefixText === undefined ? 32 : Number(prefixText);
  if (prefix === 0) return true;
  const mask = prefix === 32 ? 0xffffffff : (0xffffffff << (32 - prefix)) >>> 0;
  return (toNumber(base) & mask) >>> 0 === (toNumber(target) & mask) >>> 0;
}

/** The change `add` or `remove` makes to the app's own group `rdspg`, computed from the groups read now. */
export function planWhitelistChange(
  groups: WhitelistGroup[],
  action: 'add' | 'remove',
  address: string,
): WhitelistPlan {
  const before = groups.find((group) => group.name === appWhitelistGroup)?.ips ?? [];
  const after =
    action === 'add'
      ? before.includes(address)
        ? before
        : [...before, address]
      : before.filter((entry) => entry !== address);
  const others = groups.filter((group) => group.name !== appWhitelistGroup).flatMap((group) => group.ips);
  const allowedAfter = [...others, ...after].some((entry) => entryCovers(entry, address));
  return {
    action,
    address,
    group: appWhitelistGroup,
    before,
    after,
    changed: after.length !== before.length,
    allowedAfter,
  };
}

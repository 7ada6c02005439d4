import { isIPv6 } from 'node:net';

/**
 * Parses an IPv4 address the way glibc's inet_aton does (libpq uses it): one to four parts, each decimal, octal
 * (leading 0) or hex (0x); the last part fills the remaining bytes; trailing white space ends the address.
 */
export function inetAton(text: string): Uint8Array | null {
  const end = text.search(/\s/);
  const address = end >= 0 ? text.slice(0, end) : text;
  if (address === '') return null;
  const parts = address.split('.');
  if (parts.length > 4) return null;
  const values: number[] = [];
  for (const part of parts) {
    let value: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(part)) value = part.length === 2 ? 0 : Number.parseInt(part.slice(2), 16);
    else if (/^0[0-7]*$/.test(part)) value = Number.parseInt(part, 8);
    else if (/^[1-9]\d*$/.test(part)) value = Number.parseInt(part, 10);
    else return null;
    if (!Number.isFinite(value) || value > 0xffffffff) return null;
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((value) => value > 255)) return null;
  const remaining = 4 - values.length;
  if (last >= 2 ** (8 * remaining)) return null;
  const bytes = new Uint8Array(4);
  values.forEach((value, index) => {
    bytes[index] = value;
  });
  for (let index = 3; index >= values.length; index--) {
    bytes[index] = Math.floor(last / 2 ** (8 * (3 - index))) % 256;
  }
  return bytes;
}

/** Parses an IPv6 address (inet_pton semantics, including an embedded IPv4 tail) into 16 bytes. */
export function inetPton6(text: string): Uint8Array | null {
  if (!isIPv6(text) || text.includes('%')) return null;
  let head = text;
  const lastColon = head.lastIndexOf(':');
  const ipv4 = head.slice(lastColon + 1);
  if (ipv4.includes('.')) {
    const bytes = ipv4.split('.').map(Number);
    head = `${head.slice(0, lastColon + 1)}${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, null];
  const leftGroups = left ? left.split(':').filter((group) => group !== '') : [];
  const rightGroups = right ? right.split(':').filter((group) => group !== '') : [];
  const missing = 8 - leftGroups.length - rightGroups.length;
  const groups = [
    ...leftGroups.map((group) => Number.parseInt(group, 16)),
    ...new Array(right === null ? 0 : missing).fill(0),
    ...rightGroups.map((group) => Number.parseInt(group, 16)),
  ];
  if (groups.length !== 8) return null;
  const bytes = new Uint8Array(16);
  groups.forEach((group, index) => {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 0xff;
  });
  return bytes;
}

/** True when libpq would treat the host as an IP address rather than a name. */
export function isIpAddress(host: string): boolean {
  return inetAton(host) !== null || inetPton6(host) !== null;
}

/** Formats 4 or 16 address bytes as text, for messages. */
export function formatAddress(bytes: Uint8Array): string {
  if (bytes.length === 4) return [...bytes].join('.');
  const groups: string[] = [];
  for (let index = 0; index < bytes.length; index += 2)
    groups.push(((bytes[index]! << 8) | bytes[index + 1]!).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
}

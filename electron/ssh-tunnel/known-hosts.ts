// OpenSSH's known_hosts format, read as ssh reads it: plain and hashed (|1|salt|hash) host names, [host]:port for
// a port other than 22, patterns with * and ?, negation with !, @revoked lines; @cert-authority lines are skipped.
import { createHash, createHmac } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One line of a known_hosts file that names a host key. */
interface KnownKey {
  file: string;
  line: number;
  keyType: string;
  key: Buffer;
  revoked: boolean;
}

/** What the known_hosts files say of a host key: known, unknown for this host, changed, or revoked. */
export type HostKeyVerdict =
  | { status: 'known' }
  | { status: 'unknown' }
  | { status: 'changed' | 'revoked'; file: string; line: number };

/** The SHA256 fingerprint of an SSH public key, as `ssh-keygen -l` prints it. */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named at the start of an SSH public key blob (ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256…). */
export function keyTypeOf(key: Buffer): string {
  if (key.length < 4) return '';
  const length = key.readUInt32BE(0);
  return key.subarray(4, 4 + length).toString('latin1');
}

/** The name a host has in known_hosts: `host` on port 22, `[host]:port` otherwise. */
export function knownHostName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function patternMatches(pattern: string, name: string): boolean {
  if (pattern.startsWith('|1|')) {
    const [, , salt, hash] = pattern.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  const expression = pattern
    .toLowerCase()
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${expression}$`).test(name.toLowerCase());
}

/** True when a known_hosts host field (comma-separated patterns) names the host, as ssh's match_hostname does. */
export function hostFieldMatches(field: string, name: string): boolean {
  let matched = false;
  for (const pattern of field.split(',')) {
    if (pattern.startsWith('!')) {
      if (patternMatches(pattern.slice(1), name)) return false;
    } else if (patternMatches(pattern, name)) matched = true;
  }
  return matched;
}

async function readKnownKeys(file: string, name: string): Promise<KnownKey[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const keys: KnownKey[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const fields = raw.trim().split(/\s+/);
    if (fields[0] === '' || fields[0]?.startsWith('#')) continue;
    const marker = fields[0]?.startsWith('@') ? fields.shift() : undefined;
    if (marker === '@cert-authority') continue;
    const [hosts, keyType, encoded] = fields;
    if (!hosts || !keyType || !encoded || !hostFieldMatches(hosts, name)) continue;
    keys.push({ file, line: index + 1, keyType, key: Buffer.from(encoded, 'base64'), revoked: marker === '@revoked' });
  }
  return keys;
}

/** Where a tunnel looks its jump host's key up: the app's own file (written on confirmation) and the user's. */
export interface KnownHostsFiles {
  /** The app's known_hosts in its data folder; confirmed keys are added here. */
  app: string;
  /** Read only, as ssh reads it: ~/.ssh/known_hosts. */
  user: string | null;
}

/** The key types the known_hosts files hold for a host (ssh prefers them, so that a known key is offered). */
export async function knownKeyTypes(files: KnownHostsFiles, host: string, port: number): Promise<string[]> {
  const name = knownHostName(host, port);
  const lists = await Promise.all([files.app, files.user].flatMap((file) => (file ? [readKnownKeys(file, name)] : [])));
  return [...new Set(lists.flat().flatMap((key) => (key.revoked ? [] : [key.keyType])))];
}

/** Checks a host key against the known_hosts files: any matching key makes it known, unless it is revoked. */
export async function verifyHostKey(
  files: KnownHostsFiles,
  host: string,
  port: number,
  key: Buffer,
): Promise<HostKeyVerdict> {
  const name = knownHostName(host, port);
  const lists = await Promise.all([files.app, files.user].flatMap((file) => (file ? [readKnownKeys(file, name)] : [])));
  const keys = lists.flat();
  const revoked = keys.find((known) => known.revoked && known.key.equals(key));
  if (revoked) return { status: 'revoked', file: revoked.file, line: revoked.line };
  if (keys.some((known) => !known.revoked && known.key.equals(key))) return { status: 'known' };
  const other = keys.find((known) => !known.revoked && known.keyType === keyTypeOf(key));
  return other ? { status: 'changed', file: other.file, line: other.line } : { status: 'unknown' };
}

/** Adds a confirmed host key to the app's known_hosts file (created with mode 600), as ssh does on "yes". */
export async function addKnownHost(file: string, host: string, port: number, key: Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const existing = await readFile(file, 'utf8').catch(() => '');
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  const line = `${knownHostName(host, port)} ${keyTypeOf(key)} ${key.toString('base64')}\n`;
  await appendFile(file, `${separator}${line}`, { mode: 0o600 });
}

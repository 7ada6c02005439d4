// The first-use confirmation of a jump host's key: read the key the host offers, show its fingerprint, and add it
// to the app's known_hosts only when the user confirmed exactly that fingerprint.
import { Client } from 'ssh2';
import type { TunnelErrorCode } from '../../shared/connect-errors';
import { fail, ok, type Result } from '../../shared/result';
import { verdictFailure } from './host-key-verdict';
import { addKnownHost, hostKeyFingerprint, type KnownHostsFiles, keyTypeOf, verifyHostKey } from './known-hosts';
import { tunnelFailure } from './tunnel-failures';

/** A jump host's key as the host offers it and what known_hosts says of it. */
export interface OfferedHostKey {
  keyType: string;
  fingerprint: string;
  status: 'known' | 'unknown' | 'changed' | 'revoked';
}

/** Where the jump host is. */
export interface JumpAddress {
  host: string;
  port: number;
}

/** Reads the host key a jump host offers (the handshake stops before any log-in) and checks it. */
async function offeredKey(jump: JumpAddress, timeoutMs: number): Promise<Result<Buffer, TunnelErrorCode>> {
  const client = new Client();
  return new Promise((resolve) => {
    let key: Buffer | null = null;
    client.once('error', (error: Error & { level?: string }) => {
      client.end();
      resolve(key ? ok(key) : tunnelFailure(error, { ...jump, username: '', authentication: 'password' }));
    });
    client.once('ready', () => client.end());
    client.connect({
      host: jump.host,
      port: jump.port,
      username: 'host-key-probe',
      readyTimeout: timeoutMs,
      hostVerifier: (offered: Buffer) => {
        key = offered;
        return false;
      },
    });
  });
}

/** The key a jump host offers now, with its fingerprint and whether known_hosts knows it. */
export async function probeHostKey(
  jump: JumpAddress,
  files: KnownHostsFiles,
  timeoutMs = 20_000,
): Promise<Result<OfferedHostKey & { key: Buffer }, TunnelErrorCode>> {
  const key = await offeredKey(jump, timeoutMs);
  if (!key.ok) return key;
  const verdict = await verifyHostKey(files, jump.host, jump.port, key.value);
  return ok({
    key: key.value,
    keyType: keyTypeOf(key.value),
    fingerprint: hostKeyFingerprint(key.value),
    status: verdict.status,
  });
}

/**
 * Trusts a jump host's key after the user confirmed its fingerprint: the host's key is read again and added to
 * the app's known_hosts only when it has that fingerprint and no other key is known for the host.
 */
export async function trustHostKey(
  jump: JumpAddress,
  fingerprint: string,
  files: KnownHostsFiles,
  timeoutMs = 20_000,
): Promise<Result<OfferedHostKey, TunnelErrorCode>> {
  const probed = await probeHostKey(jump, files, timeoutMs);
  if (!probed.ok) return probed;
  const { key, ...offered } = probed.value;
  if (offered.status === 'known') return ok(offered);
  if (offered.status !== 'unknown') {
    const verdict = await verifyHostKey(files, jump.host, jump.port, key);
    if (verdict.status === 'changed' || verdict.status === 'revoked') return verdictFailure(verdict, jump, key);
  }
  if (offered.fingerprint !== fingerprint)
    return fail(
      'tunnel_host_key_changed',
      `the SSH host ${jump.host}:${jump.port} now offers the key ${offered.fingerprint}, not the confirmed ${fingerprint}; nothing was trusted. Connect again and compare the new fingerprint with the host's administrator.`,
    );
  await addKnownHost(files.app, jump.host, jump.port, key);
  return ok({ ...offered, status: 'known' });
}

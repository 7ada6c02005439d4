import type { TunnelErrorCode } from '../../shared/connect-errors';
import { fail, type Result } from '../../shared/result';
import { type HostKeyVerdict, hostKeyFingerprint, keyTypeOf, knownHostName } from './known-hosts';

/** The host key algorithms ssh2 may negotiate for the key types known_hosts holds (RSA keys sign with SHA-2 too). */
export function hostKeyAlgorithms(keyTypes: string[]): string[] {
  return keyTypes.flatMap((type) => (type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [type]));
}

/** The key type as ssh names it in its prompts: ED25519, RSA, ECDSA. */
function keyLabel(key: Buffer): string {
  const type = keyTypeOf(key);
  if (type === 'ssh-ed25519') return 'ED25519';
  if (type === 'ssh-rsa') return 'RSA';
  if (type.startsWith('ecdsa-')) return 'ECDSA';
  return type;
}

/** The coded failure for a host key known_hosts does not vouch for: new, changed or revoked. */
export function verdictFailure(
  verdict: Exclude<HostKeyVerdict, { status: 'known' }>,
  jump: { host: string; port: number },
  key: Buffer,
): Result<never, TunnelErrorCode> {
  const name = knownHostName(jump.host, jump.port);
  const fingerprint = hostKeyFingerprint(key);
  if (verdict.status === 'unknown')
    return fail(
      'tunnel_host_key_unknown',
      `the authenticity of the SSH host ${name} can't be established: its ${keyLabel(key)} key fingerprint is ${fingerprint}. Compare it with the fingerprint the host's administrator gives you (ssh-keygen -lf on the host's key), then confirm it to trust this host.`,
    );
  if (verdict.status === 'revoked')
    return fail(
      'tunnel_host_key_changed',
      `the SSH host ${name} offered a revoked ${keyLabel(key)} key (${fingerprint}; ${verdict.file} line ${verdict.line}); the connection was refused. Ask the host's administrator.`,
    );
  return fail(
    'tunnel_host_key_changed',
    `the SSH host key of ${name} has changed: it is now ${keyLabel(key)} ${fingerprint}, but ${verdict.file} line ${verdict.line} holds another key. Someone could be intercepting the connection, so it was refused. Ask the host's administrator; if the change is expected, remove the old key with ssh-keygen -R "${name}" -f "${verdict.file}" and connect again.`,
  );
}

import type { TunnelErrorCode } from '../../shared/connect-errors';
import { fail, type Result } from '../../shared/result';

/** Where the jump host is, for messages. */
interface JumpHost {
  host: string;
  port: number;
  username: string;
  authentication: 'password' | 'identity-file';
}

/** Turns an ssh2 connection error into a coded failure that says what to do next. */
export function tunnelFailure(
  error: Error & { level?: string; code?: string },
  jump: JumpHost,
): Result<never, TunnelErrorCode> {
  const where = `${jump.username}@${jump.host}:${jump.port}`;
  if (error.level === 'client-authentication')
    return fail(
      'tunnel_auth_failed',
      jump.authentication === 'password'
        ? `the SSH host ${jump.host}:${jump.port} refused the password of ${jump.username}. Check the Username and Password on the SSH Tunnel tab.`
        : `the SSH host ${jump.host}:${jump.port} did not accept the identity file for ${jump.username}. Check the Username, and that the key's public half is in the user's ~/.ssh/authorized_keys on the jump host.`,
    );
  if (error.level === 'client-timeout')
    return fail(
      'tunnel_unreachable',
      `the SSH host ${where} did not complete the SSH handshake in time. Check the Tunnel host and Tunnel port, and that the jump host's firewall (security group) lets this computer in.`,
    );
  if (error.level === 'client-dns')
    return fail(
      'tunnel_unreachable',
      `the Tunnel host name ${jump.host} could not be resolved (${error.message}). Check the Tunnel host on the SSH Tunnel tab.`,
    );
  if (error.level === 'client-socket')
    return fail(
      'tunnel_unreachable',
      `could not connect to the SSH host ${jump.host}:${jump.port} (${error.code ?? error.message}). Check the Tunnel host and Tunnel port, and that sshd runs there and lets this computer in.`,
    );
  return fail(
    'tunnel_unreachable',
    `the SSH connection to ${where} failed (${error.message}). Check the Tunnel host and Tunnel port point to an SSH server.`,
  );
}

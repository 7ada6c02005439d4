// pgAdmin's SSH Tunnel: an SSH connection to a jump host (ssh2, pure JavaScript), its host key checked against
// known_hosts, and one forwarded channel (direct-tcpip) per PostgreSQL connection attempt.
import { readFile } from 'node:fs/promises';
import type { Duplex } from 'node:stream';
import { Client, type ConnectConfig, type PublicKeyAuthMethod, utils } from 'ssh2';
import type { TunnelErrorCode } from '../../shared/connect-errors';
import { fail, ok, type Result } from '../../shared/result';
import type { Gateway } from '../engine';
import { whenAborted } from '../engine/negotiate';
import { hostKeyAlgorithms, verdictFailure } from './host-key-verdict';
import { type KnownHostsFiles, knownKeyTypes, verifyHostKey } from './known-hosts';
import { tunnelFailure } from './tunnel-failures';

/** What the SSH Tunnel tab gives: where the jump host is, who logs in, how, and the keep-alive. */
export interface TunnelSettings {
  host: string;
  port: number;
  username: string;
  authentication: 'password' | 'identity-file';
  /** The private key file (OpenSSH, PEM or PuTTY format) when authentication is identity-file. */
  identityFile: string;
  /** The password, or the identity file's passphrase (pgAdmin's one Password field), or null when none. */
  secret: string | null;
  /** Seconds between keep-alive messages; 0 sends none. */
  keepAliveSeconds: number;
}

/** Where the host key is checked, and how long the SSH handshake and log-in may take. */
export interface TunnelOptions {
  knownHosts: KnownHostsFiles;
  timeoutMs?: number;
  signal?: AbortSignal;
}

async function credentials(settings: TunnelSettings): Promise<Result<Partial<ConnectConfig>, TunnelErrorCode>> {
  if (settings.authentication === 'password') {
    if (settings.secret === null || settings.secret === '')
      return fail(
        'tunnel_password_required',
        `the SSH tunnel to ${settings.host} needs the password of ${settings.username}: enter it on the SSH Tunnel tab (or save it).`,
      );
    return ok({ password: settings.secret });
  }
  const data = await readFile(settings.identityFile).catch((error: Error) => error);
  if (data instanceof Error)
    return fail(
      'tunnel_key_unreadable',
      `could not read the identity file "${settings.identityFile}" (${data.message}). Choose the private key file on the SSH Tunnel tab.`,
    );
  const parsed = utils.parseKey(data, settings.secret ?? undefined);
  // The parsed key goes to ssh2 as it is: decrypting an OpenSSH key (bcrypt KDF in JavaScript) is slow, once is enough.
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!(key instanceof Error)) {
    const method: PublicKeyAuthMethod = { type: 'publickey', username: settings.username, key };
    return ok({ authHandler: [method] });
  }
  if (/passphrase|decrypt|encrypted/i.test(key.message))
    return fail(
      'tunnel_key_passphrase_wrong',
      settings.secret
        ? `the passphrase does not open the identity file "${settings.identityFile}". Enter the key's passphrase in the Password field of the SSH Tunnel tab.`
        : `the identity file "${settings.identityFile}" is encrypted. Enter its passphrase in the Password field of the SSH Tunnel tab.`,
    );
  return fail(
    'tunnel_key_unreadable',
    `"${settings.identityFile}" is not a private key ssh can use (${key.message}). Choose the private key (not the .pub file) on the SSH Tunnel tab.`,
  );
}

/** An open SSH tunnel: every PostgreSQL stream is a channel forwarded from the jump host. */
export interface Tunnel extends Gateway {
  /** Resolves when the SSH connection has closed. */
  closed: Promise<void>;
}

/**
 * Opens the SSH connection and logs in; the host key must be in known_hosts (a new key answers
 * `tunnel_host_key_unknown` with its fingerprint, a different key `tunnel_host_key_changed`). Any failure, the
 * time-out or the signal closes the connection: nothing stays open.
 */
export async function openTunnel(
  settings: TunnelSettings,
  options: TunnelOptions,
): Promise<Result<Tunnel, TunnelErrorCode>> {
  const login = await credentials(settings);
  if (!login.ok) return login;
  const knownTypes = await knownKeyTypes(options.knownHosts, settings.host, settings.port);
  const client = new Client();
  const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
  let verdictProblem: Result<never, TunnelErrorCode> | null = null;
  return new Promise((resolve) => {
    const finish = (result: Result<Tunnel, TunnelErrorCode>) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (!result.ok) client.end();
      resolve(result);
    };
    const onAbort = () => {
      client.destroy();
      finish(fail('tunnel_unreachable', 'the SSH tunnel was cancelled; nothing is left open.'));
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    client.once('ready', () => {
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      finish(ok(tunnelOver(client, settings, closed)));
    });
    client.once('error', (error: Error & { level?: string; code?: string }) => {
      finish(verdictProblem ?? tunnelFailure(error, settings));
    });
    client.connect({
      host: settings.host,
      port: settings.port,
      username: settings.username,
      ...login.value,
      tryKeyboard: false,
      readyTimeout: options.timeoutMs ?? 20_000,
      keepaliveInterval: settings.keepAliveSeconds > 0 ? settings.keepAliveSeconds * 1000 : 0,
      keepaliveCountMax: 3,
      algorithms: knownTypes.length ? { serverHostKey: hostKeyAlgorithms(knownTypes) } : undefined,
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        verifyHostKey(options.knownHosts, settings.host, settings.port, key).then((verdict) => {
          if (verdict.status !== 'known') verdictProblem = verdictFailure(verdict, settings, key);
          verify(verdict.status === 'known');
        });
      },
    } as ConnectConfig);
  });
}

function tunnelOver(client: Client, settings: TunnelSettings, closed: Promise<void>): Tunnel {
  return {
    closed,
    close: () => client.end(),
    forward: (target, signal) =>
      new Promise((resolve) => {
        const host = target.hostaddr ?? target.host;
        const where = `${target.host}:${target.port} through the SSH tunnel ${settings.username}@${settings.host}:${settings.port}`;
        if (host.startsWith('/') || host.startsWith('@') || host === '') {
          resolve({
            ok: false,
            error: {
              code: 'tunnel_forward_failed',
              message: `a Unix-domain socket cannot be reached through an SSH tunnel (${where}). Give the database host's name or address as seen from the jump host.`,
              stage: 'socket',
            },
          });
          return;
        }
        const onAbort = () =>
          resolve({
            ok: false,
            error: { code: 'timeout', message: `timeout expired connecting to ${where}`, stage: 'socket' },
          });
        if (signal?.aborted) return onAbort();
        const stop = whenAborted(signal, onAbort);
        client.forwardOut('127.0.0.1', 0, host, target.port, (error, channel) => {
          stop();
          if (signal?.aborted) {
            channel?.destroy();
            return;
          }
          if (error || !channel) {
            resolve({
              ok: false,
              error: {
                code: 'tunnel_forward_failed',
                message: `the jump host could not open ${where}: ${error?.message ?? 'no channel'}. Check the Host name/address and Port as the jump host sees them, and that its sshd allows TCP forwarding (AllowTcpForwarding yes).`,
                stage: 'socket',
              },
            });
            return;
          }
          resolve(ok(channel as Duplex));
        });
      }),
  };
}

// What a saved password or key passphrase was saved for, recorded beside it in the vault when it is saved, and the
// one rule every face (handlers, server mode, CLI) follows before sending it: the same endpoint, resolved now.
import { z } from 'zod';
import type { SavedSecretErrorCode } from '../../shared/connect-errors';
import { type ConnectionKeywords, sslModes } from '../../shared/libpq-keywords';
import type { Failure } from '../../shared/result';
import type { TunnelFields } from '../../shared/tunnel-fields';
import {
  contextFrom,
  type RootCertificateFile,
  readRootCertificate,
  resolveSettings,
  rootFingerprints,
} from '../engine';

/**
 * Where and how a secret may be sent: each host, hostaddr and port and the user as libpq resolves them (service file
 * and environment included), the sslmode, the root certificate a verify-ca / verify-full mode trusted (its path, and
 * the certificates the file held: see rootFingerprints), and the SSH jump host, port and user.
 */
export const secretBindingSchema = z.strictObject({
  targets: z.array(z.strictObject({ host: z.string(), hostaddr: z.string().nullable(), port: z.number() })),
  user: z.string(),
  sslmode: z.enum(sslModes),
  sslrootcert: z.string().nullable(),
  // Absent in records written before the file's content was kept, and where the file could not be read.
  rootCertificates: z.array(z.string()).optional(),
  tunnel: z.strictObject({ host: z.string(), port: z.number(), username: z.string() }).nullable(),
});

/** What a saved secret was saved for. */
export type SecretBinding = z.infer<typeof secretBindingSchema>;

/** Where a connection with these keywords, environment and SSH tunnel goes now; null when they do not resolve. */
export function bindingOf(
  keywords: ConnectionKeywords,
  env: Record<string, string | undefined>,
  tunnel: TunnelFields | undefined,
): SecretBinding | null {
  const resolved = resolveSettings(keywords, contextFrom(env));
  if (!resolved.ok) return null;
  const { targets, user, sslmode, sslrootcert } = resolved.value;
  return {
    targets: targets.map(({ host, hostaddr, port }) => ({ host, hostaddr, port })),
    user,
    sslmode,
    sslrootcert: sslmode.startsWith('verify-') ? sslrootcert : null,
    tunnel: tunnel ? { host: tunnel.host.toLowerCase(), port: tunnel.port, username: tunnel.username } : null,
  };
}

/** A binding with the certificates its root certificate file holds now, and the file as read (null: no file to read). */
export interface BindingWithRoot {
  binding: SecretBinding | null;
  root: RootCertificateFile | null;
}

/**
 * Adds to a verify-ca / verify-full binding the certificates its root certificate file holds now (none when it
 * cannot be read); `sslrootcert=system`, the operating system's store, is bound by name only.
 */
export async function withRootContent(binding: SecretBinding | null): Promise<BindingWithRoot> {
  const path = binding?.sslrootcert;
  if (!binding || !path || path === 'system') return { binding, root: null };
  const root = await readRootCertificate(path);
  return { binding: { ...binding, rootCertificates: rootFingerprints(root.bytes) }, root };
}

/** A recorded binding read back from the vault; null (send nothing) when it is not one. */
export function parseBinding(text: string): SecretBinding | null {
  try {
    const parsed = secretBindingSchema.nullable().safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function placeOf(binding: SecretBinding): string {
  const { targets, user, tunnel } = binding;
  return JSON.stringify([targets.map((target) => [target.host, target.hostaddr, target.port]), user, tunnel]);
}

function describe(binding: SecretBinding): string {
  const hosts = binding.targets.map((target) => {
    const address = target.hostaddr ? ` (${target.hostaddr})` : '';
    return `${target.host}${address}:${target.port}`;
  });
  const { tunnel } = binding;
  const through = tunnel ? ` through the SSH jump host ${tunnel.username}@${tunnel.host}:${tunnel.port}` : '';
  return `${hosts.join(', ')} user ${binding.user}${through}`;
}

function checking(binding: SecretBinding): string {
  return `sslmode=${binding.sslmode}${binding.sslrootcert ? ` with sslrootcert=${binding.sslrootcert}` : ''}`;
}

function rootChanged(what: string, recorded: SecretBinding, now: SecretBinding): Failure<SavedSecretErrorCode> | null {
  const saved = recorded.rootCertificates;
  if (!saved || now.rootCertificates?.join() === saved.join()) return null;
  const file = `the root certificate file ${recorded.sslrootcert}`;
  const message = now.rootCertificates?.length
    ? `${what} was saved while ${file} held other certificates than it holds now (a renewed or another CA), so it was not sent; type the password, or save it again to trust the file as it is now.`
    : `${what} was saved for the certificates in ${file}, which cannot be read now or holds no PEM certificate, so it was not sent; put the file back, type the password, or save it again.`;
  return { code: 'saved_password_root_changed', message };
}

/**
 * Why a secret saved for `recorded` must not be sent on a connection that goes to `now`, or null when it may be:
 * the same hosts, hostaddrs, ports, user and jump host, and an sslmode at least as strict (disable < allow < prefer
 * < require < verify-ca < verify-full) with the same root certificate when the saved one verified the server: the
 * same path and, when the record has them, the same certificates in the file (`now` from withRootContent).
 */
export function bindingBreach(
  field: string,
  recorded: SecretBinding | null,
  now: SecretBinding | null,
): Failure<SavedSecretErrorCode> | null {
  const what = field === 'sslpassword' ? 'the saved key passphrase' : 'the saved password';
  const next = 'type the password, or save it again for the new endpoint.';
  if (!recorded || !now) {
    const when = recorded ? 'this connection' : 'the server when it was saved';
    return {
      code: 'saved_password_elsewhere',
      message: `${what} was not sent: the settings of ${when} do not resolve to an endpoint; ${next}`,
    };
  }
  if (placeOf(recorded) !== placeOf(now))
    return {
      code: 'saved_password_elsewhere',
      message: `${what} was saved for ${describe(recorded)}; this connection now goes to ${describe(now)}, so it was not sent; ${next}`,
    };
  const weaker = sslModes.indexOf(now.sslmode) < sslModes.indexOf(recorded.sslmode);
  if (weaker || (recorded.sslrootcert !== null && now.sslrootcert !== recorded.sslrootcert))
    return {
      code: 'saved_password_weaker_ssl',
      message: `${what} was saved for ${checking(recorded)}; this connection uses ${checking(now)}, which does not check the server as strictly, so it was not sent; connect with ${checking(recorded)}, type the password, or save it again.`,
    };
  return rootChanged(what, recorded, now);
}

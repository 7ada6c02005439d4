import type { Failure } from './result';

/** The ways an SSH tunnel (pgAdmin's SSH Tunnel tab) can fail before PostgreSQL is reached. */
export const tunnelErrorCodes = [
  'tunnel_unreachable',
  'tunnel_host_key_unknown',
  'tunnel_host_key_changed',
  'tunnel_auth_failed',
  'tunnel_password_required',
  'tunnel_key_unreadable',
  'tunnel_key_passphrase_wrong',
  'tunnel_forward_failed',
] as const;

/** One of the ways an SSH tunnel can fail. */
export type TunnelErrorCode = (typeof tunnelErrorCodes)[number];

/**
 * Why a saved password or key passphrase was not sent: the connection now goes to another endpoint or jump host,
 * checks the server less strictly than when it was saved, or its root certificate file now holds other certificates.
 */
export const savedSecretErrorCodes = [
  'saved_password_elsewhere',
  'saved_password_weaker_ssl',
  'saved_password_root_changed',
] as const;

/** One reason a saved secret was kept back. */
export type SavedSecretErrorCode = (typeof savedSecretErrorCodes)[number];

/** Every way a connection attempt can fail, as a closed set; each comes with a message that says what to do. */
export const connectErrorCodes = [
  'invalid_conninfo',
  'unsupported_option',
  'root_certificate_missing',
  'certificate_file_unreadable',
  'certificate_untrusted',
  'hostname_mismatch',
  'certificate_expired',
  'certificate_not_yet_valid',
  'certificate_revoked',
  'crl_missing_for_chain',
  'server_ssl_unsupported',
  'server_requires_ssl',
  'client_certificate_required',
  'client_certificate_rejected',
  'client_key_password_wrong',
  'client_key_password_required',
  'client_key_insecure',
  'client_key_mismatch',
  'channel_binding_required',
  'password_required',
  'authentication_failed',
  'database_missing',
  'connection_refused',
  'host_not_found',
  'timeout',
  'tls_version_mismatch',
  'tls_handshake_failed',
  'server_error',
  'connection_lost',
  'cancelled',
  ...tunnelErrorCodes,
  ...savedSecretErrorCodes,
] as const;

/** One of the ways a connection attempt can fail. */
export type ConnectErrorCode = (typeof connectErrorCodes)[number];

/** A failed attempt that went without a withheld saved secret: "no password supplied" becomes why it was kept back. */
export function explainWithheld<C extends string>(
  failure: Failure<C>,
  withheld: Failure<SavedSecretErrorCode> | null,
): Failure<C | SavedSecretErrorCode> {
  const missing = ['password_required', 'client_key_password_required'].includes(failure.code);
  return withheld && missing ? withheld : failure;
}

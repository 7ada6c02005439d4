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
] as const;

/** One of the ways a connection attempt can fail. */
export type ConnectErrorCode = (typeof connectErrorCodes)[number];

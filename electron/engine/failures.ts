import type { ConnectErrorCode } from '../../shared/connect-errors';
import { refusedClientAddress } from '../../shared/pg-refusal';
import type { Failure } from '../../shared/result';

/**
 * A failure of one attempt, with where it happened so that sslmode's fallbacks can decide what to try next:
 * libpq retries (allow, prefer) only after the server refused the start-up, never after the client itself gave
 * up during authentication ('client': no password, channel binding refused).
 */
export interface AttemptFailure extends Failure<ConnectErrorCode> {
  stage: 'socket' | 'tls' | 'startup' | 'client' | 'ready';
}

const untrusted = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'CERT_REJECTED',
  'PATH_LENGTH_EXCEEDED',
]);

/** Turns a TLS handshake error into a coded failure whose message says what to do. */
export function tlsFailure(error: Error & { code?: string }, rootPath: string): AttemptFailure {
  const code = error.code ?? '';
  const failure = (kind: ConnectErrorCode, message: string): AttemptFailure => ({ code: kind, message, stage: 'tls' });
  if (untrusted.has(code)) {
    return failure(
      'certificate_untrusted',
      `SSL error: certificate verify failed (${code}): the server's certificate does not chain to a CA in the root certificate "${rootPath}". Use the CA certificate of this server (for ApsaraDB RDS: download the instance's CA package) or check that you reach the right server.`,
    );
  }
  if (code === 'CERT_HAS_EXPIRED')
    return failure(
      'certificate_expired',
      "SSL error: the server's certificate has expired. Renew the server certificate (for RDS: renew the SSL certificate of the instance).",
    );
  if (code === 'CERT_NOT_YET_VALID')
    return failure(
      'certificate_not_yet_valid',
      "SSL error: the server's certificate is not yet valid. Check this computer's clock.",
    );
  if (code === 'CERT_REVOKED')
    return failure(
      'certificate_revoked',
      "SSL error: the server's certificate has been revoked (it is listed in your certificate revocation list). Do not trust this server until its certificate is replaced.",
    );
  if (code === 'UNABLE_TO_GET_CRL') {
    return failure(
      'crl_missing_for_chain',
      'SSL error: revocation lists are checked (sslcrl, sslcrldir), but there is none for every CA in the chain; libpq checks the whole chain. Add the CRL of each CA to the file, or to the folder under its hash name (openssl rehash).',
    );
  }
  if (
    /PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE|WRONG_VERSION_NUMBER|VERSION_TOO_LOW|VERSION_TOO_HIGH/.test(
      code,
    )
  ) {
    return failure(
      'tls_version_mismatch',
      `SSL error: no TLS version both sides accept (${code}). Adjust ssl_min_protocol_version / ssl_max_protocol_version.`,
    );
  }
  if (/CERTIFICATE_REQUIRED/.test(code))
    return failure(
      'client_certificate_required',
      'SSL error: the server requires a client certificate. Set the client certificate (sslcert) and key (sslkey).',
    );
  if (/UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_REVOKED|CERTIFICATE_UNKNOWN|CERTIFICATE_EXPIRED/.test(code)) {
    return failure(
      'client_certificate_rejected',
      `SSL error: the server rejected the client certificate (${code}). Use a certificate issued by the CA the server trusts for clients.`,
    );
  }
  return failure('tls_handshake_failed', `SSL error: ${error.message}`);
}

/** Turns a socket error into a coded failure. */
export function socketFailure(error: Error & { code?: string }, where: string): AttemptFailure {
  const code = error.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return {
      code: 'host_not_found',
      message: `could not translate host name ${where} to address. Check the host name.`,
      stage: 'socket',
    };
  }
  if (code === 'ETIMEDOUT')
    return {
      code: 'timeout',
      message: `connection to server ${where} failed: timeout expired. Check the host, port and firewall (for RDS: the IP whitelist).`,
      stage: 'socket',
    };
  if (code === 'ENOENT') {
    return {
      code: 'connection_refused',
      message: `connection to server on socket ${where} failed: No such file or directory. Is the server running locally and accepting connections on that socket?`,
      stage: 'socket',
    };
  }
  return {
    code: 'connection_refused',
    message: `connection to server ${where} failed: ${code === 'ECONNREFUSED' ? 'Connection refused' : error.message}. Is the server running on that host and accepting TCP/IP connections?`,
    stage: 'socket',
  };
}

/** Turns a server ErrorResponse (or a driver error) during start-up into a coded failure. */
export function serverFailure(
  error: Error & { code?: string },
  ssl: boolean,
  stage: AttemptFailure['stage'],
): AttemptFailure {
  const code = error.code ?? '';
  const message = error.message;
  const failure = (kind: ConnectErrorCode, text: string): AttemptFailure => ({ code: kind, message: text, stage });
  if (code === '28P01') return failure('authentication_failed', `${message}. Check the user name and password.`);
  if (code === '3D000')
    return failure(
      'database_missing',
      `${message}. Check the database name (the maintenance database is usually postgres).`,
    );
  if (code === '28000') {
    if (/requires a valid client certificate/.test(message))
      return failure(
        'client_certificate_required',
        `${message}. Set the client certificate (sslcert) and key (sslkey).`,
      );
    if (/certificate authentication failed|certificate.*does not match/.test(message))
      return failure('client_certificate_rejected', `${message}. The certificate's CN must match the user name.`);
    if (/no encryption/.test(message) && !ssl)
      return failure(
        'server_requires_ssl',
        `${message}. The server accepts only SSL connections here: use sslmode=require or stronger.`,
      );
    const address = refusedClientAddress(message);
    if (address) {
      return failure(
        'authentication_failed',
        `${message}. The server's access rules (pg_hba.conf, or the RDS whitelist) refuse this address: for RDS, add ${address} to the whitelist ("rdspg rds whitelist add ID --ip ${address}"; "rdspg rds doctor ID" checks the rest).`,
      );
    }
    return failure(
      'authentication_failed',
      `${message}. The server's access rules (pg_hba.conf, or the RDS whitelist) refuse this connection.`,
    );
  }
  if (/ECONNRESET|terminated unexpectedly|Connection terminated/i.test(`${code} ${message}`))
    return failure('connection_lost', `server closed the connection unexpectedly: ${message}`);
  return failure('server_error', message);
}

/** The outcome of one step of an attempt: a value, or a failure that knows its stage. */
export type AttemptResult<Value> = { ok: true; value: Value } | { ok: false; error: AttemptFailure };

/** Wraps an attempt failure as a result. */
export function attemptFailed(failure: AttemptFailure): { ok: false; error: AttemptFailure } {
  return { ok: false, error: failure };
}

import { errorHeadline } from './i18n/labels';

/** Short headlines for error codes the user sees most; the message from main says what to do. */
const headlines: Record<string, string> = {
  certificate_untrusted: "The server's certificate is not trusted by the root certificate",
  hostname_mismatch: "The server's certificate does not name this host",
  certificate_expired: "The server's certificate has expired",
  root_certificate_missing: 'The root certificate file is missing',
  authentication_failed: 'The user name or password was not accepted',
  password_required: 'The server asks for a password',
  connection_refused: 'Nothing answers at that host and port',
  host_not_found: 'The host name could not be found',
  timeout: 'The server did not answer in time',
  server_ssl_unsupported: 'The server does not support SSL',
  vault_locked: 'The vault is locked',
  wrong_password: 'Wrong master password',
  backend_unreachable: 'The app is not answering',
  invalid_request: 'Some fields are not valid',
  internal_error: 'Something went wrong',
};

/** A failure as the UI shows it: a headline, the code, and the message that says what to do. */
export function describeFailure(error: { code: string; message: string }): { title: string; detail: string } {
  const title = errorHeadline(error.code) ?? headlines[error.code] ?? error.code.replaceAll('_', ' ');
  return { title: `${title} [${error.code}]`, detail: error.message };
}

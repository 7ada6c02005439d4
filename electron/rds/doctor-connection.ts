import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import { checkConnection, type GatewayOpener, type RootCertificateFile } from '../engine/index';
import type { ProbeTarget } from './doctor';
import type { ConnectionOutcome } from './doctor-checks';

async function outcomeOf(
  keywords: ConnectionKeywords,
  env: Record<string, string | undefined>,
  gateway?: GatewayOpener,
  rootCertificate?: RootCertificateFile,
): Promise<ConnectionOutcome> {
  const result = await checkConnection({ keywords, env, gateway, rootCertificate });
  return result.ok ? { ok: true } : { ok: false, code: result.error.code, message: result.error.message };
}

/**
 * The doctor's probe through the engine: one connection with no password at all (no PGPASSWORD, an empty password
 * file) and sslmode=prefer, bounded by connect_timeout 5. The server answers it before authentication — a pg_hba
 * refusal naming this computer's address, or a request for the password — and it is closed either way.
 */
export function probeConnection(target: ProbeTarget): Promise<ConnectionOutcome> {
  const keywords: ConnectionKeywords = {
    host: target.host,
    hostaddr: target.hostaddr,
    port: String(target.port),
    user: target.user,
    dbname: target.dbname,
    sslmode: 'prefer',
    connect_timeout: '5',
  };
  return outcomeOf(keywords, { PGPASSFILE: '/dev/null' });
}

/**
 * The doctor's attempt with a saved server's own keywords (password included), its SSH tunnel if any, the caller's
 * environment, and the root certificate file as the saved-password check read it.
 */
export function attemptConnection(
  keywords: ConnectionKeywords,
  env: Record<string, string | undefined>,
  gateway?: GatewayOpener,
  rootCertificate?: RootCertificateFile,
): Promise<ConnectionOutcome> {
  return outcomeOf(keywords, env, gateway, rootCertificate);
}

import { readFile } from 'node:fs/promises';
import type { RdsSslState } from '../../shared/contract/rds';
import type { DoctorCheck } from '../../shared/contract/rds-connect';
import { describeCertificate, readCertificates } from '../certs/index';
import { fetchServerCa } from './ca-download';
import { doctorCheck, failureOf } from './doctor-checks';
import type { RdsClient } from './rds-client';

/** Each certificate's subject and SHA-256 fingerprint, as the check names them. */
function named(certificates: Uint8Array[]) {
  return certificates.map((der) => {
    const facts = describeCertificate(der);
    return { subject: facts.subject, fingerprint: facts.fingerprintSha256 };
  });
}

/**
 * The root certificate check: the file the connection uses as sslrootcert holds the instance's CA, compared by
 * SHA-256 fingerprint against the CA package ServerCAUrl serves (fetched, not stored).
 */
export async function rootCertificateCheck(
  client: RdsClient,
  instanceId: string,
  state: RdsSslState,
  rootCertificate: string | null,
  fetcher: typeof fetch,
): Promise<DoctorCheck> {
  const name = 'root certificate';
  const command = `rdspg rds ca download ${instanceId} --out DIR`;
  if (!state.enabled) return doctorCheck(name, false, { code: 'root_ssl_off', params: {} });
  if (state.caType === 'custom') return doctorCheck(name, true, { code: 'root_custom', params: {} });
  if (!rootCertificate) return doctorCheck(name, false, { code: 'root_not_checked', params: { command } });
  const fetched = await fetchServerCa({ client, fetch: fetcher }, instanceId);
  if (!fetched.ok) {
    const params = { failure: failureOf(fetched.error), command };
    return doctorCheck(name, false, { code: 'root_ca_unavailable', params });
  }
  const file = rootCertificate;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const message = (error as Error).message;
    return doctorCheck(name, false, { code: 'root_unreadable', params: { file, message, command } });
  }
  const read = readCertificates(bytes);
  if (!read.ok) {
    const params = { file, failure: failureOf(read.error), command };
    return doctorCheck(name, false, { code: 'root_invalid', params });
  }
  const wanted = named(fetched.value.certificates);
  const held = named(read.value.certificates.map((item) => item.der));
  const match = held.find((item) => wanted.some((ca) => ca.fingerprint === item.fingerprint));
  if (match) return doctorCheck(name, true, { code: 'root_matches', params: { file, ca: match } });
  return doctorCheck(name, false, { code: 'root_mismatch', params: { file, held, wanted, command } });
}

import { readFile } from 'node:fs/promises';
import type { RdsSslState } from '../../shared/contract/rds';
import type { DoctorCheck } from '../../shared/contract/rds-connect';
import { describeCertificate, readCertificates } from '../certs/index';
import { fetchServerCa } from './ca-download';
import { doctorCheck } from './doctor-checks';
import type { RdsClient } from './rds-client';

function facts(certificates: Uint8Array[]) {
  return certificates.map((der) => describeCertificate(der));
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
  const download = `download it with "rdspg rds ca download ${instanceId} --out DIR" and use DIR/ApsaraDB-CA-Chain.pem as sslrootcert`;
  if (!state.enabled) return doctorCheck('root certificate', false, 'no CA to check (SSL off)', 'enable SSL first');
  if (state.caType === 'custom') {
    return doctorCheck('root certificate', true, 'custom certificate: the root is your own CA (not compared)', null);
  }
  if (!rootCertificate) {
    return doctorCheck(
      'root certificate',
      false,
      'not checked: no saved server named (its sslrootcert is compared)',
      `name one with --server NAME, or ${download}`,
    );
  }
  const fetched = await fetchServerCa({ client, fetch: fetcher }, instanceId);
  if (!fetched.ok)
    return doctorCheck('root certificate', false, `the instance's CA: ${fetched.error.message}`, download);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(rootCertificate);
  } catch (error) {
    return doctorCheck(
      'root certificate',
      false,
      `${rootCertificate} cannot be read (${(error as Error).message})`,
      download,
    );
  }
  const read = readCertificates(bytes);
  if (!read.ok) return doctorCheck('root certificate', false, `${rootCertificate}: ${read.error.message}`, download);
  const instanceCa = facts(fetched.value.certificates);
  const inFile = facts(read.value.certificates.map((item) => item.der));
  const match = inFile.find((item) => instanceCa.some((ca) => ca.fingerprintSha256 === item.fingerprintSha256));
  if (match) {
    return doctorCheck(
      'root certificate',
      true,
      `${rootCertificate} holds the instance's CA ${match.subject} (SHA-256 ${match.fingerprintSha256})`,
      null,
    );
  }
  const held = inFile.map((item) => `${item.subject} (SHA-256 ${item.fingerprintSha256})`).join(', ') || 'nothing';
  const wanted = instanceCa.map((item) => `${item.subject} (SHA-256 ${item.fingerprintSha256})`).join(', ');
  return doctorCheck(
    'root certificate',
    false,
    `${rootCertificate} holds ${held}, not the instance's CA ${wanted}: verify-full fails with certificate_untrusted`,
    download,
  );
}

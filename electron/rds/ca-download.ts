import { resolve } from 'node:path';
import { rdsInstanceIdPattern } from '../../shared/contract/rds';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, ok, type Result } from '../../shared/result';
import {
  buildCaPackage,
  type CertificateStore,
  caPackageBaseName,
  encodePemBundle,
  readCertificates,
  uniqueCertificates,
} from '../certs/index';
import { writeFileAtomic } from '../platform/atomic-write';
import { confinedPath } from '../platform/confined-path';
import type { RdsClient } from './rds-client';

/** What the downloaded CA bytes are, told by their first bytes. */
export type CaPayloadKind = 'zip' | 'pem' | 'der' | 'unknown';

/** Tells a zip (PK\3\4) from PEM (-----BEGIN) from DER (an ASN.1 SEQUENCE) by the bytes alone. */
export function sniffCaPayload(bytes: Uint8Array): CaPayloadKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1').trimStart();
  if (head.startsWith('-----BEGIN')) return 'pem';
  if (bytes[0] === 0x30 && (bytes[1] ?? 0) >= 0x80) return 'der';
  return 'unknown';
}

/** The ports of the CA download: the RDS client, fetch, the certificate store and the app's data folder. */
export interface CaDownloadPorts {
  client: RdsClient;
  fetch: typeof fetch;
  store: CertificateStore;
  appHome: string;
}

/** What a CA download produced. */
export interface CaDownload {
  instanceId: string;
  endpoint: string;
  format: CaPayloadKind;
  certificates: { subject: string; fingerprintSha256: string; notAfter: string }[];
  /** The chain PEM kept in the app's data folder; use it as sslrootcert. */
  rootCertificatePath: string;
  /** The PEM, JKS (password apsaradb) and P7B files written to the output folder, when one was given. */
  files: { pem: string; jks: string; p7b: string } | null;
}

/** The instance's CA certificates as ServerCAUrl serves them, read but not stored. */
export interface FetchedCa {
  protectedEndpoint: string;
  format: CaPayloadKind;
  /** The certificates of the package (DER), each once. */
  certificates: Uint8Array[];
}

/** Reads the SSL settings, fetches ServerCAUrl and reads the certificates of the package; writes nothing. */
export async function fetchServerCa(
  ports: Pick<CaDownloadPorts, 'client' | 'fetch'>,
  instanceId: string,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<Result<FetchedCa, RdsErrorCode>> {
  const ssl = await ports.client.sslState(instanceId, { signal: options.signal });
  if (!ssl.ok) return ssl;
  const { serverCaUrl, protectedEndpoint } = ssl.value;
  if (!ssl.value.enabled || !protectedEndpoint) {
    return fail(
      'ca_download_failed',
      `SSL is off on ${instanceId}; enable it first ("rdspg rds ssl enable ${instanceId} --endpoint HOST").`,
    );
  }
  if (!serverCaUrl) {
    return fail(
      'ca_download_failed',
      `${instanceId} uses a custom certificate: there is no ApsaraDB CA to download; use your own CA.`,
    );
  }
  let bytes: Uint8Array;
  try {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const response = await ports.fetch(serverCaUrl, { signal });
    if (!response.ok) {
      return fail(
        'ca_download_failed',
        `The CA download answered HTTP ${response.status}; the link may have expired — run the download again for a fresh one.`,
      );
    }
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : String((error as Error).message);
    return fail('ca_download_failed', `The CA download failed (${reason}); check the network and retry.`);
  }
  const format = sniffCaPayload(bytes);
  if (format === 'unknown')
    return fail(
      'ca_package_invalid',
      'The CA download is not a zip, PEM or DER certificate; download it from the console.',
    );
  const read = readCertificates(bytes);
  if (!read.ok) return fail('ca_package_invalid', `The CA package cannot be read: ${read.error.message}`);
  const certificates = uniqueCertificates(read.value.certificates).map((item) => item.der);
  return ok({ protectedEndpoint, format, certificates });
}

/** Fetches ServerCAUrl, stores the CA in the certificate store and writes the PEM, JKS and P7B files. */
export async function downloadServerCa(
  ports: CaDownloadPorts,
  instanceId: string,
  options: { outDir?: string; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<Result<CaDownload, RdsErrorCode>> {
  const rootCertificatePath = confinedPath(ports.appHome, 'rds', 'ca', `${instanceId}.pem`);
  if (!rdsInstanceIdPattern.test(instanceId) || !rootCertificatePath) {
    return fail(
      'invalid_parameter',
      `"${instanceId}" is not an RDS instance id; copy it from the instance list (pgm-…).`,
    );
  }
  const fetched = await fetchServerCa(ports, instanceId, options);
  if (!fetched.ok) return fetched;
  const { protectedEndpoint, format, certificates } = fetched.value;
  const stored = await ports.store.add(certificates, `ApsaraDB CA ${instanceId} (${protectedEndpoint})`);
  if (!stored.ok) return fail('ca_package_invalid', `The CA could not be stored: ${stored.error.message}`);
  const pem = encodePemBundle(certificates);
  await writeFileAtomic(rootCertificatePath, pem);
  let files: CaDownload['files'] = null;
  if (options.outDir) {
    const pack = buildCaPackage(pem);
    if (!pack.ok) return fail('ca_package_invalid', pack.error.message);
    const inOutDir = (extension: string) => resolve(options.outDir as string, `${caPackageBaseName}${extension}`);
    files = { pem: inOutDir('.pem'), jks: inOutDir('.jks'), p7b: inOutDir('.p7b') };
    await writeFileAtomic(files.pem, pack.value.pem);
    await writeFileAtomic(files.jks, pack.value.jks);
    await writeFileAtomic(files.p7b, pack.value.p7b);
  }
  const entries = [...stored.value.added, ...stored.value.existing];
  return ok({
    instanceId,
    endpoint: protectedEndpoint,
    format,
    certificates: entries.map((entry) => ({
      subject: entry.facts.subject,
      fingerprintSha256: entry.fingerprintSha256,
      notAfter: entry.facts.notAfter,
    })),
    rootCertificatePath,
    files,
  });
}

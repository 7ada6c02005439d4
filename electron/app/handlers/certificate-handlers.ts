import { basename, extname } from 'node:path';
import type { CertificateDetails, CertificateFacts } from '../../../shared/contract/certificates';
import { fail, ok } from '../../../shared/result';
import { defaultJksPassword } from '../../certs';
import type { HandlerTable } from '../handler-table';
import type { AppPorts } from '../ports';

type CertificateHandlers = Pick<
  HandlerTable,
  'certificates:list' | 'certificates:open' | 'certificates:add' | 'certificates:remove' | 'certificates:export'
>;

/** The facts the view shows of one certificate. */
export function detailsOf(facts: CertificateFacts): CertificateDetails {
  const { fingerprintSha1: _sha1, curve: _curve, extendedKeyUsage: _usage, ...details } = facts;
  return details;
}

const exportTypes = {
  pem: { extension: '.pem', mediaType: 'application/x-pem-file' },
  p7b: { extension: '.p7b', mediaType: 'application/x-pkcs7-certificates' },
  jks: { extension: '.jks', mediaType: 'application/octet-stream' },
  pk8: { extension: '.pk8', mediaType: 'application/pkcs8' },
} as const;

/** The servers' Root certificate files as fingerprint sets, each distinct file read once. */
async function rootCertificateUses(ports: AppPorts) {
  const listed = await ports.registry.list();
  if (!listed.ok) return listed;
  const fingerprints = new Map<string, Set<string>>();
  const uses: { id: string; name: string; path: string }[] = [];
  for (const server of listed.value.servers) {
    const path = server.parameters.find((row) => row.keyword === 'sslrootcert')?.value;
    if (!path || path === 'system') continue;
    uses.push({ id: server.id, name: server.name, path });
    if (fingerprints.has(path)) continue;
    const read = await ports.certs.readCertificates(path);
    fingerprints.set(
      path,
      new Set(read.ok ? read.value.map((der) => ports.certs.describe(der).fingerprintSha256) : []),
    );
  }
  return ok({ uses, fingerprints });
}

/** The certificates view: the store in `<data folder>/certificates`, any file's chain, and exports. */
export function createCertificateHandlers(ports: AppPorts): CertificateHandlers {
  const { store } = ports.certs;
  return {
    'certificates:list': async () => {
      const found = await rootCertificateUses(ports);
      if (!found.ok) return found;
      const { uses, fingerprints } = found.value;
      const entries = (await store.list()).map((entry) => ({
        fingerprintSha256: entry.fingerprintSha256,
        label: entry.label,
        addedAt: entry.addedAt,
        path: entry.path,
        certificate: detailsOf(entry.facts),
        usedBy: uses
          .filter((use) => use.path === entry.path || fingerprints.get(use.path)?.has(entry.fingerprintSha256))
          .map(({ id, name }) => ({ id, name })),
      }));
      return ok({ entries });
    },
    'certificates:open': async ({ path, password }) => {
      const inspected = await ports.certs.inspect(path, password);
      if (!inspected.ok) return inspected;
      return ok({
        format: inspected.value.format,
        formsChain: inspected.value.formsChain,
        certificates: inspected.value.certificates.map(detailsOf),
        warnings: inspected.value.warnings.map((warning) => warning.message),
      });
    },
    'certificates:add': async ({ path, label, password }) => {
      const read = await ports.certs.readCertificates(path, password);
      if (!read.ok) return read;
      const added = await store.add(read.value, label.trim() || basename(path));
      return added.ok ? ok({ added: added.value.added.length, existing: added.value.existing.length }) : added;
    },
    'certificates:remove': async ({ fingerprint }) => {
      const removed = await store.remove(fingerprint);
      return removed.ok ? ok({}) : removed;
    },
    'certificates:export': async ({ path, format, password }) => {
      let bytes: Uint8Array;
      let count = 1;
      if (format === 'pk8') {
        if (!(await ports.vault.status()).unlocked)
          return fail('vault_locked', 'unlock the vault with the master password to export a private key.');
        const key = await ports.certs.privateKeyAsPkcs8(path, password || undefined);
        if (!key.ok) return key;
        bytes = key.value;
      } else {
        const read = await ports.certs.readCertificates(path, format === 'jks' ? undefined : password);
        if (!read.ok) return read;
        count = read.value.length;
        const encoded = ports.certs.encode(read.value, format, password || defaultJksPassword);
        if (!encoded.ok) return encoded;
        bytes = encoded.value;
      }
      if (bytes.length === 0) return fail('no_certificates', 'the file holds nothing to export; open another file.');
      const type = exportTypes[format];
      const stem = basename(path, extname(path)) || 'certificate';
      return ok({
        fileName: `${stem}${type.extension}`,
        mediaType: type.mediaType,
        contentBase64: Buffer.from(bytes).toString('base64'),
        count,
      });
    },
  };
}

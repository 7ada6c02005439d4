import { ok } from '../../shared/result';
import {
  CertificateStore,
  certificateStoreFolder,
  checkRootCertificateFile,
  describeCertificate,
  encodeCertificates,
  inspectFile,
  loadPrivateKey,
  readCertificateFile,
  readInputFile,
  toPkcs8Der,
} from '../certs';
import type { CertsPort } from './ports';

/** The certificate toolkit (electron/certs) behind the CertsPort, with the store in `<home>/certificates`. */
export function createCertsAdapter(home: string, now: () => Date = () => new Date()): CertsPort {
  return {
    store: new CertificateStore({ folder: certificateStoreFolder(home), now }),
    inspect: (path, password) => inspectFile(path, { password, now: now() }),
    readCertificates: (path, password) => readCertificateFile(path, { password }),
    describe: (der) => describeCertificate(der, now()),
    encode: encodeCertificates,
    async privateKeyAsPkcs8(path, passphrase) {
      const input = await readInputFile(path);
      if (!input.ok) return input;
      const key = loadPrivateKey(input.value, passphrase);
      return key.ok ? ok(toPkcs8Der(key.value)) : key;
    },
    async inspectRoot(path) {
      const checked = await checkRootCertificateFile(path, { now: now() });
      if (!checked.ok) return checked;
      return ok({
        certificates: checked.value.certificates.map((facts) => ({
          subject: facts.subject,
          issuer: facts.issuer,
          notAfter: facts.notAfter,
          isCA: facts.isCA,
          expiryState: facts.expiryState,
        })),
        warnings: checked.value.warnings.map((warning) => warning.message),
      });
    },
  };
}

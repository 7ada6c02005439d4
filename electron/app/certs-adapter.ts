import { ok } from '../../shared/result';
import { checkRootCertificateFile } from '../certs';
import type { CertsPort } from './ports';

/** The certificate toolkit (electron/certs) behind the CertsPort: the Root certificate field's check. */
export function createCertsAdapter(now: () => Date = () => new Date()): CertsPort {
  return {
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

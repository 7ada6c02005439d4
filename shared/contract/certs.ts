import { z } from 'zod';
import { certErrorCodes, expiryStates } from '../cert-types';
import { channel } from './channel';

/** The certificate error codes at run time (kept in shared/cert-types.ts). */
export { certErrorCodes };

/** One certificate of a picked root-certificate file. */
export const pickedCertificate = z.object({
  subject: z.string(),
  issuer: z.string(),
  notAfter: z.string(),
  isCA: z.boolean(),
  expiryState: z.enum(expiryStates),
});

/** A picked root-certificate file: its certificates and what is wrong with it. */
export const rootCertificateFacts = z.object({
  certificates: z.array(pickedCertificate),
  warnings: z.array(z.string()),
});

/** One root-certificate file, as the dialog shows it. */
export type RootCertificateFacts = z.infer<typeof rootCertificateFacts>;

/** The certificate channels: what the dialog shows once a Root certificate is picked. */
export const certChannels = {
  'certs:inspect-root': channel(
    z.object({ path: z.string().min(1, 'Choose a file.') }).strict(),
    rootCertificateFacts,
    certErrorCodes,
  ),
} as const;

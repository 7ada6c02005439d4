import { z } from 'zod';
import type { CertErrorCode } from '../cert-types';
import { channel } from './channel';

/** Every CertErrorCode at run time. */
export const certErrorCodes = [
  'file_not_found',
  'file_unreadable',
  'file_too_large',
  'empty_file',
  'unknown_format',
  'truncated_pem',
  'only_private_key',
  'no_certificates',
  'malformed_certificate',
  'malformed_pkcs7',
  'malformed_pkcs12',
  'malformed_jks',
  'unsupported_keystore',
  'wrong_password',
  'malformed_zip',
  'unsafe_zip_entry',
  'zip_too_many_entries',
  'zip_entry_too_large',
  'zip_bomb',
  'no_ca_certificate',
  'malformed_key',
  'key_passphrase_required',
  'wrong_key_passphrase',
  'key_mismatch',
  'not_client_certificate',
  'der_needs_one_certificate',
  'output_failed',
  'store_entry_not_found',
  'store_failed',
] as const satisfies readonly CertErrorCode[];

type MissingCodes = Exclude<CertErrorCode, (typeof certErrorCodes)[number]>;
/** Fails to compile when shared/cert-types.ts gains a code that the list above lacks. */
export const everyCertCodeListed: MissingCodes extends never ? true : MissingCodes = true;

/** One certificate of a picked root-certificate file. */
export const pickedCertificate = z.object({
  subject: z.string(),
  issuer: z.string(),
  notAfter: z.string(),
  isCA: z.boolean(),
  expiryState: z.enum(['valid', 'expires_soon', 'expired']),
});

/** The certificate channels: what the dialog shows once a Root certificate is picked. */
export const certChannels = {
  'certs:inspect-root': channel(
    z.object({ path: z.string().min(1, 'Choose a file.') }).strict(),
    z.object({ certificates: z.array(pickedCertificate), warnings: z.array(z.string()) }),
    certErrorCodes,
  ),
} as const;

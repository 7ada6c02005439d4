/** Every expected failure of the certificate toolkit: reading, checking, converting and storing certificates. */
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
] as const;

/** One failure code of the certificate toolkit. */
export type CertErrorCode = (typeof certErrorCodes)[number];

/** The container formats the toolkit reads, sniffed from the bytes. */
export const certFormats = ['pem', 'der', 'pkcs7', 'jks', 'pkcs12', 'zip'] as const;

/** One of the container formats the toolkit reads. */
export type CertFormat = (typeof certFormats)[number];

/** The formats `rdspg cert convert --to` writes. */
export const certOutputFormats = ['pem', 'der', 'p7b', 'jks', 'pk8'] as const;

/** One of the formats the toolkit writes. */
export type CertOutputFormat = (typeof certOutputFormats)[number];

/** How close a certificate is to its end: valid, expiring within 30 days, or expired. */
export const expiryStates = ['valid', 'expires_soon', 'expired'] as const;

/** One of the expiry states. */
export type ExpiryState = (typeof expiryStates)[number];

/** The days before notAfter from which a certificate counts as expiring soon. */
export const expiresSoonDays = 30;

/** A warning about a certificate that does not stop its use. */
export interface CertWarning {
  kind: 'expired' | 'not_yet_valid' | 'not_ca' | 'weak_key' | 'weak_signature' | 'ca_as_client';
  fingerprintSha256?: string;
  message: string;
}

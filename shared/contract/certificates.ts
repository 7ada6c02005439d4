import { z } from 'zod';
import { certErrorCodes, expiryStates } from '../cert-types';
import { registryErrorCodes } from '../server-schema';
import { channel, emptyRequest, emptyValue } from './channel';

/** Failures of the certificates view: the toolkit's codes and the registry's (for "where used", and vault_locked). */
export const certificatesErrorCodes = [...certErrorCodes, ...registryErrorCodes] as const;

/** The export formats of the certificates view: a PEM bundle, a PEM P7B, a JKS truststore, or a PKCS#8 key. */
export const exportFormats = ['pem', 'p7b', 'jks', 'pk8'] as const;

/** A saved server that uses a certificate as its Root certificate. */
export const certificateUse = z.object({ id: z.string(), name: z.string() });

/** What the toolkit tells about one certificate (`rdspg cert inspect --json` prints all of it). */
export const certificateFacts = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** Whole days from now to notAfter; negative once expired. */
  daysLeft: z.number(),
  expiryState: z.enum(expiryStates),
  fingerprintSha256: z.string(),
  fingerprintSha1: z.string(),
  isCA: z.boolean(),
  selfSigned: z.boolean(),
  keyType: z.string(),
  /** RSA/DSA modulus bits, or the EC curve size in bits. */
  keySize: z.number().nullable(),
  curve: z.string().nullable(),
  signatureAlgorithm: z.string(),
  subjectAltNames: z.array(z.string()),
  /** Extended key usage OIDs; empty when the certificate has no such extension (any use). */
  extendedKeyUsage: z.array(z.string()),
  /** The zip member it came from, for the RDS CA package. */
  member: z.string().optional(),
});

/** What the toolkit tells about one certificate. */
export type CertificateFacts = z.infer<typeof certificateFacts>;

/** One certificate as the view shows it. */
export const certificateDetails = certificateFacts.omit({ fingerprintSha1: true, curve: true, extendedKeyUsage: true });

/** One certificate as the view shows it. */
export type CertificateDetails = z.infer<typeof certificateDetails>;

/** One entry of the certificate store, with the saved servers that point at it. */
export const storeEntry = z.object({
  fingerprintSha256: z.string(),
  label: z.string(),
  addedAt: z.string(),
  path: z.string(),
  certificate: certificateDetails,
  usedBy: z.array(certificateUse),
});

/** One entry of the certificate store. */
export type StoreEntryView = z.infer<typeof storeEntry>;

const filePath = z.string().min(1, 'Choose a file.');
const optionalPassword = z.string().max(1024).optional();

/** The certificates view's channels: the store, opening any certificate file, and exports. */
export const certificateChannels = {
  'certificates:list': channel(emptyRequest, z.object({ entries: z.array(storeEntry) }), certificatesErrorCodes),
  'certificates:open': channel(
    z.object({ path: filePath, password: optionalPassword }).strict(),
    z.object({
      format: z.string(),
      formsChain: z.boolean(),
      certificates: z.array(certificateDetails),
      warnings: z.array(z.string()),
    }),
    certificatesErrorCodes,
  ),
  'certificates:add': channel(
    z.object({ path: filePath, label: z.string().max(200), password: optionalPassword }).strict(),
    z.object({ added: z.number().int(), existing: z.number().int() }),
    certificatesErrorCodes,
  ),
  'certificates:remove': channel(
    z.object({ fingerprint: z.string().min(8) }).strict(),
    emptyValue,
    certificatesErrorCodes,
  ),
  'certificates:export': channel(
    z.object({ path: filePath, format: z.enum(exportFormats), password: optionalPassword }).strict(),
    z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string(), count: z.number().int() }),
    certificatesErrorCodes,
  ),
} as const;

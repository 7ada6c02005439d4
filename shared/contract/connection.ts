import { z } from 'zod';
import type { ConnectErrorCode } from '../connect-errors';
import { registryErrorCodes } from '../server-schema';
import { vaultErrorCodes } from '../vault-types';
import { channel, emptyRequest, emptyValue } from './channel';
import { serverForm } from './server-form';

/** Every ConnectErrorCode at run time, so that the contract can check the codes that cross. */
export const connectErrorCodes = [
  'invalid_conninfo',
  'unsupported_option',
  'root_certificate_missing',
  'certificate_file_unreadable',
  'certificate_untrusted',
  'hostname_mismatch',
  'certificate_expired',
  'certificate_not_yet_valid',
  'certificate_revoked',
  'crl_missing_for_chain',
  'server_ssl_unsupported',
  'server_requires_ssl',
  'client_certificate_required',
  'client_certificate_rejected',
  'client_key_password_wrong',
  'client_key_password_required',
  'client_key_insecure',
  'client_key_mismatch',
  'channel_binding_required',
  'password_required',
  'authentication_failed',
  'database_missing',
  'connection_refused',
  'host_not_found',
  'timeout',
  'tls_version_mismatch',
  'tls_handshake_failed',
  'server_error',
  'connection_lost',
] as const satisfies readonly ConnectErrorCode[];

type MissingCodes = Exclude<ConnectErrorCode, (typeof connectErrorCodes)[number]>;
/** Fails to compile when shared/connect-errors.ts gains a code that the list above lacks. */
export const everyConnectCodeListed: MissingCodes extends never ? true : MissingCodes = true;

/** Failures of the connection channels: the engine's codes and the registry's. */
export const connectionErrorCodes = [
  ...connectErrorCodes,
  ...registryErrorCodes.filter((code) => code !== 'vault_locked'),
  ...vaultErrorCodes,
  'not_connected',
] as const;

/** One certificate as the connection facts show it. */
export const certificateSummary = z.object({
  subject: z.string(),
  issuer: z.string(),
  subjectAltNames: z.array(z.string()),
  notBefore: z.string(),
  notAfter: z.string(),
  fingerprintSha256: z.string(),
});

/** The SSL facts of a checked or open connection. */
export const connectionFacts = z.object({
  ssl: z.boolean(),
  protocol: z.string().nullable(),
  cipher: z.string().nullable(),
  serverCertificate: certificateSummary.nullable(),
  chain: z.array(certificateSummary),
  serverVersion: z.string(),
  host: z.string(),
  port: z.number(),
  user: z.string(),
  database: z.string(),
  elapsedMs: z.number(),
});

/** The SSL facts of a checked or open connection. */
export type ConnectionFacts = z.infer<typeof connectionFacts>;

/** An open connection of a saved server. */
export const openConnection = z.object({ serverId: z.string(), connectedAt: z.string(), facts: connectionFacts });

/** An open connection of a saved server. */
export type OpenConnectionState = z.infer<typeof openConnection>;

/** The connection channels: test a dialog's settings, connect and disconnect saved servers. */
export const connectionChannels = {
  'connection:test': channel(
    z.object({ form: serverForm, serverId: z.string().optional() }).strict(),
    connectionFacts,
    connectionErrorCodes,
  ),
  'connection:connect': channel(
    z.object({ id: z.string().min(1), password: z.string().optional(), savePassword: z.boolean().optional() }).strict(),
    openConnection,
    connectionErrorCodes,
  ),
  'connection:disconnect': channel(z.object({ id: z.string().min(1) }).strict(), emptyValue, connectionErrorCodes),
  'connection:list': channel(emptyRequest, z.array(openConnection), connectionErrorCodes),
} as const;

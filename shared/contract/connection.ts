import { z } from 'zod';
import { connectErrorCodes } from '../connect-errors';
import { registryErrorCodes } from '../server-schema';
import { vaultErrorCodes } from '../vault-types';
import { channel, emptyRequest, emptyValue } from './channel';
import { serverForm } from './server-form';

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

/** One certificate as the connection facts show it. */
export type CertificateSummary = z.infer<typeof certificateSummary>;

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

/** What a successful `rdspg check` reports: the connection facts, marked ok. */
export type CheckReport = { ok: true } & ConnectionFacts;

/** An open connection of a saved server. */
export const openConnection = z.object({ serverId: z.string(), connectedAt: z.string(), facts: connectionFacts });

/** An open connection of a saved server. */
export type OpenConnectionState = z.infer<typeof openConnection>;

/** Names one running Test connection so that Cancel can abort it (chosen by the dialog). */
export const testId = z.string().min(1).max(100);

/** The connection channels: test a dialog's settings (and cancel that test), connect and disconnect saved servers. */
export const connectionChannels = {
  'connection:test': channel(
    z.object({ form: serverForm, serverId: z.string().optional(), testId: testId.optional() }).strict(),
    connectionFacts,
    connectionErrorCodes,
  ),
  'connection:cancel-test': channel(
    z.object({ testId }).strict(),
    z.object({ cancelled: z.boolean() }),
    connectionErrorCodes,
  ),
  'connection:connect': channel(
    z.object({ id: z.string().min(1), password: z.string().optional(), savePassword: z.boolean().optional() }).strict(),
    openConnection,
    connectionErrorCodes,
  ),
  'connection:disconnect': channel(z.object({ id: z.string().min(1) }).strict(), emptyValue, connectionErrorCodes),
  'connection:list': channel(emptyRequest, z.array(openConnection), connectionErrorCodes),
  /** The databases of a connected server a user can open (pg_database: datallowconn and not datistemplate). */
  'connection:databases': channel(
    z.object({ id: z.string().min(1) }).strict(),
    z.object({ databases: z.array(z.string()) }),
    connectionErrorCodes,
  ),
} as const;

import { z } from 'zod';

const text = z.string();
const maybe = z.string().nullable();
const list = z.array(z.string());
/** A connection attempt's failure: the engine's or service's code and its English message. */
const failure = z.object({ code: text, message: text });
/** A certificate as the root certificate check names it. */
const certificate = z.object({ subject: text, fingerprint: text });
/** What the whitelist check knows of this computer's address. */
const address = { address: text, whitelist: list, seenByServer: z.boolean(), typed: maybe };

/** The certificate's expiry, whether RDS asks for an update (RequireUpdate), and whether it is a custom one. */
const expiry = {
  expiresAt: maybe,
  updateRequired: z.boolean(),
  updateReason: maybe,
  custom: z.boolean(),
  command: text,
};

function finding<const C extends string, P extends z.ZodRawShape>(code: C, params: P) {
  return z.object({ code: z.literal(code), params: z.object(params) });
}

/**
 * What one check of the doctor found, as a closed code and its parameters (hosts, addresses, commands…): the CLI
 * and the English UI render it with shared/doctor-finding-text.ts, the Chinese UI with its own catalog.
 */
export const doctorFinding = z.discriminatedUnion('code', [
  finding('instance_status', { status: text }),
  finding('endpoint_none', { command: text }),
  finding('endpoint_not_of_instance', { host: text, instanceId: text, command: text }),
  finding('endpoint_hostaddr', { host: text, hostaddr: text }),
  finding('endpoint_resolved', { host: text, address: text }),
  finding('endpoint_unresolved', { host: text, ipAddress: text }),
  finding('whitelist_has_address', address),
  finding('whitelist_missing_address', { ...address, command: text }),
  finding('whitelist_reached_authentication', { whitelist: list }),
  finding('whitelist_server_unreachable', { whitelist: list, failure, doctorCommand: text, addCommand: text }),
  finding('whitelist_not_probed', { whitelist: list, doctorCommand: text, addCommand: text }),
  finding('ssl_unavailable', { reason: text }),
  finding('ssl_off', { command: text }),
  finding('ssl_other_endpoint', { protectedHost: text, host: text, command: text }),
  finding('ssl_protecting', { protectedHost: text }),
  finding('certificate_ssl_off', { command: text }),
  finding('certificate_expires', expiry),
  finding('certificate_expired', expiry),
  finding('root_ssl_off', {}),
  finding('root_custom', {}),
  finding('root_not_checked', { command: text }),
  finding('root_ca_unavailable', { failure, command: text }),
  finding('root_unreadable', { file: text, message: text, command: text }),
  finding('root_invalid', { file: text, failure, command: text }),
  finding('root_matches', { file: text, ca: certificate }),
  finding('root_mismatch', { file: text, held: z.array(certificate), wanted: z.array(certificate), command: text }),
  finding('accounts_listed', { accounts: list, command: text }),
  finding('account_missing', { user: text, command: text }),
  finding('account_exists', { user: text }),
  finding('account_unavailable', { user: text, status: text }),
  finding('account_login_refused', { user: text, status: text }),
  finding('database_not_checked', {}),
  finding('database_exists', { dbname: text }),
  finding('database_missing', { dbname: text, serverMessage: text }),
  finding('database_connection_failed', { failure }),
]);

/** What one check of the doctor found. */
export type DoctorFinding = z.infer<typeof doctorFinding>;

/** The closed list of finding codes. */
export type DoctorFindingCode = DoctorFinding['code'];

/** The parameters of one finding code. */
export type DoctorFindingParams<C extends DoctorFindingCode> = Extract<DoctorFinding, { code: C }>['params'];

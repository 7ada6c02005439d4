import type { DoctorCheck } from '../../shared/contract/rds-connect';
import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { ok, type Result } from '../../shared/result';
import { databaseAccounts } from './database-accounts';
import {
  accountCheck,
  type ConnectionOutcome,
  certificateCheck,
  databaseCheck,
  doctorCheck,
  endpointCheck,
  endpointOf,
  sslCheck,
  whitelistCheck,
} from './doctor-checks';
import { rootCertificateCheck } from './doctor-root-ca';
import type { RdsClient } from './rds-client';
import { readSslState } from './ssl-availability';
import { whitelistGroups } from './whitelist';

export type { ConnectionOutcome } from './doctor-checks';

/** What the doctor checks against: a saved server's settings (or none), and this computer's address if typed. */
export interface DoctorTarget {
  host: string | null;
  user: string | null;
  address: string | null;
  /** libpq's hostaddr: the address used instead of a DNS lookup of host. */
  hostaddr?: string | null;
  port?: number | null;
  dbname?: string | null;
  /** The root certificate file the connection verifies the server with (sslrootcert). */
  rootCertificate?: string | null;
}

/** A server's keywords as the doctor's target (as `rdspg rds doctor --server NAME` takes them). */
export function doctorTargetOf(keywords: ConnectionKeywords): Omit<DoctorTarget, 'address'> {
  return {
    host: keywords.host || null,
    hostaddr: keywords.hostaddr || null,
    port: keywords.port ? Number(keywords.port) : null,
    user: keywords.user || null,
    dbname: keywords.dbname || keywords.user || null,
    rootCertificate: keywords.sslrootcert || null,
  };
}

/** Where a probe goes: the endpoint the doctor looks at and the user it names (no password is sent). */
export interface ProbeTarget {
  host: string;
  hostaddr: string;
  port: number;
  user: string;
  dbname: string;
}

/** Resolves a host name (node:dns lookup in the app; a port so the check can be exercised). */
export type HostResolver = (host: string) => Promise<string>;

/** The doctor's ways to the database itself, besides the RDS API. */
export interface DoctorPorts {
  /** Connects without a password: the server's pg_hba answer shows whether, and as whom, this computer gets in. */
  probe?: (target: ProbeTarget) => Promise<ConnectionOutcome>;
  /** Connects with the saved server's own settings and password: confirms the account and the database. */
  attempt?: () => Promise<ConnectionOutcome>;
  /** Fetches the CA package (default: the global fetch). */
  fetch?: typeof fetch;
}

/**
 * `rdspg rds doctor`: the checks in order — instance running; endpoint exists and resolves; this address in the
 * whitelist (as the server reports it, else as typed); SSL on and the host is the protected endpoint; certificate
 * not expired and no update required; the root certificate is the instance's CA; the account exists and is not
 * locked; the database exists. A failed API call fails the doctor (it is not a finding).
 */
export async function runDoctor(
  client: RdsClient,
  instanceId: string,
  target: DoctorTarget,
  resolve: HostResolver,
  now: Date = new Date(),
  ports: DoctorPorts = {},
): Promise<Result<DoctorCheck[], RdsErrorCode>> {
  const instance = await client.instance(instanceId);
  if (!instance.ok) return instance;
  const [endpoints, groups, ssl, accounts] = await Promise.all([
    client.endpoints(instanceId),
    whitelistGroups(client, instanceId),
    readSslState(client, instanceId),
    databaseAccounts(client, instanceId),
  ]);
  if (!endpoints.ok) return endpoints;
  if (!groups.ok) return groups;
  if (!ssl.ok) return ssl;
  if (!accounts.ok) return accounts;
  const status = instance.value.status;
  const checks = [
    doctorCheck('instance running', status === 'Running', { code: 'instance_status', params: { status } }),
  ];

  const publicEndpoint = endpoints.value.find((item) => item.kind === 'public') ?? null;
  const host = target.host ?? publicEndpoint?.host ?? null;
  const endpoint = endpointOf(endpoints.value, host);
  let address: string | null = target.hostaddr ?? null;
  if (endpoint && !address) address = await resolve(endpoint.host).catch(() => null);
  checks.push(endpointCheck(instanceId, host, endpoint, target.hostaddr ?? null, address));

  // The probe reaches the instance by the endpoint used, else any endpoint, at the address the API gives.
  const probeEndpoint = endpoint ?? publicEndpoint ?? endpoints.value[0] ?? null;
  const user = target.user ?? accounts.value[0]?.name ?? 'rdspg_doctor';
  const probe =
    ports.probe && probeEndpoint
      ? await ports.probe({
          host: probeEndpoint.host,
          hostaddr: (probeEndpoint === endpoint ? address : null) ?? probeEndpoint.ipAddress,
          port: (probeEndpoint === endpoint ? target.port : null) ?? probeEndpoint.port,
          user,
          dbname: target.dbname ?? 'postgres',
        })
      : null;
  checks.push(whitelistCheck(instanceId, groups.value, target.address, probe));
  checks.push(sslCheck(instanceId, ssl.value, host));
  checks.push(certificateCheck(instanceId, ssl.value, now));
  const rootCertificate = target.rootCertificate ?? null;
  checks.push(await rootCertificateCheck(client, instanceId, ssl.value, rootCertificate, ports.fetch ?? fetch));
  const attempt = ports.attempt ? await ports.attempt() : null;
  checks.push(accountCheck(instanceId, accounts.value, target.user, attempt));
  checks.push(databaseCheck(target.dbname ?? null, attempt));
  return ok(checks);
}

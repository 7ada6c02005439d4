import type { DoctorFinding } from '../../shared/contract/doctor-finding';
import type { RdsEndpoint, RdsSslState } from '../../shared/contract/rds';
import type { DatabaseAccount, DoctorCheck, WhitelistGroup } from '../../shared/contract/rds-connect';
import { englishFinding } from '../../shared/doctor-finding-text';
import { refusedClientAddress } from '../../shared/pg-refusal';
import { entryCovers } from '../../shared/rds-whitelist';

/** What a connection attempt of the doctor saw: connected, or the engine's failure code and message. */
export type ConnectionOutcome = { ok: true } | { ok: false; code: string; message: string };

/** Builds one check from its finding, with the finding's English detail and fix; a passed check has no fix. */
export function doctorCheck(name: string, passed: boolean, finding: DoctorFinding): DoctorCheck {
  const { detail, fix } = englishFinding(finding);
  return { name, ok: passed, detail, fix: passed ? null : fix, finding };
}

/** A failure as a finding carries it: the code and the message. */
export function failureOf(outcome: { code: string; message: string }) {
  return { code: outcome.code, message: outcome.message };
}

/** True when the attempt got past pg_hba: it connected, or the server asked who we are. */
function reachedAuthentication(outcome: ConnectionOutcome): boolean {
  return outcome.ok || ['password_required', 'authentication_failed', 'database_missing'].includes(outcome.code);
}

/** The endpoint check: the host is an endpoint of the instance, and resolves (or hostaddr is given, as libpq). */
export function endpointCheck(
  instanceId: string,
  host: string | null,
  endpoint: RdsEndpoint | null,
  hostaddr: string | null,
  address: string | null,
): DoctorCheck {
  const command = `rdspg rds public-endpoint allocate ${instanceId}`;
  const finding = (): DoctorFinding => {
    if (host === null) return { code: 'endpoint_none', params: { command } };
    if (!endpoint) return { code: 'endpoint_not_of_instance', params: { host, instanceId, command } };
    if (hostaddr) return { code: 'endpoint_hostaddr', params: { host, hostaddr } };
    if (address) return { code: 'endpoint_resolved', params: { host, address } };
    return { code: 'endpoint_unresolved', params: { host, ipAddress: endpoint.ipAddress } };
  };
  return doctorCheck('endpoint', endpoint !== null && address !== null, finding());
}

/**
 * The whitelist check. The address is the one the server reported in a pg_hba refusal of the probe (the truth
 * through NAT), else the one typed with --ip; a probe that reached authentication shows the address is let in.
 */
export function whitelistCheck(
  instanceId: string,
  groups: WhitelistGroup[],
  typed: string | null,
  probe: ConnectionOutcome | null,
): DoctorCheck {
  const whitelist = groups.flatMap((group) => group.ips);
  const seen = probe && !probe.ok ? refusedClientAddress(probe.message) : null;
  const address = seen ?? typed;
  const addCommand = (ip: string) => `rdspg rds whitelist add ${instanceId} --ip ${ip}`;
  if (address) {
    const covered = whitelist.some((entry) => entryCovers(entry, address));
    const params = { address, whitelist, seenByServer: seen !== null, typed: seen && typed !== seen ? typed : null };
    return covered
      ? doctorCheck('whitelist', true, { code: 'whitelist_has_address', params })
      : doctorCheck('whitelist', false, {
          code: 'whitelist_missing_address',
          params: { ...params, command: addCommand(address) },
        });
  }
  if (probe && reachedAuthentication(probe)) {
    return doctorCheck('whitelist', true, { code: 'whitelist_reached_authentication', params: { whitelist } });
  }
  const commands = { doctorCommand: `rdspg rds doctor ${instanceId} --ip IP`, addCommand: addCommand('IP') };
  return doctorCheck(
    'whitelist',
    false,
    probe && !probe.ok
      ? { code: 'whitelist_server_unreachable', params: { whitelist, failure: failureOf(probe), ...commands } }
      : { code: 'whitelist_not_probed', params: { whitelist, ...commands } },
  );
}

/** The SSL check: on, and the host used is the protected endpoint (else verify-full fails with hostname_mismatch). */
export function sslCheck(instanceId: string, state: RdsSslState, host: string | null): DoctorCheck {
  const command = `rdspg rds ssl enable ${instanceId} --endpoint ${host ?? 'HOST'}`;
  if (state.unavailableReason) {
    return doctorCheck('ssl', false, { code: 'ssl_unavailable', params: { reason: state.unavailableReason } });
  }
  if (!state.enabled) return doctorCheck('ssl', false, { code: 'ssl_off', params: { command } });
  const protectedHost = state.protectedEndpoint ?? '';
  if (host !== null && protectedHost !== host) {
    return doctorCheck('ssl', false, { code: 'ssl_other_endpoint', params: { protectedHost, host, command } });
  }
  return doctorCheck('ssl', host !== null, { code: 'ssl_protecting', params: { protectedHost } });
}

/** The certificate check: not expired and no update required (RequireUpdate). */
export function certificateCheck(instanceId: string, state: RdsSslState, now: Date): DoctorCheck {
  if (!state.enabled) {
    const command = `rdspg rds ssl enable ${instanceId} --endpoint HOST`;
    return doctorCheck('certificate', false, { code: 'certificate_ssl_off', params: { command } });
  }
  const expired = state.expiresAt !== null && new Date(state.expiresAt).getTime() <= now.getTime();
  const custom = state.caType === 'custom';
  const params = {
    expiresAt: state.expiresAt,
    updateRequired: state.requireUpdate,
    updateReason: state.requireUpdateReason || null,
    custom,
    command: custom
      ? `rdspg rds ssl enable ${instanceId} --endpoint ${state.protectedEndpoint ?? 'HOST'} --cert FILE --key FILE`
      : `rdspg rds ssl renew ${instanceId}`,
  };
  return doctorCheck('certificate', !expired && !state.requireUpdate, {
    code: expired ? 'certificate_expired' : 'certificate_expires',
    params,
  });
}

/** The account check: the user exists and is Available (a locked account cannot log on: LockAccount). */
export function accountCheck(
  instanceId: string,
  accounts: DatabaseAccount[],
  user: string | null,
  attempt: ConnectionOutcome | null,
): DoctorCheck {
  if (!user) {
    return doctorCheck(
      'account',
      accounts.some((account) => account.status === 'Available'),
      {
        code: 'accounts_listed',
        params: {
          accounts: accounts.map((account) => account.name),
          command: `rdspg rds account create ${instanceId} NAME --password-stdin`,
        },
      },
    );
  }
  const account = accounts.find((item) => item.name === user);
  if (!account) {
    const command = `rdspg rds account create ${instanceId} ${user}`;
    return doctorCheck('account', false, { code: 'account_missing', params: { user, command } });
  }
  const refused = attempt && !attempt.ok && /is not permitted to log in/.test(attempt.message);
  if (account.status === 'Available' && !refused) {
    return doctorCheck('account', true, { code: 'account_exists', params: { user } });
  }
  const params = { user, status: account.status };
  return doctorCheck('account', false, { code: refused ? 'account_login_refused' : 'account_unavailable', params });
}

/** The database check, from the attempt with the saved server's own settings. */
export function databaseCheck(dbname: string | null, attempt: ConnectionOutcome | null): DoctorCheck {
  if (!attempt || !dbname) return doctorCheck('database', false, { code: 'database_not_checked', params: {} });
  if (attempt.ok) return doctorCheck('database', true, { code: 'database_exists', params: { dbname } });
  if (attempt.code === 'database_missing') {
    const serverMessage = attempt.message.split('. ')[0] ?? attempt.message;
    return doctorCheck('database', false, { code: 'database_missing', params: { dbname, serverMessage } });
  }
  return doctorCheck('database', false, {
    code: 'database_connection_failed',
    params: { failure: failureOf(attempt) },
  });
}

/** The endpoint a host names among the instance's endpoints, or null. */
export function endpointOf(endpoints: RdsEndpoint[], host: string | null): RdsEndpoint | null {
  return host === null ? null : (endpoints.find((item) => item.host === host) ?? null);
}

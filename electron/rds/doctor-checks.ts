import type { RdsEndpoint, RdsSslState } from '../../shared/contract/rds';
import type { DatabaseAccount, DoctorCheck, WhitelistGroup } from '../../shared/contract/rds-connect';
import { refusedClientAddress } from '../../shared/pg-refusal';
import { entryCovers } from '../../shared/rds-whitelist';

/** What a connection attempt of the doctor saw: connected, or the engine's failure code and message. */
export type ConnectionOutcome = { ok: true } | { ok: false; code: string; message: string };

/** Builds one check; a passed check has no fix. */
export const doctorCheck = (name: string, passed: boolean, detail: string, fix: string | null): DoctorCheck => ({
  name,
  ok: passed,
  detail,
  fix: passed ? null : fix,
});

/** True when the attempt got past pg_hba: it connected, or the server asked who we are. */
function reachedAuthentication(outcome: ConnectionOutcome): boolean {
  return outcome.ok || ['password_required', 'authentication_failed', 'database_missing'].includes(outcome.code);
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
  const entries = groups.flatMap((group) => group.ips);
  const list = `(${entries.join(', ') || 'empty'})`;
  const seen = probe && !probe.ok ? refusedClientAddress(probe.message) : null;
  const address = seen ?? typed;
  const fixFor = (ip: string) => `add it with "rdspg rds whitelist add ${instanceId} --ip ${ip}"`;
  if (address) {
    const covered = entries.some((entry) => entryCovers(entry, address));
    const source = seen
      ? `the server saw this computer as ${seen}${typed && typed !== seen ? ` (not ${typed})` : ''}: `
      : '';
    return doctorCheck(
      'whitelist',
      covered,
      `${source}${address} ${covered ? 'is' : 'is not'} in the whitelist ${list}`,
      fixFor(address),
    );
  }
  if (probe && reachedAuthentication(probe)) {
    return doctorCheck(
      'whitelist',
      true,
      `the server let this computer through to authentication; whitelist ${list}`,
      null,
    );
  }
  const why = probe && !probe.ok ? `the server could not be reached (${probe.message})` : 'nothing was tried';
  return doctorCheck(
    'whitelist',
    false,
    `whitelist ${list}; this computer's address is unknown: ${why}`,
    `type it: "rdspg rds doctor ${instanceId} --ip IP" (a site such as ipinfo.io shows this computer's public address), then ${fixFor('IP')}`,
  );
}

/** The SSL check: on, and the host used is the protected endpoint (else verify-full fails with hostname_mismatch). */
export function sslCheck(instanceId: string, state: RdsSslState, host: string | null): DoctorCheck {
  const enable = `rdspg rds ssl enable ${instanceId} --endpoint ${host ?? 'HOST'}`;
  if (state.unavailableReason) {
    return doctorCheck(
      'ssl',
      false,
      `SSL not available: ${state.unavailableReason}`,
      'SSL needs PostgreSQL 10+ on cloud disks, not Serverless',
    );
  }
  if (!state.enabled) return doctorCheck('ssl', false, 'SSL off', `protect the endpoint with "${enable}"`);
  const protectedHost = state.protectedEndpoint ?? '';
  if (host !== null && protectedHost !== host) {
    return doctorCheck(
      'ssl',
      false,
      `SSL on, protecting ${protectedHost}, not ${host}: verify-full to ${host} fails with hostname_mismatch (the certificate names ${protectedHost} only)`,
      `connect to ${protectedHost}, or protect this one with "${enable}" (a cloud certificate protects one endpoint)`,
    );
  }
  return doctorCheck('ssl', host !== null, `SSL on, protecting ${protectedHost}`, 'allocate a public endpoint first');
}

/** The certificate check: not expired and no update required (RequireUpdate). */
export function certificateCheck(instanceId: string, state: RdsSslState, now: Date): DoctorCheck {
  if (!state.enabled) {
    return doctorCheck(
      'certificate',
      false,
      'no certificate (SSL off)',
      `enable SSL first ("rdspg rds ssl enable ${instanceId} --endpoint HOST")`,
    );
  }
  const expired = state.expiresAt !== null && new Date(state.expiresAt).getTime() <= now.getTime();
  const update = state.requireUpdate
    ? `; update required${state.requireUpdateReason ? `: ${state.requireUpdateReason}` : ''}`
    : '';
  return doctorCheck(
    'certificate',
    !expired && !state.requireUpdate,
    `${expired ? 'expired' : 'expires'} ${state.expiresAt ?? 'unknown'}${update}`,
    state.caType === 'custom'
      ? `upload a new one with "rdspg rds ssl enable ${instanceId} --endpoint ${state.protectedEndpoint ?? 'HOST'} --cert FILE --key FILE"`
      : `renew it with "rdspg rds ssl renew ${instanceId}" (RDS also renews a cloud certificate on its own, 7 days before expiry)`,
  );
}

/** The account check: the user exists and is Available (a locked account cannot log on: LockAccount). */
export function accountCheck(
  instanceId: string,
  accounts: DatabaseAccount[],
  user: string | null,
  attempt: ConnectionOutcome | null,
): DoctorCheck {
  if (!user) {
    const names = accounts.map((account) => account.name);
    return doctorCheck(
      'account',
      accounts.some((account) => account.status === 'Available'),
      `accounts: ${names.join(', ') || 'none'}`,
      `create one with "rdspg rds account create ${instanceId} NAME --password-stdin" (RDS users cannot log in as postgres)`,
    );
  }
  const account = accounts.find((item) => item.name === user);
  if (!account) {
    return doctorCheck(
      'account',
      false,
      `account ${user} does not exist`,
      `create it with "rdspg rds account create ${instanceId} ${user}"`,
    );
  }
  const refused = attempt && !attempt.ok && /is not permitted to log in/.test(attempt.message);
  if (account.status === 'Available' && !refused) return doctorCheck('account', true, `account ${user} exists`, null);
  return doctorCheck(
    'account',
    false,
    `account ${user} is ${account.status}${refused ? `; the server says: role "${user}" is not permitted to log in (locked)` : ' (locked, or still being created)'}`,
    `unlock it: Accounts > Unlock in the console (UnlockAccount), then retry`,
  );
}

/** The database check, from the attempt with the saved server's own settings. */
export function databaseCheck(dbname: string | null, attempt: ConnectionOutcome | null): DoctorCheck {
  if (!attempt || !dbname) {
    return doctorCheck(
      'database',
      false,
      'not checked: no saved server named',
      'name one with --server NAME (its database, user and password are tried)',
    );
  }
  if (attempt.ok) return doctorCheck('database', true, `database ${dbname} exists (connected)`, null);
  if (attempt.code === 'database_missing') {
    return doctorCheck(
      'database',
      false,
      `database ${dbname} does not exist (the server says: ${attempt.message.split('. ')[0]})`,
      'create it (Databases > Create Database in the console, or CREATE DATABASE as a privileged account), or connect to postgres',
    );
  }
  return doctorCheck(
    'database',
    false,
    `not checked: the connection failed first (${attempt.code}: ${attempt.message})`,
    'fix the checks above, then run the doctor again',
  );
}

/** The endpoint a host names among the instance's endpoints, or null. */
export function endpointOf(endpoints: RdsEndpoint[], host: string | null): RdsEndpoint | null {
  return host === null ? null : (endpoints.find((item) => item.host === host) ?? null);
}

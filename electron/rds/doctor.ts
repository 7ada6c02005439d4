import type { DoctorCheck } from '../../shared/contract/rds-connect';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { entryCovers } from '../../shared/rds-whitelist';
import { ok, type Result } from '../../shared/result';
import { databaseAccounts } from './database-accounts';
import type { RdsClient } from './rds-client';
import { readSslState } from './ssl-availability';
import { whitelistGroups } from './whitelist';

/** What the doctor checks against: the host and user of a saved server (or none), and this computer's address. */
export interface DoctorTarget {
  host: string | null;
  user: string | null;
  address: string | null;
}

/** Resolves a host name (node:dns lookup in the app; a port so the check can be exercised). */
export type HostResolver = (host: string) => Promise<string>;

const check = (name: string, passed: boolean, detail: string, fix: string | null): DoctorCheck => ({
  name,
  ok: passed,
  detail,
  fix: passed ? null : fix,
});

/**
 * `rdspg rds doctor`: the checks the RDS API allows, in order — instance Running; endpoint exists and resolves;
 * this address in the whitelist; SSL on and the host is the protected endpoint; certificate not expired and no
 * update required; the account exists. A failed API call fails the doctor (it is not a finding).
 */
export async function runDoctor(
  client: RdsClient,
  instanceId: string,
  target: DoctorTarget,
  resolve: HostResolver,
  now: Date = new Date(),
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
  const checks: DoctorCheck[] = [];
  const status = instance.value.status;
  checks.push(
    check('instance running', status === 'Running', `status ${status}`, 'wait until the instance is Running'),
  );

  const host = target.host ?? endpoints.value.find((item) => item.kind === 'public')?.host ?? null;
  const listed = host !== null && endpoints.value.some((item) => item.host === host);
  let resolved = '';
  if (listed && host) resolved = await resolve(host).catch((error: Error) => `not resolved (${error.message})`);
  const resolves = listed && !resolved.startsWith('not resolved');
  checks.push(
    check(
      'endpoint',
      resolves,
      host === null
        ? 'no public endpoint'
        : listed
          ? `${host}: ${resolved}`
          : `${host} is not an endpoint of ${instanceId}`,
      host === null || !listed
        ? `allocate one with "rdspg rds public-endpoint allocate ${instanceId}"`
        : 'check DNS on this computer (a new endpoint can take a minute to resolve)',
    ),
  );

  const entries = groups.value.flatMap((group) => group.ips);
  const covered = target.address ? entries.some((entry) => entryCovers(entry, target.address ?? '')) : false;
  checks.push(
    check(
      'whitelist',
      covered,
      target.address
        ? `${target.address} ${covered ? 'is' : 'is not'} in the whitelist (${entries.join(', ')})`
        : `whitelist: ${entries.join(', ')}; this computer's address not given (--ip)`,
      `add it with "rdspg rds whitelist add ${instanceId} --ip ${target.address ?? 'IP'}"`,
    ),
  );

  const state = ssl.value;
  const protects = state.enabled && host !== null && state.protectedEndpoint === host;
  checks.push(
    check(
      'ssl',
      protects,
      state.unavailableReason
        ? `SSL not available: ${state.unavailableReason}`
        : state.enabled
          ? `SSL on, protecting ${state.protectedEndpoint}`
          : 'SSL off',
      `protect the endpoint with "rdspg rds ssl enable ${instanceId} --endpoint ${host ?? 'HOST'}"`,
    ),
  );

  const expired = state.expiresAt !== null && new Date(state.expiresAt).getTime() <= now.getTime();
  const certificateOk = state.enabled && !expired && !state.requireUpdate;
  checks.push(
    check(
      'certificate',
      certificateOk,
      state.enabled
        ? `expires ${state.expiresAt ?? 'unknown'}${state.requireUpdate ? `; update required${state.requireUpdateReason ? `: ${state.requireUpdateReason}` : ''}` : ''}`
        : 'no certificate (SSL off)',
      state.enabled
        ? `renew it with "rdspg rds ssl renew ${instanceId}"`
        : `enable SSL first ("rdspg rds ssl enable ${instanceId} --endpoint HOST")`,
    ),
  );

  const names = accounts.value.map((account) => account.name);
  const accountOk = target.user ? names.includes(target.user) : names.length > 0;
  checks.push(
    check(
      'account',
      accountOk,
      target.user
        ? `account ${target.user} ${accountOk ? 'exists' : 'does not exist'}`
        : `accounts: ${names.join(', ') || 'none'}`,
      `create it with "rdspg rds account create ${instanceId} ${target.user ?? 'NAME'}"`,
    ),
  );
  return ok(checks);
}

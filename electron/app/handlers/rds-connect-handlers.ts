import { lookup } from 'node:dns/promises';
import type { rdsConnectChannels } from '../../../shared/contract/rds-connect-channels';
import { refusedClientAddress } from '../../../shared/pg-refusal';
import { checkWhitelistAddress } from '../../../shared/rds-whitelist';
import { ok } from '../../../shared/result';
import {
  createDatabaseAccount,
  databaseAccountSecret,
  databaseAccounts,
  resetDatabaseAccountPassword,
} from '../../rds/database-accounts';
import { type DoctorPorts, type HostResolver, type ProbeTarget, runDoctor } from '../../rds/doctor';
import { probeConnection } from '../../rds/doctor-connection';
import { allocatePublicEndpoint, releasePublicEndpoint } from '../../rds/public-endpoint';
import { enforceSsl, planEnforcement } from '../../rds/ssl-enforcement';
import type { WaitOptions } from '../../rds/wait-until';
import { changeWhitelist, planWhitelist, whitelistGroups } from '../../rds/whitelist';
import { doctorServer } from '../doctor-server';
import { desktopCaller, type HandlerTable } from '../handler-table';
import type { AppPorts } from '../ports';
import { matchHost } from '../rds-host-match';

/** The sandbox changes within seconds; the cloud within minutes (a job waits at most this long, told each step). */
function waitFor(
  kind: string,
  progress: Pick<WaitOptions, 'onStep' | 'onSending' | 'signal' | 'followSignal'>,
): WaitOptions {
  const timing =
    kind === 'sandbox' ? { intervalMs: 400, timeoutMs: 5 * 60_000 } : { intervalMs: 5000, timeoutMs: 20 * 60_000 };
  return { ...timing, ...progress };
}

/** The sandbox's endpoint names do not resolve: its PostgreSQL listens on loopback (as rds:register-form's hostaddr). */
function resolverFor(kind: string): HostResolver {
  return kind === 'sandbox' ? async () => '127.0.0.1' : async (host) => (await lookup(host)).address;
}

/** The "from zero to connected" handlers: the same domain modules `rdspg rds whitelist|public-endpoint|…` call. */
export function createRdsConnectHandlers(ports: AppPorts): Pick<HandlerTable, keyof typeof rdsConnectChannels> {
  const { panel, jobs } = ports.rds;
  const savePassword = async (instanceId: string, name: string, password: string) => {
    const saved = await ports.vault.writeSecret(databaseAccountSecret(instanceId, name), password);
    return ok({ name, passwordSaved: saved.ok });
  };
  return {
    'rds:whitelist': async ({ accountId, regionId, instanceId }) => {
      const made = await panel.client(accountId, regionId);
      if (!made.ok) return made;
      const groups = await whitelistGroups(made.value.client, instanceId);
      return groups.ok ? ok({ groups: groups.value }) : groups;
    },
    'rds:whitelist-plan': async ({ accountId, regionId, instanceId, action, address }) => {
      const made = await panel.client(accountId, regionId);
      return made.ok ? planWhitelist(made.value.client, instanceId, action, address) : made;
    },
    'rds:whitelist-change': async ({ accountId, regionId, instanceId, action, address }) => {
      const made = await panel.client(accountId, regionId);
      return made.ok ? changeWhitelist(made.value.client, instanceId, action, address) : made;
    },
    'rds:public-endpoint-allocate': async (request, caller = desktopCaller) => {
      const made = await panel.client(request.accountId, request.regionId);
      if (!made.ok) return made;
      const { client, account } = made.value;
      const choice = { prefix: request.prefix, port: request.port };
      return jobs.start(caller.session, request, 'public_endpoint_allocate', async (progress) => {
        const done = await allocatePublicEndpoint(client, request.instanceId, choice, waitFor(account.kind, progress));
        return done.ok ? ok({ publicEndpoint: done.value }) : done;
      });
    },
    'rds:public-endpoint-release': async (request, caller = desktopCaller) => {
      const made = await panel.client(request.accountId, request.regionId);
      if (!made.ok) return made;
      const { client, account } = made.value;
      return jobs.start(caller.session, request, 'public_endpoint_release', async (progress) => {
        const done = await releasePublicEndpoint(client, request.instanceId, waitFor(account.kind, progress));
        return done.ok ? ok({ publicEndpoint: done.value }) : done;
      });
    },
    'rds:database-accounts': async ({ accountId, regionId, instanceId }) => {
      const made = await panel.client(accountId, regionId);
      if (!made.ok) return made;
      const accounts = await databaseAccounts(made.value.client, instanceId);
      return accounts.ok ? ok({ accounts: accounts.value }) : accounts;
    },
    'rds:database-account-create': async ({ accountId, regionId, instanceId, name, type, password }) => {
      const made = await panel.client(accountId, regionId);
      if (!made.ok) return made;
      const created = await createDatabaseAccount(made.value.client, { instanceId, name, type, password });
      return created.ok ? savePassword(instanceId, name, password) : created;
    },
    'rds:database-account-reset': async ({ accountId, regionId, instanceId, name, password }) => {
      const made = await panel.client(accountId, regionId);
      if (!made.ok) return made;
      const reset = await resetDatabaseAccountPassword(made.value.client, instanceId, name, password);
      return reset.ok ? savePassword(instanceId, name, password) : reset;
    },
    'rds:ssl-enforcement-plan': async ({ accountId, regionId, instanceId, enforce }) => {
      const made = await panel.client(accountId, regionId);
      return made.ok ? planEnforcement(made.value.client, instanceId, enforce) : made;
    },
    'rds:ssl-enforce': async (request, caller = desktopCaller) => {
      const made = await panel.client(request.accountId, request.regionId);
      if (!made.ok) return made;
      const { client, account } = made.value;
      return jobs.start(caller.session, request, 'ssl_enforce', async (progress) => {
        const done = await enforceSsl(client, request.instanceId, request.enforce, waitFor(account.kind, progress));
        return done.ok ? ok({ enforcement: done.value }) : done;
      });
    },
    'rds:doctor': async ({ accountId, regionId, instanceId, host, user, address, form, serverId }) => {
      const checked = address ? checkWhitelistAddress(address) : ok(null);
      if (!checked.ok) return checked;
      const server = await doctorServer(ports, { form, serverId });
      if (!server.ok) return server;
      const made = await panel.client(accountId, regionId);
      if (!made.ok) return made;
      // The same checks as `rdspg rds doctor`: a password-less probe learns the address the server sees.
      let seenAddress: string | null = null;
      const probe = async (to: ProbeTarget) => {
        const outcome = await probeConnection(to);
        if (!outcome.ok) seenAddress = refusedClientAddress(outcome.message);
        return outcome;
      };
      const target = {
        ...(server.value?.target ?? { host: host || null, user: user || null }),
        address: checked.value,
      };
      const doctorPorts: DoctorPorts = { probe, ...(server.value ? { attempt: server.value.attempt } : {}) };
      const resolve = resolverFor(made.value.account.kind);
      const checks = await runDoctor(made.value.client, instanceId, target, resolve, new Date(), doctorPorts);
      if (!checks.ok) return checks;
      return ok({ checks: checks.value, seenAddress });
    },
    'rds:find-instance': async ({ host }) => {
      const found = await matchHost(panel, host);
      return found.ok ? ok({ match: found.value }) : found;
    },
  };
}

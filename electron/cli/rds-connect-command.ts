import type { DatabaseAccount, WhitelistChangeResult, WhitelistGroup } from '../../shared/contract/rds-connect';
import type { RdsErrorCode } from '../../shared/rds-errors';
import type { Result } from '../../shared/result';
import { createDatabaseAccount, databaseAccountSecret, databaseAccounts } from '../rds/database-accounts';
import type { RdsClient } from '../rds/rds-client';
import { changeWhitelist, planWhitelist, whitelistGroups } from '../rds/whitelist';
import { type CliIo, failWith, usageFailure, writeJson, writeLine } from './command';
import { table } from './rds-format';
import { cliVault, promptPassword, readStdinLine, unlockForCommand } from './vault-session';

/** The usage text of the "from zero to connected" subcommands. */
export const connectUsage =
  'whitelist show ID | whitelist add ID --ip IP | whitelist remove ID --ip IP | accounts ID | ' +
  'account create ID NAME [--privileged] [--password-stdin]';

/** What the connect subcommands get from `rdspg rds`: streams, the client and the parsed flags. */
export interface ConnectRun {
  io: CliIo;
  client: RdsClient;
  values: { json?: boolean; ip?: string; privileged?: boolean; 'password-stdin'?: boolean };
}

function formatGroups(groups: WhitelistGroup[]): string {
  return table([['GROUP', 'ADDRESSES'], ...groups.map((group) => [group.name, group.ips.join(', ') || '(empty)'])]);
}

function formatAccounts(accounts: DatabaseAccount[]): string {
  if (accounts.length === 0) return 'No database accounts yet; create one with "rdspg rds account create ID NAME".';
  const kind = (type: string) => (type === 'Super' ? 'privileged' : type === 'Normal' ? 'standard' : type);
  return table([
    ['ACCOUNT', 'TYPE', 'STATUS', 'DESCRIPTION'],
    ...accounts.map((account) => [account.name, kind(account.type), account.status, account.description]),
  ]);
}

function reportResult<Value>(run: ConnectRun, result: Result<Value, RdsErrorCode>, human: (value: Value) => string) {
  if (!result.ok) return failWith(run.io, result.error);
  if (run.values.json) writeJson(run.io.stdout, result.value);
  else writeLine(run.io.stdout, human(result.value));
  return 0;
}

/** `rdspg rds whitelist show|add|remove ID [--ip IP]`: the app's changes go to the group `rdspg` only. */
export async function whitelistCommand(run: ConnectRun, action: string | undefined, id: string | undefined) {
  if (!id) return failWith(run.io, usageFailure(connectUsage, 'missing the instance ID'));
  if (action === 'show') {
    const groups = await whitelistGroups(run.client, id);
    return reportResult(run, groups, formatGroups);
  }
  if (action !== 'add' && action !== 'remove') {
    return failWith(run.io, usageFailure(connectUsage, 'whitelist takes show, add or remove'));
  }
  const ip = run.values.ip;
  if (!ip) {
    return failWith(
      run.io,
      usageFailure(connectUsage, `whitelist ${action} needs --ip IP (this computer's public address)`),
    );
  }
  const planned = await planWhitelist(run.client, id, action, ip);
  if (!planned.ok) return failWith(run.io, planned.error);
  if (!run.values.json) writeLine(run.io.stdout, describePlan(planned.value));
  const result = await changeWhitelist(run.client, id, action, ip);
  if (!result.ok) return failWith(run.io, result.error);
  if (run.values.json) writeJson(run.io.stdout, result.value);
  else
    writeLine(
      run.io.stdout,
      result.value.plan.changed ? `Done.\n${formatGroups(result.value.groups)}` : 'Nothing to change.',
    );
  return 0;
}

function describePlan({ plan }: WhitelistChangeResult): string {
  const list = (ips: string[]) => (ips.length ? ips.join(', ') : '(empty)');
  const lines = [`Whitelist group "${plan.group}":`, `  before: ${list(plan.before)}`, `  after:  ${list(plan.after)}`];
  if (plan.action === 'remove' && plan.allowedAfter) {
    lines.push(`  note: ${plan.address} stays allowed by another group, which the app leaves alone.`);
  }
  return lines.join('\n');
}

/** `rdspg rds accounts ID`: the instance's database accounts. */
export async function accountsCommand(run: ConnectRun, id: string | undefined) {
  if (!id) return failWith(run.io, usageFailure(connectUsage, 'missing the instance ID'));
  const accounts = await databaseAccounts(run.client, id);
  if (!accounts.ok || !run.values.json) return reportResult(run, accounts, formatAccounts);
  writeJson(run.io.stdout, { accounts: accounts.value });
  return 0;
}

async function passwordFor(run: ConnectRun): Promise<string | null> {
  if (run.values['password-stdin']) return readStdinLine(run.io);
  return promptPassword(run.io, 'Password of the new account: ');
}

/**
 * `rdspg rds account create ID NAME [--privileged] [--password-stdin]`: unlocks the vault first, creates the
 * account, then saves its password in the vault (never printed).
 */
export async function accountCreateCommand(run: ConnectRun, id: string | undefined, name: string | undefined) {
  if (!id || !name) return failWith(run.io, usageFailure(connectUsage, 'account create needs ID and NAME'));
  const password = await passwordFor(run);
  if (!password) {
    return failWith(run.io, {
      code: 'password_needed',
      message: 'No password given; pipe it with --password-stdin or type it at the prompt.',
    });
  }
  const vault = cliVault(run.io);
  const unlocked = await unlockForCommand(vault, run.io);
  if (!unlocked.ok) return failWith(run.io, unlocked.error);
  const type = run.values.privileged ? 'Super' : 'Normal';
  const created = await createDatabaseAccount(run.client, { instanceId: id, name, type, password });
  if (!created.ok) return failWith(run.io, created.error);
  const saved = await vault.writeSecret(databaseAccountSecret(id, name), password);
  if (!saved.ok) {
    return failWith(run.io, {
      code: saved.error.code,
      message: `The account ${name} was created, but its password could not be saved in the vault (${saved.error.message}); set a new one with ResetAccountPassword in the console.`,
    });
  }
  const value = { instanceId: id, name, type, passwordSaved: true };
  if (run.values.json) writeJson(run.io.stdout, value);
  else
    writeLine(
      run.io.stdout,
      `Created the ${type === 'Super' ? 'privileged' : 'standard'} account ${name} on ${id}; its password is in the vault.`,
    );
  return 0;
}

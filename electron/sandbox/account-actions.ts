import type { SandboxDatabaseAccount } from './connect-state';
import { type ActionBody, type ActionParameters, requireInstance } from './read-actions';
import { ServiceErrorSignal } from './service-errors';
import type { ConnectActionContext } from './whitelist-actions';

/** Names RDS PostgreSQL keeps for itself (a guess at the list: the console refuses these). */
const reservedNames = new Set(['postgres', 'root', 'admin', 'aliyun_root', 'replicator', 'public']);

/**
 * The account name rule of CreateAccount for PostgreSQL (API reference: CreateAccount): 2–63 characters, lower-case
 * letters, digits and underscores, starting with a letter and ending with a letter or digit; not `pg_` nor reserved.
 */
function checkName(name: string | undefined): string {
  if (!name) throw new ServiceErrorSignal('MissingParameter', 'AccountName');
  const shaped = /^[a-z][a-z0-9_]{0,61}[a-z0-9]$/.test(name) && !name.startsWith('pg_');
  if (!shaped || reservedNames.has(name)) throw new ServiceErrorSignal('InvalidAccountName.Malformed');
  return name;
}

/**
 * The password rule of CreateAccount / ResetAccountPassword (API reference): 8–32 characters with at least three of
 * upper-case letters, lower-case letters, digits and the special characters !@#$%^&*()_+-=.
 */
function checkPassword(password: string | undefined): string {
  if (!password) throw new ServiceErrorSignal('MissingParameter', 'AccountPassword');
  const kinds = [/[A-Z]/, /[a-z]/, /\d/, /[!@#$%^&*()_+\-=]/].filter((kind) => kind.test(password)).length;
  const allowed = /^[A-Za-z0-9!@#$%^&*()_+\-=]{8,32}$/.test(password);
  if (!allowed || kinds < 3) throw new ServiceErrorSignal('InvalidAccountPassword.Malformed');
  return password;
}

function view(instanceId: string, account: SandboxDatabaseAccount): Record<string, unknown> {
  return {
    DBInstanceId: instanceId,
    AccountName: account.name,
    AccountType: account.type,
    // DescribeAccounts documents Unavailable and Available; that a locked account shows Unavailable is a guess.
    AccountStatus: account.locked ? 'Unavailable' : 'Available',
    AccountDescription: account.description,
    DatabasePrivileges: { DatabasePrivilege: [] },
  };
}

/** DescribeAccounts: the instance's accounts, or the one named by AccountName (API reference: DescribeAccounts). */
export function describeAccounts(context: ConnectActionContext, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(context, parameters);
  const accounts = context.connect
    .of(instance)
    .accounts.filter((account) => !parameters.AccountName || account.name === parameters.AccountName);
  return { Accounts: { DBInstanceAccount: accounts.map((account) => view(instance.instanceId, account)) } };
}

/**
 * CreateAccount (API reference: CreateAccount): AccountType Normal (the default) or Super; the instance must be
 * Running. The real account shows `Unavailable` while it is created; here it is `Available` at once (a guess at
 * the timing). A taken name answers InvalidAccountName.Duplicate (from the reference's error list).
 */
export function createAccount(context: ConnectActionContext, parameters: ActionParameters): ActionBody {
  const instance = requireInstance(context, parameters);
  if (instance.status !== 'Running') throw new ServiceErrorSignal('IncorrectDBInstanceState');
  const name = checkName(parameters.AccountName);
  const type = parameters.AccountType ?? 'Normal';
  if (type !== 'Normal' && type !== 'Super') throw new ServiceErrorSignal('InvalidParameter', 'AccountType');
  const password = checkPassword(parameters.AccountPassword);
  const record = context.connect.of(instance);
  if (record.accounts.some((account) => account.name === name)) {
    throw new ServiceErrorSignal('InvalidAccountName.Duplicate');
  }
  record.accounts.push({ name, type, description: parameters.AccountDescription ?? '', password });
  return {};
}

/** ResetAccountPassword (API reference: ResetAccountPassword): a new password for an existing account. */
export function resetAccountPassword(context: ConnectActionContext, parameters: ActionParameters): ActionBody {
  const account = requireAccount(context, parameters);
  account.password = checkPassword(parameters.AccountPassword);
  return {};
}

function requireAccount(context: ConnectActionContext, parameters: ActionParameters) {
  const instance = requireInstance(context, parameters);
  if (instance.status !== 'Running') throw new ServiceErrorSignal('IncorrectDBInstanceState');
  if (!parameters.AccountName) throw new ServiceErrorSignal('MissingParameter', 'AccountName');
  const account = context.connect.of(instance).accounts.find((item) => item.name === parameters.AccountName);
  if (!account) throw new ServiceErrorSignal('InvalidAccountName.NotFound');
  return account;
}

/** LockAccount (API reference: LockAccount, PostgreSQL): a locked account cannot log on until it is unlocked. */
export function lockAccount(context: ConnectActionContext, parameters: ActionParameters): ActionBody {
  requireAccount(context, parameters).locked = true;
  return {};
}

/** UnlockAccount (API reference: UnlockAccount, PostgreSQL): the account can log on again. */
export function unlockAccount(context: ConnectActionContext, parameters: ActionParameters): ActionBody {
  requireAccount(context, parameters).locked = false;
  return {};
}

import type { CreateDatabaseAccountRequest, DatabaseAccount } from '../../shared/contract/rds-connect';
import type { RdsErrorCode } from '../../shared/rds-errors';
import type { Result } from '../../shared/result';
import type { SecretAddress } from '../../shared/vault-types';
import type { RdsClient } from './rds-client';
import { rdsSdk } from './sdk-client';

/** The vault address of a database account's password: one per instance and account name. */
export function databaseAccountSecret(instanceId: string, accountName: string): SecretAddress {
  return { ownerKind: 'rds_account', ownerId: `${instanceId}/${accountName}`, field: 'password' };
}

/** DescribeAccounts: the database accounts of an instance (names, kinds and states; never passwords). */
export function databaseAccounts(
  client: RdsClient,
  instanceId: string,
): Promise<Result<DatabaseAccount[], RdsErrorCode>> {
  return client.call(
    'DescribeAccounts',
    (sdk) => sdk.describeAccounts(new rdsSdk.DescribeAccountsRequest({ DBInstanceId: instanceId, pageSize: 100 })),
    (body: rdsSdk.DescribeAccountsResponseBody) =>
      (body.accounts?.DBInstanceAccount ?? []).map((item) => ({
        name: item.accountName ?? '',
        type: item.accountType ?? '',
        status: item.accountStatus ?? '',
        description: item.accountDescription ?? '',
      })),
  );
}

/** CreateAccount: a standard (Normal) or privileged (Super) account with the given password. */
export function createDatabaseAccount(
  client: RdsClient,
  request: CreateDatabaseAccountRequest,
): Promise<Result<null, RdsErrorCode>> {
  const sdkRequest = new rdsSdk.CreateAccountRequest({
    DBInstanceId: request.instanceId,
    accountName: request.name,
    accountPassword: request.password,
    accountType: request.type,
    ...(request.description ? { accountDescription: request.description } : {}),
  });
  return client.call(
    'CreateAccount',
    (sdk) => sdk.createAccount(sdkRequest),
    () => null,
  );
}

/** ResetAccountPassword: a new password for an existing database account. */
export function resetDatabaseAccountPassword(
  client: RdsClient,
  instanceId: string,
  accountName: string,
  password: string,
): Promise<Result<null, RdsErrorCode>> {
  const request = new rdsSdk.ResetAccountPasswordRequest({
    DBInstanceId: instanceId,
    accountName,
    accountPassword: password,
  });
  return client.call(
    'ResetAccountPassword',
    (sdk) => sdk.resetAccountPassword(request),
    () => null,
  );
}

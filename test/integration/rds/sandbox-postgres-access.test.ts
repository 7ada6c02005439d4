import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseAccount } from '../../../electron/rds/database-accounts';
import { allocatePublicEndpoint } from '../../../electron/rds/public-endpoint';
import { rdsSdk } from '../../../electron/rds/sdk-client';
import { enforceSsl } from '../../../electron/rds/ssl-enforcement';
import { changeWhitelist } from '../../../electron/rds/whitelist';
import { type StartedSandbox, startSandbox } from '../../../electron/sandbox/index';
import { sandboxClient } from './helpers';

// --postgres: the whitelist and the pg_hba entries reach the backing cluster's pg_hba.conf, accounts are roles, and
// connections arrive from "this computer" (a 127.x address the relay binds), so PostgreSQL itself names it.
const thisComputer = '127.0.0.7';
const password = 'App-passw0rd';
const wait = { timeoutMs: 30_000, intervalMs: 100 };
let started: StartedSandbox;

beforeAll(async () => {
  started = await startSandbox({ postgres: true, clientAddress: thisComputer, netChangeDelayMs: 200, fresh: true });
}, 120_000);
afterAll(async () => {
  await started?.stop();
});

/** Connects once without SSL and answers the user name, or the server's refusal; the connection is always closed. */
async function connectAs(user: string, port = started.info.postgres?.port ?? 0): Promise<string> {
  const client = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres', ssl: false });
  try {
    await client.connect();
    const rows = await client.query('SELECT current_user AS name, inet_client_addr() AS address');
    return `${rows.rows[0]?.name} from ${rows.rows[0]?.address}`;
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('sandbox --postgres access', () => {
  it('refuses this computer by its address until whitelisted, checks real passwords, locks, enforces SSL', async () => {
    const id = started.info.postgres?.instanceId ?? '';
    const client = sandboxClient(started.sandbox);
    expect(await connectAs('app_user')).toMatch(/^refused: no pg_hba\.conf entry for host "127\.0\.0\.7"/);

    expect((await changeWhitelist(client, id, 'add', thisComputer)).ok).toBe(true);
    // Whitelisted, the md5 entry asks for a password: no role yet, and postgres has no TCP way in (as on RDS).
    expect(await connectAs('app_user')).toMatch(/^refused: password authentication failed for user "app_user"/);
    expect(await connectAs('postgres')).toMatch(/^refused: password authentication failed for user "postgres"/);

    const account = { instanceId: id, name: 'app_user', type: 'Normal' as const, password };
    expect((await createDatabaseAccount(client, account)).ok).toBe(true);
    expect(await connectAs('app_user')).toBe('app_user from 127.0.0.7');

    const lock = new rdsSdk.LockAccountRequest({ DBInstanceId: id, accountName: 'app_user' });
    expect(
      (
        await client.call(
          'LockAccount',
          (sdk) => sdk.lockAccount(lock),
          () => null,
        )
      ).ok,
    ).toBe(true);
    expect(await connectAs('app_user')).toMatch(/^refused: role "app_user" is not permitted to log in/);
    const unlock = new rdsSdk.UnlockAccountRequest({ DBInstanceId: id, accountName: 'app_user' });
    expect(
      (
        await client.call(
          'UnlockAccount',
          (sdk) => sdk.unlockAccount(unlock),
          () => null,
        )
      ).ok,
    ).toBe(true);

    expect((await enforceSsl(client, id, true, wait)).ok).toBe(true);
    expect(await connectAs('app_user')).toMatch(
      /^refused: no pg_hba\.conf entry for host "127\.0\.0\.7".*no encryption/,
    );
    expect((await enforceSsl(client, id, false, wait)).ok).toBe(true);
    expect(await connectAs('app_user')).toBe('app_user from 127.0.0.7');

    expect((await changeWhitelist(client, id, 'remove', thisComputer)).ok).toBe(true);
    expect(await connectAs('app_user')).toMatch(/^refused: no pg_hba\.conf entry for host "127\.0\.0\.7"/);
  }, 120_000);

  it('starts fresh without a public endpoint; an allocated one answers on loopback through the same relay', async () => {
    const id = started.info.postgres?.instanceId ?? '';
    const instance = started.sandbox.instances.get(id);
    expect(instance?.endpoints.map((endpoint) => endpoint.ipType)).toEqual(['Private']);
    const client = sandboxClient(started.sandbox);
    const allocated = await allocatePublicEndpoint(client, id, { prefix: 'orders-public', port: 3433 }, wait);
    expect(allocated.ok).toBe(true);
    const endpoints = await client.endpoints(id);
    const pub = endpoints.ok ? endpoints.value.find((endpoint) => endpoint.kind === 'public') : undefined;
    expect(pub).toMatchObject({ host: 'orders-public.pg.rds.aliyuncs.com', port: started.info.postgres?.port });
    expect((await changeWhitelist(client, id, 'add', '127.0.0.0/24')).ok).toBe(true);
    expect(await connectAs('app_user', pub?.port)).toBe('app_user from 127.0.0.7');
  }, 120_000);
});

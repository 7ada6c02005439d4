import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseAccount } from '../../../electron/rds/database-accounts';
import { enforceSsl } from '../../../electron/rds/ssl-enforcement';
import { changeWhitelist } from '../../../electron/rds/whitelist';
import { type StartedSandbox, startSandbox } from '../../../electron/sandbox/index';
import { sandboxClient } from './helpers';

// --postgres: the whitelist and the pg_hba entries reach the backing cluster's pg_hba.conf, accounts are roles.
const thisComputer = '203.0.113.7';
let started: StartedSandbox;

beforeAll(async () => {
  started = await startSandbox({ postgres: true, clientAddress: thisComputer, netChangeDelayMs: 200 });
}, 120_000);
afterAll(async () => {
  await started?.stop();
});

/** Connects once without SSL and answers the user name, or the server's refusal; the connection is always closed. */
async function connectAs(user: string): Promise<string> {
  const port = started.info.postgres?.port ?? 0;
  const client = new pg.Client({ host: '127.0.0.1', port, user, database: 'postgres', ssl: false });
  try {
    await client.connect();
    const rows = await client.query('SELECT current_user AS name');
    return String(rows.rows[0]?.name);
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe('sandbox --postgres access', () => {
  it('refuses this computer until the whitelist holds it, makes accounts real roles and enforces SSL', async () => {
    const id = started.info.postgres?.instanceId ?? '';
    const client = sandboxClient(started.sandbox);
    expect(await connectAs('postgres')).toMatch(/^refused: .*pg_hba\.conf rejects connection/);

    const added = await changeWhitelist(client, id, 'add', thisComputer);
    expect(added.ok).toBe(true);
    expect(await connectAs('postgres')).toBe('postgres');

    const created = await createDatabaseAccount(client, {
      instanceId: id,
      name: 'app_user',
      type: 'Normal',
      password: 'App-passw0rd',
    });
    expect(created.ok).toBe(true);
    expect(await connectAs('app_user')).toBe('app_user');

    const enforced = await enforceSsl(client, id, true, { timeoutMs: 30_000, intervalMs: 100 });
    expect(enforced.ok).toBe(true);
    expect(await connectAs('app_user')).toMatch(/^refused: .*no encryption/);

    const relaxed = await enforceSsl(client, id, false, { timeoutMs: 30_000, intervalMs: 100 });
    expect(relaxed.ok).toBe(true);
    expect(await connectAs('app_user')).toBe('app_user');

    const removed = await changeWhitelist(client, id, 'remove', thisComputer);
    expect(removed.ok).toBe(true);
    expect(await connectAs('app_user')).toMatch(/^refused: /);
  }, 120_000);
});

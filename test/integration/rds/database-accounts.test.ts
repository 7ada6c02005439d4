import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDatabaseAccount,
  databaseAccounts,
  resetDatabaseAccountPassword,
} from '../../../electron/rds/database-accounts';
import { RdsSandbox } from '../../../electron/sandbox/index';
import { sandboxClient } from './helpers';

let sandbox: RdsSandbox;
const instanceId = 'pgm-bp1sandbox14rw';

beforeAll(async () => {
  sandbox = new RdsSandbox();
  await sandbox.start();
});
afterAll(async () => {
  await sandbox.close();
});

describe('database accounts through the SDK', () => {
  it('creates a standard account, lists it and resets its password; an unknown account is a coded failure', async () => {
    const client = sandboxClient(sandbox);
    const created = await createDatabaseAccount(client, {
      instanceId,
      name: 'report_reader',
      type: 'Normal',
      password: 'Read-0nly-pass',
      description: 'reports',
    });
    expect(created).toEqual({ ok: true, value: null });
    const listed = await databaseAccounts(client, instanceId);
    expect(listed).toEqual({
      ok: true,
      value: [{ name: 'report_reader', type: 'Normal', status: 'Available', description: 'reports' }],
    });

    const reset = await resetDatabaseAccountPassword(client, instanceId, 'report_reader', 'N3w-password!');
    expect(reset.ok).toBe(true);
    const record = sandbox.connect.of(sandbox.instances.get(instanceId)!);
    expect(record.accounts[0]?.password).toBe('N3w-password!');

    const unknown = await resetDatabaseAccountPassword(client, instanceId, 'nobody', 'N3w-password!');
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.error.code).toBe('invalid_parameter');
      expect(unknown.error.message).toContain('InvalidAccountName.NotFound');
      expect(unknown.error.message).toContain('rdspg rds accounts ID');
    }
  });
});

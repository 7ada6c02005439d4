import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { keychainTimeoutMs, keytarKeychain } from '../../../electron/vault/keytar-keychain';
import { Vault } from '../../../electron/vault/vault';
import { cliIo } from '../../support/cli-io';
import { dataFolder, testCost } from './vault-helpers';

const master = 'no-keychain-master';
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
});

/** A D-Bus address whose socket accepts connections and never answers: a keychain that hangs. */
async function silentBus(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'rdspg-silent-bus-')), 'bus');
  const server = createServer(() => {});
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return `unix:path=${path}`;
}

describe('without a reachable OS keychain', () => {
  it('works with the master password alone when the bus address points nowhere, and says so', async () => {
    const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/rdspg-bus' };
    const folder = dataFolder();
    const vault = new Vault({ folder, kdfCost: testCost, keychain: keytarKeychain({ env }) });
    const created = await vault.initialize(master, true);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toMatchObject({ unlocked: true, remembered: false, keychainAvailable: false });
    expect(created.value.keychainProblem).toMatch(/cannot be reached/);
    const remember = await vault.remember(true);
    expect(remember.ok ? null : remember.error.code).toBe('keychain_unavailable');
    expect(remember.ok ? '' : remember.error.message).toMatch(/master password still works/);
    await vault.writeSecret({ ownerKind: 'server', ownerId: 'a', field: 'password' }, 'still-saved');
    const later = new Vault({ folder, kdfCost: testCost, keychain: keytarKeychain({ env }) });
    expect(await later.unlockFromKeychain()).toEqual({ ok: true, value: false });
    expect((await later.unlock(master)).ok).toBe(true);
  });

  it(
    'gives up on a keychain that hangs after the bound, and the vault still unlocks',
    async () => {
      const env = { ...process.env, DBUS_SESSION_BUS_ADDRESS: await silentBus() };
      const keychain = keytarKeychain({ env });
      const availability = await keychain.availability();
      expect(availability).toEqual({
        available: false,
        problem: `the OS keychain cannot be reached: it did not answer within ${keychainTimeoutMs / 1000} s`,
      });
      const vault = new Vault({ folder: dataFolder(), kdfCost: testCost, keychain });
      const created = await vault.initialize(master, true);
      expect(created.ok && created.value.keychainAvailable).toBe(false);
      expect(await keychain.get('RDS PG Connect', 'anything')).toBeNull();
    },
    // The test's own timeout is the bound: the probe (3 s) plus start-up, far below D-Bus's 25 s default.
    keychainTimeoutMs + 4000,
  );

  it('prints in the CLI that the vault works with the master password alone', async () => {
    const env = {
      ...process.env,
      RDSPG_HOME: dataFolder(),
      RDSPG_MASTER_PASSWORD: master,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/rdspg-bus',
    };
    const status = cliIo(env);
    expect(await runCli(['vault', 'status'], status.io)).toBe(0);
    expect(status.stdout()).toMatch(/OS keychain: not available .*the vault works with the master password alone/);
    const remember = cliIo(env);
    expect(await runCli(['vault', 'remember', 'on'], remember.io)).toBe(1);
    expect(remember.stderr()).toMatch(/^error \[vault_missing\]/);
  });
});

import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { appName } from '../../../electron/platform/app-home';
import { type KeytarModule, keytarKeychain } from '../../../electron/vault/keytar-keychain';
import { Vault } from '../../../electron/vault/vault';
import { cliIo } from '../../support/cli-io';
import { type KeyringSession, startKeyringSession } from '../../support/keyring-session';
import { dataFolder, filesHolding, testCost } from './vault-helpers';

const keytar = createRequire(import.meta.url)('keytar') as KeytarModule;
let session: KeyringSession;
beforeAll(async () => {
  session = await startKeyringSession();
  // keytar (libsecret) reads the bus address from this process's environment on its first call.
  process.env.DBUS_SESSION_BUS_ADDRESS = session.address;
});
afterAll(() => session?.stop());

const master = 'keyring-master-pass';
const address = { ownerKind: 'server' as const, ownerId: 'srv-1', field: 'password' };

function vaultIn(folder: string): Vault {
  return new Vault({ folder, kdfCost: testCost, keychain: keytarKeychain() });
}

async function vaultId(folder: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(`${folder}/vault.json`, 'utf8')).id;
}

describe('remember on this device, with a real gnome-keyring', () => {
  it('stores the vault key (not the master password) under the app name and the vault id', async () => {
    const folder = dataFolder();
    const vault = vaultIn(folder);
    const created = await vault.initialize(master, true);
    expect(created.ok && created.value).toMatchObject({ remembered: true, keychainAvailable: true });
    await vault.writeSecret(address, 'remembered-db-secret');
    const stored = await keytar.getPassword(appName, await vaultId(folder));
    expect(stored).not.toBeNull();
    expect(stored).not.toContain(master);
    expect(Buffer.from(stored!, 'base64')).toHaveLength(32);
    expect(filesHolding(folder, ['remembered-db-secret', master, stored!])).toEqual([]);

    const nextStart = vaultIn(folder);
    expect(await nextStart.unlockFromKeychain()).toEqual({ ok: true, value: true });
    expect(await nextStart.readSecret(address)).toEqual({ ok: true, value: 'remembered-db-secret' });
  });

  it('turning it off deletes the entry, and the next start needs the master password', async () => {
    const folder = dataFolder();
    const vault = vaultIn(folder);
    await vault.initialize(master, true);
    const off = await vault.remember(false);
    expect(off.ok && off.value.remembered).toBe(false);
    expect(await keytar.getPassword(appName, await vaultId(folder))).toBeNull();
    expect(await vaultIn(folder).unlockFromKeychain()).toEqual({ ok: true, value: false });
  });

  it('reset deletes the remembered key of the old vault', async () => {
    const folder = dataFolder();
    const vault = vaultIn(folder);
    await vault.initialize(master, true);
    const oldId = await vaultId(folder);
    expect((await vault.reset('brand-new-master')).ok).toBe(true);
    expect(await keytar.getPassword(appName, oldId)).toBeNull();
  });

  it('lets the CLI save and list a password without asking once the key is remembered', async () => {
    const folder = dataFolder();
    const env = { ...process.env, RDSPG_HOME: folder, RDSPG_MASTER_PASSWORD: master };
    const init = cliIo(env);
    expect(await runCli(['vault', 'init', '--remember', '--json'], init.io)).toBe(0);
    expect(JSON.parse(init.stdout()).status).toMatchObject({ remembered: true, keychainAvailable: true });
    const { RDSPG_MASTER_PASSWORD: _unused, ...withoutPassword } = env;
    const add = cliIo(withoutPassword, 'cli-db-secret\n');
    expect(
      await runCli(
        ['servers', 'add', 'kc', 'host=db.example.com user=app', '--save-password', '--password-stdin'],
        add.io,
      ),
    ).toBe(0);
    expect(add.stderr()).not.toContain('Master password');
    const lock = cliIo(withoutPassword);
    expect(await runCli(['vault', 'lock'], lock.io)).toBe(0);
    const again = cliIo(withoutPassword, '');
    expect(await runCli(['servers', 'edit', 'kc', '--save-password', '--password-stdin'], again.io)).not.toBe(0);
    expect(filesHolding(folder, ['cli-db-secret', master])).toEqual([]);
  });
});

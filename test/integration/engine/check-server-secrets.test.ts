import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerRegistry } from '../../../electron/registry/server-registry';
import { type PasswordTrap, startPasswordTrap } from '../../support/password-trap';
import { runCli } from '../../support/run-cli';
import { dataFolder, testVault } from '../vault/vault-helpers';

// `rdspg check --server NAME CONNINFO`: the typed conninfo may send the saved server elsewhere; its saved password
// goes only where it was saved for (the same rule as the app's Test connection).
const master = 'check-server-master';
let folder: string;
let saved: PasswordTrap;
let other: PasswordTrap;

beforeAll(async () => {
  saved = await startPasswordTrap();
  other = await startPasswordTrap();
  folder = dataFolder();
  const vault = testVault(folder);
  expect((await vault.initialize(master)).ok).toBe(true);
  const created = await new ServerRegistry({ folder }).create({
    name: 'prod',
    host: '127.0.0.1',
    port: saved.port,
    username: 'app',
    maintenanceDatabase: 'app',
    savePassword: true,
    parameters: [{ keyword: 'sslmode', value: 'disable' }],
  });
  if (!created.ok) throw new Error(created.error.message);
  const written = await vault.writeSecret({ ownerKind: 'server', ownerId: created.value.id, field: 'password' }, 'pw');
  expect(written.ok).toBe(true);
});

afterAll(async () => {
  await saved.close();
  await other.close();
});

const env = () => ({ HOME: folder, RDSPG_HOME: folder, RDSPG_KEYCHAIN: 'off', RDSPG_MASTER_PASSWORD: master });

describe('rdspg check --server with a typed conninfo', () => {
  it('sends the saved password to the saved host, port and user', async () => {
    const run = await runCli(['check', '--server', 'prod', 'connect_timeout=5'], { env: env() });
    expect(run.status).toBe(1);
    expect(saved.captured).toEqual(['pw']);
  });

  it('never sends it to another port or user; the typed conninfo must give its own password', async () => {
    const moved = await runCli(['check', '--server', 'prod', `port=${other.port}`], { env: env() });
    expect(moved.status).toBe(1);
    expect(moved.stderr).toContain('saved_password_elsewhere');
    const renamed = await runCli(['check', '--server', 'prod', 'user=admin'], { env: env() });
    expect(renamed.status).toBe(1);
    expect(other.captured).toEqual([]);
    expect(saved.captured).toEqual(['pw']);
    const typed = await runCli(['check', '--server', 'prod', `port=${other.port} password=typed`], { env: env() });
    expect(typed.status).toBe(1);
    expect(other.captured).toEqual(['typed']);
  });
});

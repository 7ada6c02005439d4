import { spawn } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatSavedAt } from '../../../electron/platform/last-good-copy';
import { ServerRegistry } from '../../../electron/registry/server-registry';
import { dataFolder, testVault } from './vault-helpers';

const master = 'damage-cli-master';
const exitBoundMs = 15_000;
let folder: string;
let serverId: string;

/** Runs the built CLI (node dist/rdspg.cjs) and asserts that it exits within the bound. */
async function rdspg(args: string[], input = ''): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['dist/rdspg.cjs', ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: folder,
      RDSPG_HOME: folder,
      RDSPG_KEYCHAIN: 'off',
      RDSPG_MASTER_PASSWORD: master,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(input);
  const timer = setTimeout(() => child.kill('SIGKILL'), exitBoundMs);
  const [status, signal] = await new Promise<[number | null, string | null]>((resolve) =>
    child.on('close', (code, killed) => resolve([code, killed])),
  );
  clearTimeout(timer);
  expect(signal, `rdspg ${args.join(' ')} did not exit within ${exitBoundMs} ms`).toBe(null);
  return { status, stdout, stderr };
}

/** vault.json with one letter of a JSON key flipped, as in the issue. */
function damageVault(): string {
  const path = `${folder}/vault.json`;
  writeFileSync(path, readFileSync(path, 'utf8').replace('"ownerKind"', '"oWnerKind"'));
  return readFileSync(path, 'utf8');
}

/** The words every damage message must carry: the code, the backup with its date, the restore command. */
function expectDamageNamed(text: string) {
  const savedAt = statSync(`${folder}/vault.json.bak`).mtimeMs;
  expect(text).toContain('vault_corrupt');
  expect(text).toContain(`${folder}/vault.json.bak was saved at ${formatSavedAt(savedAt)}`);
  expect(text).toContain('rdspg vault restore');
}

beforeEach(async () => {
  folder = dataFolder();
  const vault = testVault(folder);
  expect((await vault.initialize(master)).ok).toBe(true);
  const created = await new ServerRegistry({ folder }).create({
    name: 'prod',
    host: '127.0.0.1',
    port: 1,
    username: 'app',
    savePassword: true,
  });
  serverId = created.ok ? created.value.id : '';
  expect((await vault.writeSecret({ ownerKind: 'server', ownerId: serverId, field: 'password' }, 'db-pw')).ok).toBe(
    true,
  );
});

describe('a damaged vault.json, through the real CLI', () => {
  it('rdspg vault status says damaged with vault_corrupt and the backup, and fails', async () => {
    damageVault();
    const text = await rdspg(['vault', 'status']);
    expect(text.status).toBe(1);
    expectDamageNamed(text.stdout);
    const json = await rdspg(['vault', 'status', '--json']);
    expect(json.status).toBe(1);
    const answer = JSON.parse(json.stdout);
    expect(answer).toMatchObject({ ok: false, error: { code: 'vault_corrupt' } });
    expect(answer.status.damage.backupSavedAt).toBe(statSync(`${folder}/vault.json.bak`).mtimeMs);
  });

  it('rdspg servers list and show refuse with vault_corrupt instead of "not saved"', async () => {
    damageVault();
    for (const args of [
      ['servers', 'list'],
      ['servers', 'show', 'prod'],
      ['servers', 'list', '--json'],
    ]) {
      const run = await rdspg(args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stdout).not.toContain('not saved');
      expectDamageNamed(run.stderr);
    }
  });

  it('rdspg check --server refuses with vault_corrupt before connecting, and exits', async () => {
    damageVault();
    const run = await rdspg(['check', '--server', 'prod']);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain('password_required');
    expect(run.stderr).not.toContain('connection_refused');
    expectDamageNamed(run.stderr);
  });

  it('rdspg rds with an app profile refuses with vault_corrupt, not "credentials missing"', async () => {
    const profile = { name: 'work', accessKeyId: 'LTAI-id', regionId: 'cn-hangzhou', secretReference: 'work' };
    writeFileSync(`${folder}/rds-profiles.json`, JSON.stringify({ profiles: [profile] }));
    damageVault();
    const run = await rdspg(['rds', 'regions', '--profile', 'work', '--endpoint', 'http://127.0.0.1:1']);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain('credentials_missing');
    expectDamageNamed(run.stderr);
  });

  it('rdspg vault restore brings back the saved password; a damaged backup is refused', async () => {
    const damaged = damageVault();
    const good = readFileSync(`${folder}/vault.json.bak`, 'utf8');
    writeFileSync(`${folder}/vault.json.bak`, damaged);
    const refused = await rdspg(['vault', 'restore']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('backup_corrupt');
    expect(readFileSync(`${folder}/vault.json`, 'utf8')).toBe(damaged);
    writeFileSync(`${folder}/vault.json.bak`, good);
    const restored = await rdspg(['vault', 'restore']);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain(`Restored the vault from its last good copy ${folder}/vault.json.bak`);
    const shown = await rdspg(['servers', 'show', 'prod']);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('password: saved in the vault');
    const vault = testVault(folder);
    expect((await vault.unlock(master)).ok).toBe(true);
    expect(await vault.readSecret({ ownerKind: 'server', ownerId: serverId, field: 'password' })).toEqual({
      ok: true,
      value: 'db-pw',
    });
  });

  it('rdspg servers restore brings back a damaged servers.json', async () => {
    const path = `${folder}/servers.json`;
    writeFileSync(path, '{"schemaVersion": 2, "groups": [');
    const listed = await rdspg(['servers', 'list']);
    expect(listed.status).toBe(1);
    expect(listed.stderr).toContain('registry_corrupt');
    expect(listed.stderr).toContain(`${path}.bak was saved at`);
    expect(listed.stderr).toContain('rdspg servers restore');
    const restored = await rdspg(['servers', 'restore']);
    expect(restored.status).toBe(0);
    const again = await rdspg(['servers', 'list']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('prod');
  });

  it('rdspg vault reset without --yes changes nothing unless RESET is typed', async () => {
    const before = readFileSync(`${folder}/vault.json`, 'utf8');
    const refused = await rdspg(['vault', 'reset'], 'reset\n');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('reset_not_confirmed');
    expect(readFileSync(`${folder}/vault.json`, 'utf8')).toBe(before);
  });
});

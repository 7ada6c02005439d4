import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSavedAt } from '../../../electron/platform/last-good-copy';
import { ServerRegistry } from '../../../electron/registry/server-registry';
import { serializeVault } from '../../../electron/vault/vault-file';
import { VaultStorage } from '../../../electron/vault/vault-storage';
import { dataFolder, testVault } from './vault-helpers';

const master = 'backup-master-password';
const address = { ownerKind: 'server' as const, ownerId: 'server-1', field: 'password' };

/** A vault with one saved password; the damage the issue reproduces: one letter of a JSON key flipped. */
async function damagedVault() {
  const folder = dataFolder();
  const vault = testVault(folder);
  expect((await vault.initialize(master)).ok).toBe(true);
  expect((await vault.writeSecret(address, 'saved-db-password')).ok).toBe(true);
  const path = `${folder}/vault.json`;
  const good = readFileSync(path, 'utf8');
  writeFileSync(path, good.replace('"ownerKind"', '"oWnerKind"'));
  return { folder, path, good };
}

describe("the vault's last good copy", () => {
  it('is written after each verified write: the same bytes as vault.json, 0600', async () => {
    const folder = dataFolder();
    const vault = testVault(folder);
    await vault.initialize(master);
    await vault.writeSecret(address, 'first');
    const path = `${folder}/vault.json`;
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(readFileSync(path, 'utf8'));
    expect(statSync(`${path}.bak`).mode & 0o777).toBe(0o600);
  });

  it('is never replaced by a damaged or foreign-signed file', async () => {
    const folder = dataFolder();
    const vault = testVault(folder);
    await vault.initialize(master);
    await vault.writeSecret(address, 'kept');
    const path = `${folder}/vault.json`;
    const good = readFileSync(`${path}.bak`, 'utf8');
    const storage = new VaultStorage(folder);
    const key = (vault as unknown as { key: Buffer }).key;
    await storage.writeVault(good.replace('"ownerKind"', '"oWnerKind"'), key);
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(good);
    const document = JSON.parse(good);
    await storage.writeVault(serializeVault(document, Buffer.alloc(32, 7)), key);
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(good);
  });

  it('a damaged vault says so on every read: status, hasSecret, savedSecrets, deleteSecrets', async () => {
    const { folder, path } = await damagedVault();
    const vault = testVault(folder);
    const status = await vault.status();
    const savedAt = statSync(`${path}.bak`).mtimeMs;
    expect(status.damage).toMatchObject({ code: 'vault_corrupt', backupPath: `${path}.bak`, backupSavedAt: savedAt });
    expect(status.damage?.message).toContain(`${path}.bak was saved at ${formatSavedAt(savedAt)}`);
    expect(status.damage?.message).toContain('rdspg vault restore');
    for (const answer of [
      await vault.hasSecret(address),
      await vault.savedSecrets('server'),
      await vault.deleteSecrets('server', 'server-1'),
    ]) {
      expect(answer.ok ? null : answer.error.code).toBe('vault_corrupt');
    }
  });

  it('restore brings back the saved secrets', async () => {
    const { folder, path, good } = await damagedVault();
    const vault = testVault(folder);
    const restored = await vault.restore();
    expect(restored.ok && restored.value.status.damage).toBe(null);
    expect(readFileSync(path, 'utf8')).toBe(good);
    expect((await vault.unlock(master)).ok).toBe(true);
    expect(await vault.readSecret(address)).toEqual({ ok: true, value: 'saved-db-password' });
  });

  it('restore refuses a damaged or missing copy and changes nothing', async () => {
    const { folder, path } = await damagedVault();
    const damaged = readFileSync(path, 'utf8');
    writeFileSync(`${path}.bak`, damaged);
    const vault = testVault(folder);
    expect((await vault.status()).damage?.message).toContain('is damaged too');
    const refused = await vault.restore();
    expect(refused.ok ? null : refused.error.code).toBe('backup_corrupt');
    expect(readFileSync(path, 'utf8')).toBe(damaged);
    const empty = dataFolder();
    writeFileSync(`${empty}/vault.json`, damaged);
    const missing = await testVault(empty).restore();
    expect(missing.ok ? null : missing.error.code).toBe('backup_missing');
  });

  it('restore refuses a vault that is not damaged: the secrets saved since the copy are kept', async () => {
    const { folder, path } = await damagedVault();
    const vault = testVault(folder);
    expect((await vault.restore()).ok).toBe(true);
    expect((await vault.unlock(master)).ok).toBe(true);
    expect((await vault.writeSecret({ ...address, ownerId: 'server-2' }, 'newer-password')).ok).toBe(true);
    const sound = readFileSync(path, 'utf8');
    const refused = await vault.restore();
    expect(refused.ok ? null : refused.error.code).toBe('not_damaged');
    expect(readFileSync(path, 'utf8')).toBe(sound);
    expect(await vault.readSecret({ ...address, ownerId: 'server-2' })).toEqual({ ok: true, value: 'newer-password' });
  });
});

describe("servers.json's last good copy", () => {
  it('is kept, named with its date when servers.json is damaged, restored, and never replaced by a damaged one', async () => {
    const folder = dataFolder();
    const registry = new ServerRegistry({ folder });
    expect((await registry.create({ name: 'prod', host: 'db.example.com', username: 'app' })).ok).toBe(true);
    const path = `${folder}/servers.json`;
    const good = readFileSync(path, 'utf8');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(good);
    expect(statSync(`${path}.bak`).mode & 0o777).toBe(0o600);
    writeFileSync(path, good.replace('"servers"', '"sErvers"'));
    const listed = await registry.list();
    const savedAt = statSync(`${path}.bak`).mtimeMs;
    expect(listed.ok ? null : listed.error.code).toBe('registry_corrupt');
    expect(listed.ok ? '' : listed.error.message).toContain(`${path}.bak was saved at ${formatSavedAt(savedAt)}`);
    expect(listed.ok ? '' : listed.error.message).toContain('rdspg servers restore');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(good);
    const restored = await registry.restore();
    expect(restored).toEqual({ ok: true, value: { path: `${path}.bak`, savedAt } });
    expect((await registry.get('prod')).ok).toBe(true);
    expect((await registry.create({ name: 'newer', host: 'db2.example.com', username: 'app' })).ok).toBe(true);
    const sound = readFileSync(path, 'utf8');
    const notDamaged = await registry.restore();
    expect(notDamaged.ok ? null : notDamaged.error.code).toBe('not_damaged');
    expect(readFileSync(path, 'utf8')).toBe(sound);
    writeFileSync(path, '{');
    writeFileSync(`${path}.bak`, '{');
    const refused = await registry.restore();
    expect(refused.ok ? null : refused.error.code).toBe('backup_corrupt');
    expect(readFileSync(path, 'utf8')).toBe('{');
  });

  it('after a change is the file that change replaced (read back sound), a file of its own, never a damaged one', async () => {
    const folder = dataFolder();
    const registry = new ServerRegistry({ folder });
    expect((await registry.create({ name: 'prod', host: 'db.example.com', username: 'app' })).ok).toBe(true);
    const path = `${folder}/servers.json`;
    const before = readFileSync(path, 'utf8');
    expect((await registry.create({ name: 'stage', host: 'db2.example.com', username: 'app' })).ok).toBe(true);
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(before);
    expect(statSync(`${path}.bak`).ino).not.toBe(statSync(path).ino);
    expect(statSync(`${path}.bak`).mode & 0o777).toBe(0o600);
    // Damage in place (as an editor saving over the file would) leaves the copy intact, and no change goes through.
    writeFileSync(path, readFileSync(path, 'utf8').replace('"servers"', '"sErvers"'));
    const refused = await registry.create({ name: 'dev', host: 'db3.example.com', username: 'app' });
    expect(refused.ok ? null : refused.error.code).toBe('registry_corrupt');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(before);
    expect((await registry.restore()).ok).toBe(true);
    expect((await registry.get('prod')).ok).toBe(true);
    expect((await registry.get('stage')).ok).toBe(false);
  });
});

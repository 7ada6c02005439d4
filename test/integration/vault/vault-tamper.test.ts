import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataFolder, filesUnder, testVault } from './vault-helpers';

const master = 'tamper-proof-master';

describe('a damaged or tampered vault file', () => {
  it('is detected on unlock for every single flipped byte, and nothing is overwritten', async () => {
    const folder = dataFolder();
    const vault = testVault(folder);
    await vault.initialize(master);
    await vault.writeSecret({ ownerKind: 'server', ownerId: 's1', field: 'password' }, 'flip-secret-1');
    const path = `${folder}/vault.json`;
    const original = readFileSync(path);
    const before = filesUnder(folder);
    let detected = 0;
    for (let index = 0; index < original.length; index++) {
      const damaged = Buffer.from(original);
      damaged[index] = damaged[index]! ^ (1 << (index % 8));
      writeFileSync(path, damaged);
      const result = await testVault(folder).unlock(master);
      expect(result.ok, `byte ${index} flipped went unnoticed`).toBe(false);
      if (!result.ok && result.error.code === 'vault_corrupt') detected++;
      expect(readFileSync(path).equals(damaged)).toBe(true);
    }
    expect(detected).toBe(original.length);
    writeFileSync(path, original);
    expect(filesUnder(folder).map((file) => [file.path, file.bytes.toString('hex')])).toEqual(
      before.map((file) => [file.path, file.bytes.toString('hex')]),
    );
    expect((await testVault(folder).unlock(master)).ok).toBe(true);
  });

  it('fails to decrypt a ciphertext moved to another server', async () => {
    const folder = dataFolder();
    const vault = testVault(folder);
    await vault.initialize(master);
    await vault.writeSecret({ ownerKind: 'server', ownerId: 'alpha', field: 'password' }, 'alpha-secret');
    await vault.writeSecret({ ownerKind: 'server', ownerId: 'beta', field: 'password' }, 'beta-secret');
    const document = JSON.parse(readFileSync(`${folder}/vault.json`, 'utf8'));
    const [alpha, beta] = document.secrets;
    [beta.iv, beta.data] = [alpha.iv, alpha.data];
    // Re-sign as an attacker holding the key would; the owner binding (associated data) still refuses.
    const { serializeVault } = await import('../../../electron/vault/vault-file');
    const key = (vault as unknown as { key: Buffer }).key;
    writeFileSync(`${folder}/vault.json`, serializeVault(document, key));
    const read = await vault.readSecret({ ownerKind: 'server', ownerId: 'beta', field: 'password' });
    expect(read.ok ? null : read.error.code).toBe('vault_corrupt');
    expect(await vault.readSecret({ ownerKind: 'server', ownerId: 'alpha', field: 'password' })).toEqual({
      ok: true,
      value: 'alpha-secret',
    });
  });
});

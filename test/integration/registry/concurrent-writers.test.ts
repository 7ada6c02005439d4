import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ServerRegistry } from '../../../electron/registry/server-registry';
import { Vault } from '../../../electron/vault/vault';
import { bundleRegistryChild } from './child-bundle';

const run = promisify(execFile);
let child: string;
beforeAll(async () => {
  child = await bundleRegistryChild();
});

describe('two processes writing at once', () => {
  it('keep every server each of them added to the registry', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rdspg-concurrent-'));
    await Promise.all(
      ['left', 'right'].map((label) => run(process.execPath, [child, 'add-servers', folder, label, '40'])),
    );
    const loaded = await new ServerRegistry({ folder }).list();
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const names = new Set(loaded.value.servers.map((server) => server.name));
    expect(names.size).toBe(80);
    for (let index = 0; index < 40; index++) {
      expect(names.has(`left-${index}`)).toBe(true);
      expect(names.has(`right-${index}`)).toBe(true);
    }
  });

  it('keep every secret each of them saved in the vault', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'rdspg-concurrent-vault-'));
    const vault = new Vault({ folder, kdfCost: { N: 1024, r: 8, p: 1 } });
    expect((await vault.initialize('concurrent master password')).ok).toBe(true);
    await Promise.all(
      ['left', 'right'].map((label) => run(process.execPath, [child, 'add-secrets', folder, label, '25'])),
    );
    const saved = await vault.savedSecrets('server');
    expect(saved.ok && saved.value).toHaveLength(50);
    for (const label of ['left', 'right']) {
      for (let index = 0; index < 25; index += 6) {
        const secret = await vault.readSecret({ ownerKind: 'server', ownerId: `${label}-${index}`, field: 'password' });
        expect(secret).toEqual({ ok: true, value: `pw-${label}-${index}` });
      }
    }
  });
});

// A separate process for the crash and concurrency tests (bundled by esbuild, run with plain node).
import { RegistryFile } from '../../../electron/registry/registry-file';
import { ServerRegistry } from '../../../electron/registry/server-registry';
import { Vault } from '../../../electron/vault/vault';
import { ok } from '../../../shared/result';

const [mode, folder, label, countText] = process.argv.slice(2) as [string, string, string, string];

async function saveForever(): Promise<void> {
  const file = new RegistryFile(folder);
  for (;;) {
    const saved = await file.update((data) => {
      const counter = data.servers.length ? Number(data.servers[0]!.comments) + 1 : 0;
      const servers = Array.from({ length: 200 }, (_, index) => ({
        id: `id-${index}`,
        name: `server ${index}`,
        group: 'Servers',
        background: '',
        foreground: '',
        comments: String(counter),
        host: `host-${index}.example.com`,
        port: 5432,
        maintenanceDatabase: 'postgres',
        username: 'app',
        savePassword: false,
        parameters: [
          { keyword: 'sslmode', value: 'verify-full' },
          { keyword: 'sslrootcert', value: '/ca.pem' },
        ],
      }));
      return ok({ data: { ...data, servers }, value: counter });
    });
    if (!saved.ok) throw new Error(saved.error.message);
    process.stdout.write(`${saved.value}\n`);
  }
}

async function addServers(): Promise<void> {
  const registry = new ServerRegistry({ folder });
  for (let index = 0; index < Number(countText); index++) {
    const created = await registry.create({ name: `${label}-${index}`, host: 'db.example.com', username: 'app' });
    if (!created.ok) throw new Error(created.error.message);
  }
}

async function addSecrets(): Promise<void> {
  const vault = new Vault({ folder, kdfCost: { N: 1024, r: 8, p: 1 } });
  const unlocked = await vault.unlock('concurrent master password');
  if (!unlocked.ok) throw new Error(unlocked.error.message);
  for (let index = 0; index < Number(countText); index++) {
    const written = await vault.writeSecret(
      { ownerKind: 'server', ownerId: `${label}-${index}`, field: 'password' },
      `pw-${label}-${index}`,
    );
    if (!written.ok) throw new Error(written.error.message);
  }
}

const run = mode === 'save-forever' ? saveForever : mode === 'add-servers' ? addServers : addSecrets;
run().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});

// In-memory stand-ins for the app's ports (electron/app/ports.ts), so that the handlers' branches run in
// milliseconds in the unit tier. The real vault, registry and engine keep their own integration tests.
import type { EnginePort, EngineRequest, RegistryPort, VaultPort } from '../../electron/app/ports';
import type { SecretVault } from '../../electron/saved-servers/saved-servers';
import type { ConnectionFacts } from '../../shared/contract/connection';
import type { VaultStatus } from '../../shared/contract/vault';
import { fail, ok, type Result } from '../../shared/result';
import type { RegistryErrorCode, SavedServer, ServerFields } from '../../shared/server-schema';
import type { SecretAddress, SecretOwnerKind, VaultErrorCode } from '../../shared/vault-types';

/** What the in-memory vault simulates: a locked vault, a damaged file, or writes that fail. */
export interface FakeVaultState {
  unlocked: boolean;
  corrupt: boolean;
  /** Every writeSecret fails with vault_locked, even while unlocked (a vault locked in between). */
  failWrites: boolean;
}

function keyOf(address: SecretAddress): string {
  return `${address.ownerKind}\u0000${address.ownerId}\u0000${address.field}`;
}

/** An in-memory vault with the master password `master password`; flip `state` to simulate locked or damaged. */
export class FakeVault implements VaultPort, SecretVault {
  readonly state: FakeVaultState = { unlocked: true, corrupt: false, failWrites: false };
  readonly secrets = new Map<string, { address: SecretAddress; value: string }>();

  /** `calls` gets every secret call in order (`vault.method`); share it with a FakeRegistry to see what ran first. */
  constructor(readonly calls: string[] = []) {}

  private readable<V>(method: string, value: () => V, needsUnlock = true): Result<V, VaultErrorCode> {
    this.calls.push(`vault.${method}`);
    if (this.state.corrupt) return fail('vault_corrupt', 'the vault file is damaged; restore its last good copy.');
    if (needsUnlock && !this.state.unlocked) return fail('vault_locked', 'unlock the vault first.');
    return ok(value());
  }

  async status(): Promise<VaultStatus> {
    return {
      initialized: true,
      unlocked: this.state.unlocked && !this.state.corrupt,
      remembered: false,
      keychainAvailable: false,
      keychainProblem: 'no keychain in tests',
      failedAttempts: 0,
      retryAt: null,
      damage: this.state.corrupt
        ? { code: 'vault_corrupt', message: 'the vault file is damaged.', backupPath: null, backupSavedAt: null }
        : null,
    };
  }
  async initialize(): Promise<Result<VaultStatus, VaultErrorCode>> {
    return fail('vault_exists', 'the vault is already set up.');
  }
  async unlock(password: string): Promise<Result<VaultStatus, VaultErrorCode>> {
    if (password !== 'master password') return fail('wrong_password', 'the master password is wrong; try again.');
    this.state.unlocked = true;
    return ok(await this.status());
  }
  lock(): void {
    this.state.unlocked = false;
  }
  async unlockFromKeychain(): Promise<Result<boolean, VaultErrorCode>> {
    return ok(false);
  }
  async change(): Promise<Result<VaultStatus, VaultErrorCode>> {
    return fail('keychain_unavailable', 'not simulated in memory.');
  }
  async reset(): Promise<Result<{ status: VaultStatus; deletedSecrets: number }, VaultErrorCode>> {
    return fail('keychain_unavailable', 'not simulated in memory.');
  }
  async remember(): Promise<Result<VaultStatus, VaultErrorCode>> {
    return fail('keychain_unavailable', 'not simulated in memory.');
  }
  async restore(): Promise<
    Result<{ status: VaultStatus; restoredFrom: { path: string; savedAt: number } }, VaultErrorCode>
  > {
    return fail('backup_missing', 'there is no last good copy in memory.');
  }
  async hasSecret(address: SecretAddress): Promise<Result<boolean, VaultErrorCode>> {
    return this.readable('hasSecret', () => this.secrets.has(keyOf(address)), false);
  }
  async savedSecrets(ownerKind?: SecretOwnerKind): Promise<Result<SecretAddress[], VaultErrorCode>> {
    const all = () => [...this.secrets.values()].map((entry) => entry.address);
    return this.readable('savedSecrets', () => all().filter((a) => !ownerKind || a.ownerKind === ownerKind), false);
  }
  async readSecret(address: SecretAddress): Promise<Result<string | null, VaultErrorCode>> {
    return this.readable('readSecret', () => this.secrets.get(keyOf(address))?.value ?? null);
  }
  async writeSecret(address: SecretAddress, value: string): Promise<Result<void, VaultErrorCode>> {
    if (this.state.failWrites) return fail('vault_locked', 'the vault locked before the secret was saved.');
    return this.readable('writeSecret', () => {
      this.secrets.set(keyOf(address), { address, value });
    });
  }
  async deleteSecrets(
    ownerKind: SecretOwnerKind,
    ownerId: string,
    field?: string,
  ): Promise<Result<number, VaultErrorCode>> {
    return this.readable(`deleteSecrets:${field ?? '*'}`, () => {
      const gone = [...this.secrets.entries()].filter(
        ([, { address }]) =>
          address.ownerKind === ownerKind && address.ownerId === ownerId && (!field || address.field === field),
      );
      for (const [key] of gone) this.secrets.delete(key);
      return gone.length;
    });
  }
}

/** An in-memory registry of saved servers with the real one's Result shapes (names unique, ids stable). */
export class FakeRegistry implements RegistryPort {
  readonly servers = new Map<string, SavedServer>();
  private nextId = 1;

  /** `calls` gets every call in order (`registry.method`); share it with a FakeVault to see what ran first. */
  constructor(readonly calls: string[] = []) {}

  private find(nameOrId: string): SavedServer | undefined {
    return this.servers.get(nameOrId) ?? [...this.servers.values()].find((server) => server.name === nameOrId);
  }
  private notFound(nameOrId: string) {
    return fail('server_not_found' as const, `no saved server is called ${nameOrId}; see rdspg servers list.`);
  }

  async list(): Promise<Result<{ groups: string[]; servers: SavedServer[] }, RegistryErrorCode>> {
    this.calls.push('registry.list');
    const servers = [...this.servers.values()];
    return ok({ groups: [...new Set(servers.map((server) => server.group))], servers });
  }
  async get(id: string): Promise<Result<SavedServer, RegistryErrorCode>> {
    this.calls.push('registry.get');
    const found = this.find(id);
    return found ? ok(found) : this.notFound(id);
  }
  async create(fields: ServerFields): Promise<Result<SavedServer, RegistryErrorCode>> {
    this.calls.push('registry.create');
    if (this.find(fields.name)) return fail('duplicate_name', `a server is already called ${fields.name}.`);
    const server = { ...fields, id: `server-${this.nextId++}` };
    this.servers.set(server.id, server);
    return ok(server);
  }
  async update(id: string, fields: ServerFields): Promise<Result<SavedServer, RegistryErrorCode>> {
    this.calls.push('registry.update');
    if (!this.servers.has(id)) return this.notFound(id);
    const server = { ...fields, id };
    this.servers.set(id, server);
    return ok(server);
  }
  async remove(id: string): Promise<Result<unknown, RegistryErrorCode>> {
    this.calls.push('registry.remove');
    const found = this.find(id);
    if (!found) return this.notFound(id);
    this.servers.delete(found.id);
    return ok(found);
  }
  async restore(): Promise<Result<{ path: string; savedAt: number }, RegistryErrorCode>> {
    return fail('backup_missing', 'there is no last good copy in memory.');
  }
  async createGroup(name: string): Promise<Result<string, RegistryErrorCode>> {
    return ok(name);
  }
  async renameGroup(_from: string, to: string): Promise<Result<string, RegistryErrorCode>> {
    return ok(to);
  }
  async removeGroup(name: string): Promise<Result<{ group: string; moved: number }, RegistryErrorCode>> {
    return ok({ group: name, moved: 0 });
  }
}

/** An engine that connects nowhere: it records every request and answers with the facts of its keywords. */
export class RecordingEngine implements EnginePort {
  readonly requests: EngineRequest[] = [];

  private facts(request: EngineRequest): ConnectionFacts {
    const { keywords } = request;
    return {
      ssl: false,
      protocol: null,
      cipher: null,
      serverCertificate: null,
      chain: [],
      serverVersion: '15.0',
      host: keywords.host ?? '',
      port: Number(keywords.port ?? 5432),
      user: keywords.user ?? '',
      database: keywords.dbname ?? '',
      elapsedMs: 0,
    };
  }
  async check(request: EngineRequest) {
    this.requests.push(request);
    return ok(this.facts(request));
  }
  async open(request: EngineRequest) {
    this.requests.push(request);
    return ok({ facts: this.facts(request), close: async () => {}, onLost: () => {} });
  }
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonProfileStore, RdsAccounts, type WritableSecretStore } from '../../../electron/rds/rds-accounts';
import { SslFlow } from '../../../electron/rds/ssl-flow';
import { accessKeySecretAddress, vaultSecretStore } from '../../../electron/rds/vault-secret-store';
import { RdsSandbox } from '../../../electron/sandbox/index';
import { Vault } from '../../../electron/vault/index';

let sandbox: RdsSandbox;
let home: string;

/** An in-memory secret store standing in for the vault's port. */
function memorySecrets(): WritableSecretStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    readSecret: async (reference, endpoint) => values.get(`${reference}|${endpoint}`),
    writeSecret: async (reference, secret, endpoint) => {
      values.set(`${reference}|${endpoint}`, secret);
      return true;
    },
  };
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'rds-accounts-'));
  sandbox = new RdsSandbox({ modifyStartDelayMs: 100, modifyDelayMs: 400, modifyingStatus: 'ConfigurationApplying' });
  await sandbox.start();
});
afterAll(async () => {
  await sandbox.close();
  rmSync(home, { recursive: true, force: true });
});

describe('AccessKey profiles', () => {
  it('keeps the secret in the secret store, never in the profile file, and builds working clients', async () => {
    const secrets = memorySecrets();
    const accounts = new RdsAccounts({ profiles: jsonProfileStore(join(home, 'app')), secrets, env: {}, home });
    const { accessKeyId, accessKeySecret } = sandbox.accessKey;
    const saved = await accounts.saveProfile('sandbox', accessKeyId, accessKeySecret, 'cn-hangzhou', sandbox.endpoint);
    expect(saved.ok).toBe(true);
    const file = readFileSync(join(home, 'app', 'rds-profiles.json'), 'utf8');
    expect(file).toContain(accessKeyId);
    expect(file).not.toContain(accessKeySecret);
    const client = await accounts.client({ profile: 'sandbox', endpoint: sandbox.endpoint });
    if (!client.ok) throw new Error(client.error.message);
    expect((await client.value.regions()).ok).toBe(true);
    const locked = new RdsAccounts({ profiles: jsonProfileStore(join(home, 'app')), secrets: null, env: {}, home });
    const refused = await locked.client({ profile: 'sandbox', endpoint: sandbox.endpoint });
    expect(!refused.ok && refused.error.message).toContain('unlock the vault');
  });

  it('keeps the secret in the real vault through the vault adapter', async () => {
    const vault = new Vault({ folder: join(home, 'vault'), kdfCost: { N: 2 ** 10, r: 8, p: 1 } });
    expect((await vault.initialize('correct horse battery staple')).ok).toBe(true);
    const accounts = new RdsAccounts({
      profiles: jsonProfileStore(join(home, 'app3')),
      secrets: vaultSecretStore(vault),
      env: {},
      home,
    });
    const { accessKeyId, accessKeySecret } = sandbox.accessKey;
    const saved = await accounts.saveProfile('vaulted', accessKeyId, accessKeySecret, 'cn-hangzhou', sandbox.endpoint);
    expect(saved.ok).toBe(true);
    const read = await vault.readSecret(accessKeySecretAddress('vaulted', sandbox.endpoint));
    expect(read.ok && read.value).toBe(accessKeySecret);
    const client = await accounts.client({ profile: 'vaulted', endpoint: sandbox.endpoint });
    expect(client.ok && (await client.value.regions()).ok).toBe(true);
    vault.lock();
    const locked = await accounts.client({ profile: 'vaulted', endpoint: sandbox.endpoint });
    expect(!locked.ok && locked.error.code).toBe('credentials_missing');
  });

  it('sends a saved AccessKey secret only to the API endpoint it was saved with', async () => {
    const heard: string[] = [];
    const other = createServer((request, response) => {
      heard.push(request.url ?? '');
      response.end('{}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherEndpoint = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const vault = new Vault({ folder: join(home, 'vault-bound'), kdfCost: { N: 2 ** 10, r: 8, p: 1 } });
    expect((await vault.initialize('correct horse battery staple')).ok).toBe(true);
    const accounts = new RdsAccounts({
      profiles: jsonProfileStore(join(home, 'app-bound')),
      secrets: vaultSecretStore(vault),
      env: {},
      home,
    });
    const { accessKeyId, accessKeySecret } = sandbox.accessKey;
    expect(
      (await accounts.saveProfile('bound', accessKeyId, accessKeySecret, 'cn-hangzhou', sandbox.endpoint)).ok,
    ).toBe(true);
    const elsewhere = await accounts.client({ profile: 'bound', endpoint: otherEndpoint });
    if (elsewhere.ok) await elsewhere.value.regions();
    const byDefault = await accounts.client({ profile: 'bound' });
    other.close();
    expect(heard).toEqual([]);
    expect(!elsewhere.ok && elsewhere.error).toMatchObject({ code: 'credentials_missing' });
    expect(!elsewhere.ok && elsewhere.error.message).toContain('enter the AccessKey secret again');
    expect(!byDefault.ok && byDefault.error.code).toBe('credentials_missing');
    const saved = await accounts.client({ profile: 'bound', endpoint: sandbox.endpoint });
    expect(saved.ok && (await saved.value.regions()).ok).toBe(true);
  });

  it('waits through an intermediate status it has never heard of', async () => {
    const accounts = new RdsAccounts({
      profiles: jsonProfileStore(join(home, 'app2')),
      secrets: null,
      env: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: sandbox.accessKey.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: sandbox.accessKey.accessKeySecret,
      },
      home,
    });
    const client = await accounts.client({ endpoint: sandbox.endpoint });
    if (!client.ok) throw new Error(client.error.message);
    const id = 'pgm-bp1sandbox10pg';
    const statuses: string[] = [];
    const result = await new SslFlow(client.value).run(
      id,
      { kind: 'enable', endpoint: `${id}.pg.rds.aliyuncs.com` },
      {
        wait: { initialDelayMs: 15, maxDelayMs: 30 },
        onStep: (step) => {
          if (step.step === 'waiting') statuses.push(step.status);
        },
      },
    );
    expect(result.ok && result.value.enabled).toBe(true);
    expect(statuses).toContain('ConfigurationApplying');
  });
});

import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../electron/vault/vault';
import { runCli } from '../../support/run-cli';
import { dataFolder, testCost } from '../vault/vault-helpers';

// Issue 14: `rdspg servers list` showed a service-only server as `@:/`.
const master = 'list-address-master';
let folder: string;
let env: Record<string, string | undefined>;

beforeAll(async () => {
  folder = dataFolder();
  env = {
    PATH: process.env.PATH,
    HOME: folder,
    RDSPG_HOME: folder,
    RDSPG_KEYCHAIN: 'off',
    RDSPG_MASTER_PASSWORD: master,
  };
  expect((await new Vault({ folder, kdfCost: testCost }).initialize(master)).ok).toBe(true);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('rdspg servers list (the spawned CLI, bounded)', () => {
  it('shows a service-only server as service=NAME, and keeps host and port lists', async () => {
    for (const [name, conninfo] of [
      ['only-service', 'service=reporting'],
      ['service-user', 'service=reporting user=bob dbname=sales'],
      ['multi', 'host=db1.example,db2.example port=5432,5433 user=app dbname=app'],
      ['both', 'service=reporting host=db.example port=6432 user=app dbname=app'],
    ]) {
      const added = await runCli(['servers', 'add', name as string, conninfo as string], { env, timeoutMs: 30_000 });
      expect(added.stderr).toBe('');
      expect(added.status).toBe(0);
    }
    const listed = await runCli(['servers', 'list'], { env, timeoutMs: 30_000 });
    expect(listed.status).toBe(0);
    const lines = listed.stdout.split('\n');
    const line = (name: string) => lines.find((text) => text.trimStart().startsWith(`${name} `)) ?? '';
    expect(listed.stdout).not.toContain('@:/');
    expect(line('only-service')).toBe('  only-service  service=reporting  sslmode=prefer');
    expect(line('service-user')).toBe('  service-user  service=reporting user=bob dbname=sales  sslmode=prefer');
    expect(line('multi')).toBe('  multi  app@db1.example,db2.example:5432,5433/app  sslmode=prefer');
    expect(line('both')).toBe('  both  app@db.example:6432/app service=reporting  sslmode=prefer');
  });
});

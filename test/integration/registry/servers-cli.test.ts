import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { ServerRegistry } from '../../../electron/registry/server-registry';
import { connectionKeywordsFor } from '../../../electron/saved-servers/saved-servers';
import { Vault } from '../../../electron/vault/vault';
import { cliIo } from '../../support/cli-io';
import { dataFolder, filesHolding, testCost } from '../vault/vault-helpers';

const master = 'cli-master-password';
const dbPassword = 'S3cret db pass!';
const keyPassphrase = 'client-key-phrase-9';
let folder: string;
let env: NodeJS.ProcessEnv;

async function rdspg(args: string[], input = '', extraEnv: NodeJS.ProcessEnv = {}) {
  const streams = cliIo({ ...env, ...extraEnv }, input);
  const status = await runCli(args, streams.io);
  return { status, stdout: streams.stdout(), stderr: streams.stderr() };
}

beforeAll(async () => {
  folder = dataFolder();
  env = { ...process.env, RDSPG_HOME: folder, RDSPG_KEYCHAIN: 'off', RDSPG_MASTER_PASSWORD: master };
  // Set up with the test cost; the CLI raises it to the shipped N 2^17 on its first unlock.
  expect((await new Vault({ folder, kdfCost: testCost }).initialize(master)).ok).toBe(true);
});

describe('rdspg servers', () => {
  it('adds a server from a conninfo, keeps the password in the vault and shows only that one is saved', async () => {
    const conninfo = `host=pgm-bp1.pg.rds.aliyuncs.com port=5433 dbname=app user=app_user sslmode=verify-full sslrootcert=/ca.pem sslpassword='${keyPassphrase}'`;
    const added = await rdspg(
      ['servers', 'add', 'prod', conninfo, '--group', 'Alibaba', '--save-password', '--password-stdin'],
      `${dbPassword}\n`,
    );
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    const listed = await rdspg(['servers', 'list', '--json']);
    const list = JSON.parse(listed.stdout);
    expect(list.groups).toEqual(['Servers', 'Alibaba']);
    expect(list.servers[0]).toMatchObject({
      name: 'prod',
      port: 5433,
      passwordSaved: true,
      sslpasswordSaved: true,
      savePassword: true,
    });
    const shown = await rdspg(['servers', 'show', 'prod', '--json']);
    expect(JSON.parse(shown.stdout).conninfo).toBe(
      'host=pgm-bp1.pg.rds.aliyuncs.com port=5433 dbname=app user=app_user sslmode=verify-full sslrootcert=/ca.pem',
    );
    const text = await rdspg(['servers', 'show', 'prod']);
    for (const output of [listed.stdout, shown.stdout, text.stdout]) {
      expect(output).not.toContain(dbPassword);
      expect(output).not.toContain(keyPassphrase);
    }
    expect(filesHolding(folder, [dbPassword, keyPassphrase, master])).toEqual([]);

    const vault = new Vault({ folder });
    expect((await vault.unlock(master)).ok).toBe(true);
    const keywords = await connectionKeywordsFor(new ServerRegistry({ folder }), vault, 'prod', env);
    expect(keywords).toEqual({
      ok: true,
      value: {
        withheld: null,
        keywords: {
          host: 'pgm-bp1.pg.rds.aliyuncs.com',
          port: '5433',
          dbname: 'app',
          user: 'app_user',
          sslmode: 'verify-full',
          sslrootcert: '/ca.pem',
          password: dbPassword,
          sslpassword: keyPassphrase,
        },
        // The root certificate file as read for the binding and handed to the engine (there is none at /ca.pem).
        rootCertificate: { path: '/ca.pem', bytes: null },
      },
    });
    const { savedServerKeywords } = await import('../../../electron/cli/saved-server-keywords');
    expect(await savedServerKeywords(cliIo(env).io, 'prod')).toEqual({
      ok: true,
      value: { ...(keywords.ok ? keywords.value : null), gateway: undefined },
    });
    const noPassword = cliIo({ ...env, RDSPG_MASTER_PASSWORD: '' }, '');
    const asked = await savedServerKeywords(noPassword.io, 'prod');
    expect(asked.ok ? null : asked.error.code).toBe('password_needed');
    vault.lock();
    const locked = await connectionKeywordsFor(new ServerRegistry({ folder }), vault, 'prod', env);
    expect(locked.ok ? null : locked.error.code).toBe('vault_locked');
  });

  it('refuses a password without --save-password, and a wrong master password saves nothing', async () => {
    const refused = await rdspg(['servers', 'add', 'x', 'host=h user=u password=pw123456']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^error \[usage\]: a password is kept only with --save-password/);
    const wrong = await rdspg(['servers', 'add', 'y', 'host=h user=u', '--save-password', '--password-stdin'], 'pw\n', {
      RDSPG_MASTER_PASSWORD: 'not-the-master',
    });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/^error \[wrong_password\]/);
    const list = JSON.parse((await rdspg(['servers', 'list', '--json'])).stdout);
    expect(list.servers.map((server: { name: string }) => server.name)).toEqual(['prod']);
    const bad = await rdspg(['servers', 'add', 'z', "host='unterminated"]);
    expect(bad.stderr).toMatch(/^error \[invalid_conninfo\]/);
  });

  it('edits fields and parameters, forgets the password, and removes the server with its secrets', async () => {
    await rdspg(
      [
        'servers',
        'add',
        'stage',
        'host=stage.example.com user=app connect_timeout=5',
        '--save-password',
        '--password-stdin',
      ],
      'stage-pw-1\n',
    );
    const edited = await rdspg([
      'servers',
      'edit',
      'stage',
      'port=6432 sslmode=require',
      '--name',
      'staging',
      '--unset',
      'connect_timeout',
      '--forget-password',
      '--json',
    ]);
    expect(edited.status).toBe(0);
    expect(JSON.parse(edited.stdout).server).toMatchObject({
      name: 'staging',
      port: 6432,
      savePassword: false,
      passwordSaved: false,
      parameters: [{ keyword: 'sslmode', value: 'require' }],
    });
    expect((await rdspg(['servers', 'remove', 'prod'])).status).toBe(0);
    const vault = new Vault({ folder });
    expect(await vault.savedSecrets('server')).toEqual({ ok: true, value: [] });
  });

  it('imports a pgAdmin servers.json and exports it, a conninfo, a service section and a JDBC URL', async () => {
    const file = join(folder, '..', 'pgadmin-servers.json');
    writeFileSync(
      file,
      JSON.stringify({
        Servers: {
          '1': {
            Name: 'imported',
            Group: 'From pgAdmin',
            Host: 'i.example.com',
            Port: 5432,
            MaintenanceDB: 'postgres',
            Username: 'u',
            SSLMode: 'verify-ca',
            SSLRootCert: '/ca.pem',
          },
        },
      }),
    );
    const imported = await rdspg(['servers', 'import', file, '--json']);
    expect(JSON.parse(imported.stdout).imported).toMatchObject([{ name: 'imported', group: 'From pgAdmin' }]);
    const pgadmin = JSON.parse((await rdspg(['servers', 'export'])).stdout);
    expect(Object.values(pgadmin.Servers).map((entry) => (entry as { Name: string }).Name)).toEqual([
      'staging',
      'imported',
    ]);
    expect((await rdspg(['servers', 'export', 'imported', '--format', 'conninfo'])).stdout).toBe(
      'host=i.example.com port=5432 dbname=postgres user=u sslmode=verify-ca sslrootcert=/ca.pem\n',
    );
    expect((await rdspg(['servers', 'export', 'imported', '--format', 'service'])).stdout).toMatch(
      /^\[imported\]\nhost=i.example.com\n/,
    );
    const jdbc = await rdspg(['servers', 'export', 'imported', '--format', 'jdbc']);
    expect(jdbc.stdout).toBe(
      'jdbc:postgresql://i.example.com:5432/postgres?user=u&ssl=true&sslmode=verify-ca&sslrootcert=%2Fca.pem\n',
    );
  });
});

describe('rdspg vault', () => {
  it('changes and resets the master password; reset keeps every server and no secret is ever in the folder', async () => {
    await rdspg(
      ['servers', 'add', 'keep-me', 'host=k.example.com user=k', '--save-password', '--password-stdin'],
      'keep-me-pw\n',
    );
    const changed = await rdspg(['vault', 'change', '--json'], '', { RDSPG_NEW_MASTER_PASSWORD: 'second-master-pass' });
    expect(changed.status).toBe(0);
    expect(filesHolding(folder, ['keep-me-pw', master, 'second-master-pass'])).toEqual([]);
    const wrong = await rdspg(['vault', 'unlock']);
    expect(wrong.stderr).toMatch(/^error \[wrong_password\]/);
    const reset = await rdspg(['vault', 'reset', '--yes', '--json'], '', {
      RDSPG_NEW_MASTER_PASSWORD: 'third-master-pass',
    });
    expect(reset.status).toBe(0);
    expect(JSON.parse(reset.stdout).deletedSecrets).toBe(1);
    const list = JSON.parse((await rdspg(['servers', 'list', '--json'])).stdout);
    expect(list.servers.map((server: { name: string }) => server.name)).toEqual(['staging', 'imported', 'keep-me']);
    expect(list.servers.every((server: { passwordSaved: boolean }) => !server.passwordSaved)).toBe(true);
    expect(filesHolding(folder, ['keep-me-pw', master, 'second-master-pass', 'third-master-pass'])).toEqual([]);
    const status = JSON.parse((await rdspg(['vault', 'status', '--json'])).stdout);
    expect(status.status).toMatchObject({
      initialized: true,
      remembered: false,
      keychainAvailable: false,
      failedAttempts: 0,
    });
  });
});

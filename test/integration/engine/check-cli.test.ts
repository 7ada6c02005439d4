import { spawn } from 'node:child_process';
import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConnection, parseConninfo } from '../../../electron/engine';
import { openConnection } from '../../../electron/engine/pg-client';
import type { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { serverLogDuring, startCluster } from '../../support/cluster';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { TestAuthority } from '../../support/pki';
import { cleanEnvironment, runPsql } from '../../support/reference-client';
import { runCli } from '../../support/run-cli';

/** A stored SCRAM-SHA-256 password as PostgreSQL keeps it (RFC 5802), with the given iteration count. */
function scramVerifier(password: string, iterations: number): string {
  const salt = Buffer.from('a salt of sixteen');
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const storedKey = createHash('sha256').update(createHmac('sha256', salted).update('Client Key').digest()).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

let cluster: LocalPostgresCluster;
let folder: string;
let root: TestAuthority;
let foreign: TestAuthority;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-check-'));
  root = await TestAuthority.createRoot(join(folder, 'root'), 'Check Root');
  foreign = await TestAuthority.createRoot(join(folder, 'foreign'), 'Other Root');
  const server = await root.issue({
    commonName: 'pgm-test.pg.rds.aliyuncs.com',
    dns: ['pgm-test.pg.rds.aliyuncs.com', 'localhost'],
  });
  cluster = await startCluster({
    tls: { certificatePem: server.certPem, keyPem: server.keyPem },
    hba: [
      'hostssl all carol 127.0.0.1/32 md5',
      'hostssl all erin 127.0.0.1/32 password',
      'hostssl all all 127.0.0.1/32 scram-sha-256',
    ],
    sql: [
      "alter user postgres password 'pa55-word'",
      "create user bob password 'bobs-secret'",
      // A role bob may take that may not see bob's own session in pg_stat_ssl.
      'create role watcher',
      'grant watcher to bob',
      // An md5-hashed password (md5 of password + user), for the md5 method.
      `create user carol password 'md5${createHash('md5').update('carols-secretcarol').digest('hex')}'`,
      // A SCRAM verifier of 20,000 iterations (PostgreSQL's default is 4096): the client derives its key in the pool.
      `create user dave password '${scramVerifier('daves-secret', 20_000)}'`,
      // The password method: the password itself goes to the server (over SSL here).
      "create user erin password 'erins-secret'",
      // The server's longest wait for a client in authentication: a client that leaves its socket open hangs that
      // long.
      "alter system set authentication_timeout = '600s'",
      'select pg_reload_conf()',
    ],
  });
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
  await rm(folder, { recursive: true, force: true });
});

function rdspg(args: string[], env: Record<string, string> = {}, input?: string) {
  return runCli(args, { env: { PATH: process.env.PATH, HOME: folder, ...env }, input });
}

function check(args: string[]) {
  return rdspg(['check', ...args]);
}

describe('rdspg check', () => {
  const conninfo = (rootPath: string) =>
    `host=pgm-test.pg.rds.aliyuncs.com hostaddr=127.0.0.1 port=${cluster.port} user=postgres password=pa55-word dbname=postgres sslmode=verify-full sslrootcert=${rootPath}`;

  it('--json prints exactly one object with the TLS facts, and exits 0', async () => {
    const result = await check([conninfo(root.own.certPath), '--json']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!);
    expect(report).toMatchObject({
      ok: true,
      ssl: true,
      protocol: 'TLSv1.3',
      serverVersion: expect.stringMatching(/^\d+/),
    });
    expect(report.cipher).toMatch(/^TLS_/);
    expect(report.serverCertificate.subjectAltNames).toEqual(['DNS:pgm-test.pg.rds.aliyuncs.com', 'DNS:localhost']);
    expect(report.serverCertificate.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(typeof report.elapsedMs).toBe('number');
    expect(result.stdout).not.toContain('pa55-word');
  });

  it('a root certificate from another CA fails as certificate_untrusted, exit 1', async () => {
    const result = await check([conninfo(foreign.own.certPath), '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'certificate_untrusted' } });
  });

  it('a damaged root certificate file: one coded line and exit 1, never a stack trace', async () => {
    const damaged = join(folder, 'damaged-root.crt');
    await writeFile(
      damaged,
      `${root.own.certPem}-----BEGIN CERTIFICATE-----\nMIIBAAAAbad!!\n-----END CERTIFICATE-----\n`,
    );
    const result = await check([conninfo(damaged)]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `error [certificate_file_unreadable]: could not read root certificate file "${damaged}": bad base64 decode. The file is damaged: download the server CA package again (rdspg rds ca download ID --out DIR) and point sslrootcert at its PEM file.`,
    );
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it('sends the session settings psql sends: one the server refuses (client_encoding, PGTZ) fails with its FATAL, exit 1', async () => {
    const encoding = await check([`${conninfo(root.own.certPath)} client_encoding=bogus`, '--json']);
    expect(encoding.status).toBe(1);
    expect(JSON.parse(encoding.stdout).error.message).toContain(
      'invalid value for parameter "client_encoding": "bogus"',
    );
    const zone = await rdspg(['check', conninfo(root.own.certPath)], { PGTZ: 'Mars/Olympus' });
    expect(zone.status).toBe(1);
    expect(zone.stderr).toContain('invalid value for parameter "TimeZone": "Mars/Olympus"');
    const fine = await rdspg(['check', `${conninfo(root.own.certPath)} client_encoding=LATIN1`, '--json'], {
      PGTZ: 'UTC',
      PGDATESTYLE: 'SQL, DMY',
    });
    expect(fine.status, fine.stderr).toBe(0);
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it('prints a readable summary, and one coded line on failure without the password', async () => {
    const good = await check([conninfo(root.own.certPath)]);
    expect(good.stdout).toContain('SSL: in use, TLSv1.3');
    expect(good.stdout).toContain('Server certificate: CN=pgm-test.pg.rds.aliyuncs.com');
    const bad = await check([conninfo(root.own.certPath).replace('pa55-word', 'wrong-pa55')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^error \[authentication_failed\]: /);
    expect(bad.stderr).not.toContain('wrong-pa55');
  });

  it('a SCRAM user without a password: password_required, and the process exits at once (nothing left open)', async () => {
    const result = await check([
      `host=localhost port=${cluster.port} user=bob dbname=postgres sslmode=verify-full sslrootcert=${root.own.certPath}`,
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^error \[password_required\]: .*no password supplied/);
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it('an empty password is none, as libpq has it: the password file is read, else password_required (as psql)', async () => {
    const base = `host=localhost port=${cluster.port} user=bob dbname=postgres sslmode=verify-full sslrootcert=${root.own.certPath} password=`;
    const env = cleanEnvironment(folder, { PGPASSWORD: '' });
    const none = await rdspg(['check', base], env);
    expect(none.status).toBe(1);
    expect(none.stderr.trim()).toMatch(/^error \[password_required\]: .*fe_sendauth: no password supplied/);
    expect((await runPsql(base, env)).detail).toContain('fe_sendauth: no password supplied');
    const passfile = join(folder, 'bob.pgpass');
    await writeFile(passfile, `localhost:${cluster.port}:*:bob:bobs-secret\n`, { mode: 0o600 });
    const withFile = { ...env, PGPASSFILE: passfile };
    const read = await rdspg(['check', base, '--json'], withFile);
    expect(read.status, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout)).toMatchObject({ ok: true, user: 'bob' });
    expect(await runPsql(base, withFile)).toMatchObject({ connected: true, ssl: true });
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it('signs in with SCRAM (channel binding; 20,000 iterations) and md5 (the bundle hashes with electron/engine/pg-crypto.ts)', async () => {
    const base = `host=localhost port=${cluster.port} dbname=postgres sslmode=verify-full sslrootcert=${root.own.certPath}`;
    const bound = await check([`${base} user=postgres password=pa55-word channel_binding=require`, '--json']);
    expect(bound.status, bound.stdout).toBe(0);
    const md5 = await check([`${base} user=carol password=carols-secret`, '--json']);
    expect(md5.status, md5.stdout).toBe(0);
    expect(JSON.parse(md5.stdout)).toMatchObject({ ok: true, user: 'carol' });
    const slow = await check([`${base} user=dave password=daves-secret`, '--json']);
    expect(slow.status, slow.stdout).toBe(0);
    expect(JSON.parse(slow.stdout)).toMatchObject({ ok: true, user: 'dave' });
    const wrong = await check([`${base} user=carol password=not-carols`, '--json']);
    expect(wrong.status).toBe(1);
    expect(JSON.parse(wrong.stdout).error.message).toContain('password authentication failed for user "carol"');
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it('answers the password method (cleartext) as psql does, and refuses it under channel_binding=require', async () => {
    const base = `host=localhost port=${cluster.port} dbname=postgres user=erin sslmode=verify-full sslrootcert=${root.own.certPath}`;
    const env = cleanEnvironment(folder);
    const plain = await rdspg(['check', `${base} password=erins-secret`, '--json'], env);
    expect(plain.status, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ ok: true, user: 'erin', ssl: true });
    expect(await runPsql(`${base} password=erins-secret`, env)).toMatchObject({ connected: true });
    const wrong = await rdspg(['check', `${base} password=not-erins`], env);
    expect(wrong.stderr.trim()).toMatch(
      /^error \[authentication_failed\]: password authentication failed for user "erin"/,
    );
    const bound = `${base} password=erins-secret channel_binding=require`;
    const refused = await rdspg(['check', bound], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toMatch(
      /^error \[channel_binding_required\]: channel binding required but not supported by server's authentication request/,
    );
    expect((await runPsql(bound, env)).detail).toContain(
      "channel binding required but not supported by server's authentication request",
    );
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it('ends its session as psql does: the server gets Terminate, not an unexpected end of the connection', async () => {
    // PostgreSQL logs "unexpected EOF on client connection" (DEBUG1) and "could not receive data from client" when a
    // client leaves without the Terminate message; psql's PQfinish sends it and does not wait for the backend to exit.
    const written = await serverLogDuring(cluster, { log_min_messages: 'debug1' }, async () => {
      for (let round = 0; round < 3; round++) {
        const result = await check([conninfo(root.own.certPath), '--json']);
        expect(result.status, result.stderr).toBe(0);
      }
      expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
    });
    expect(written).not.toMatch(/unexpected EOF on client connection|could not receive data from client/);
  });

  it('prints its report while its session is still open, and says goodbye after it, as psql does', async () => {
    // A preload asks the server, as the report is first written, whether the check's session is still there; once
    // the server has read Terminate its backend leaves pg_stat_activity within milliseconds, long before psql answers.
    const preload = join(folder, 'sessions-at-print.cjs');
    await writeFile(
      preload,
      [
        "const { execFileSync } = require('node:child_process');",
        'const stdout = process.stdout;',
        'const write = stdout.write;',
        'stdout.write = function (...args) {',
        '  stdout.write = write;',
        '  const sql = "select count(*) from pg_stat_activity where application_name = \'rdspg-goodbye\'";',
        "  const count = execFileSync('psql', ['-XAtc', sql, process.env.ADMIN_CONNINFO]);",
        "  require('node:fs').writeFileSync(process.env.SESSIONS_OUT, String(count).trim());",
        '  return write.apply(this, args);',
        '};',
      ].join('\n'),
    );
    const out = join(folder, 'sessions-at-print');
    for (const json of [true, false]) {
      const run = await rdspg(
        ['check', `${conninfo(root.own.certPath)} application_name=rdspg-goodbye`, ...(json ? ['--json'] : [])],
        {
          NODE_OPTIONS: `--require ${preload}`,
          SESSIONS_OUT: out,
          ADMIN_CONNINFO: `host=${cluster.folder} port=${cluster.port} user=postgres dbname=postgres`,
        },
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(json ? '"ok":true' : 'SSL: in use, TLSv1.3');
      expect(await readFile(out, 'utf8')).toBe('1');
    }
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it("uses one thread of libuv's pool (the name lookup) unless UV_THREADPOOL_SIZE says otherwise (Linux: /proc counts them)", async () => {
    // A preload counts the process's threads as it exits, while the pool's are still there. The pool starts for the
    // name lookup: the check reads its files at once.
    const preload = join(folder, 'count-threads.cjs');
    await writeFile(
      preload,
      "process.on('exit', () => require('node:fs').writeFileSync(process.env.THREADS_OUT, String(require('node:fs').readdirSync('/proc/self/task').length)));\n",
    );
    const threads = async (pool: Record<string, string>) => {
      const out = join(folder, `threads-${Object.keys(pool).length}`);
      const byName = `host=localhost port=${cluster.port} user=postgres password=pa55-word dbname=postgres sslmode=verify-full sslrootcert=${root.own.certPath}`;
      const run = await rdspg(['check', byName, '--json'], {
        NODE_OPTIONS: `--require ${preload}`,
        THREADS_OUT: out,
        ...pool,
      });
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, ssl: true });
      return Number(await readFile(out, 'utf8'));
    };
    const own = await threads({});
    const users = await threads({ UV_THREADPOOL_SIZE: '4' });
    expect(users - own).toBe(3);
  });

  it('usage errors exit 2', async () => {
    const result = await check(['--nope']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('error [usage]');
  });

  it('--server NAME connects with a saved server and its password from the vault', async () => {
    const env = {
      RDSPG_HOME: join(folder, 'home'),
      RDSPG_MASTER_PASSWORD: 'correct horse battery',
      RDSPG_KEYCHAIN: 'off',
    };
    expect((await rdspg(['vault', 'init'], env)).status).toBe(0);
    const saved = `host=pgm-test.pg.rds.aliyuncs.com hostaddr=127.0.0.1 port=${cluster.port} user=postgres dbname=postgres sslmode=verify-full sslrootcert=${root.own.certPath}`;
    const added = await rdspg(
      ['servers', 'add', 'rds-test', saved, '--save-password', '--password-stdin'],
      env,
      'pa55-word\n',
    );
    expect(added.status, added.stderr).toBe(0);
    const result = await rdspg(['check', '--server', 'rds-test', '--json'], env);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, ssl: true });
    const missing = await rdspg(['check', '--server', 'nope', '--json'], env);
    expect(missing.status).toBe(1);
  });

  it('a reader that goes away (| head -1) ends the run quietly: no EPIPE stack trace, the process exits', async () => {
    for (const args of [['check', conninfo(root.own.certPath)], ['help']]) {
      const child = spawn(
        process.execPath,
        [fileURLToPath(new URL('../../../dist/rdspg.cjs', import.meta.url)), ...args],
        {
          env: { PATH: process.env.PATH, HOME: folder },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const status = await new Promise<number | null>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`rdspg ${args[0]} did not exit`)), 10_000);
        child.once('exit', (code) => {
          clearTimeout(timer);
          done(code);
        });
      });
      expect(stderr, args[0]).not.toMatch(/EPIPE|\n\s+at /);
      expect(status, args[0]).toBe(0);
    }
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });
});

describe('ConnectRequest.duringSignIn (the check makes its report stream there)', () => {
  async function steps(conninfo: string) {
    const keywords = parseConninfo(conninfo);
    if (!keywords.ok) throw new Error(keywords.error.message);
    const seen: string[] = [];
    const result = await checkConnection(
      { keywords: keywords.value, env: { HOME: folder }, duringSignIn: () => seen.push('sign-in') },
      () => seen.push('report'),
    );
    return { seen, code: result.ok ? 'ok' : result.error.code };
  }
  const base = () =>
    `host=localhost port=${cluster.port} user=postgres dbname=postgres sslmode=verify-full sslrootcert=${root.own.certPath}`;

  it('runs once the start-up message is sent, before the answer; never when the connection fails before it', async () => {
    expect(await steps(`${base()} password=pa55-word`)).toEqual({ seen: ['sign-in', 'report'], code: 'ok' });
    expect(await steps(`${base()} password=wrong-pa55`)).toEqual({
      seen: ['sign-in'],
      code: 'authentication_failed',
    });
    // The server's certificate is refused: nothing about the user was sent, and the hook does not run.
    const untrusted = `${base().replace(root.own.certPath, foreign.own.certPath)} password=pa55-word`;
    expect(await steps(untrusted)).toEqual({ seen: [], code: 'certificate_untrusted' });
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });
});

describe('the SSL facts', () => {
  const bob = () =>
    `host=localhost port=${cluster.port} user=bob password=bobs-secret dbname=postgres sslmode=verify-full sslrootcert=${root.own.certPath}`;

  it("are the server's pg_stat_ssl row for the session; under a role that may not read it, the TLS socket's", async () => {
    const keywords = parseConninfo(bob());
    if (!keywords.ok) throw new Error(keywords.error.message);
    const facts = async (role?: string) => {
      let seen: unknown = null;
      const result = await checkConnection({ keywords: keywords.value, env: { HOME: folder }, role }, (report) => {
        seen = report;
      });
      expect(result.ok).toBe(true);
      return seen as { ssl: boolean; protocol: string; cipher: string };
    };
    const asBob = await facts();
    const asWatcher = await facts('watcher');
    expect(asBob).toMatchObject({ ssl: true, protocol: 'TLSv1.3', cipher: expect.stringMatching(/^TLS_/) });
    expect(asWatcher).toMatchObject({ ssl: asBob.ssl, protocol: asBob.protocol, cipher: asBob.cipher });
    // What pg_stat_ssl says of the session under each: its row, then nothing (the facts above came from the socket).
    const serverSays = async (role?: string) => {
      const opened = await openConnection({ keywords: keywords.value, env: { HOME: folder }, role });
      if (!opened.ok) throw new Error(opened.error.message);
      try {
        return (await opened.value.client.query('select ssl, version from pg_stat_ssl where pid = pg_backend_pid()'))
          .rows;
      } finally {
        await opened.value.client.end();
      }
    };
    expect(await serverSays()).toEqual([{ ssl: true, version: 'TLSv1.3' }]);
    expect(await serverSays('watcher')).toEqual([]);
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });
});

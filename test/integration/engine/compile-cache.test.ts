import { isAscii } from 'node:buffer';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { startCluster } from '../../support/cluster';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { TestAuthority } from '../../support/pki';
import { runCli } from '../../support/run-cli';

// dist/rdspg.cjs keeps V8's code for a plain check in <app home>/Code Cache/cli (electron/cli/compile-cache.ts).
let cluster: LocalPostgresCluster;
let folder: string;
let root: TestAuthority;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-code-cache-'));
  root = await TestAuthority.createRoot(join(folder, 'root'), 'Cache Root');
  const server = await root.issue({ commonName: 'localhost', dns: ['localhost'] });
  cluster = await startCluster({
    tls: { certificatePem: server.certPem, keyPem: server.keyPem },
    hba: ['hostssl all all 127.0.0.1/32 scram-sha-256'],
    sql: ["alter user postgres password 'pa55-word'"],
  });
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
  await rm(folder, { recursive: true, force: true });
});

const conninfo = (password = 'pa55-word') =>
  `host=localhost port=${cluster.port} user=postgres password=${password} dbname=postgres sslmode=verify-full sslrootcert=${root.own.certPath}`;

/** A fresh app home for one test. */
async function freshHome(name: string): Promise<string> {
  const home = join(folder, name);
  await mkdir(home, { recursive: true });
  return home;
}

/** `rdspg check --json` with the given app home; the run must exit by itself. */
async function check(home: string, password?: string) {
  const run = await runCli(['check', conninfo(password), '--json'], {
    env: { PATH: process.env.PATH, HOME: folder, RDSPG_HOME: home },
  });
  return { ...run, report: run.status === 0 ? JSON.parse(run.stdout) : null };
}

/** The cache files in a home's cache folder: header line (without its padding), where V8's data starts, bytes. */
async function caches(home: string): Promise<{ name: string; header: string; dataOffset: number; bytes: Buffer }[]> {
  const cacheFolder = join(home, 'Code Cache', 'cli');
  const names = await readdir(cacheFolder).catch(() => [] as string[]);
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(cacheFolder, name));
      const end = bytes.indexOf(10);
      return { name, header: bytes.subarray(0, end).toString('latin1').trimEnd(), dataOffset: end + 1, bytes };
    }),
  );
}

describe('the code cache of a plain rdspg check', () => {
  it('a first run stores it; the next runs use it as it is and give the same answer', async () => {
    const home = await freshHome('reuse');
    const first = await check(home);
    expect(first.status, first.stderr).toBe(0);
    const [stored, ...others] = await caches(home);
    expect(others).toEqual([]);
    expect(stored!.name).toMatch(/^check\.cjs-[0-9a-f]{8}\.bin$/);
    expect(stored!.header).toMatch(
      new RegExp(`^\\d+:\\d+:[\\d.]+:${process.version}:${process.arch} [0-9a-f]{64} complete$`),
    );
    expect(stored!.bytes.length).toBeGreaterThan(10_000);
    // V8's data starts on an 8-byte boundary, where V8 reads it without copying it first.
    expect(stored!.dataOffset % 8).toBe(0);
    const second = await check(home);
    expect(second.status, second.stderr).toBe(0);
    expect(second.report).toMatchObject({ ok: true, ssl: true, protocol: first.report.protocol });
    expect((await caches(home))[0]!.bytes.equals(stored!.bytes)).toBe(true);
  });

  it('a cache stored without the padding (an earlier build) is still used as it is', async () => {
    const home = await freshHome('unpadded');
    expect((await check(home)).status).toBe(0);
    const [stored] = await caches(home);
    // Its data starts off an 8-byte boundary (V8 copies it then).
    const line = `${stored!.header}${(stored!.header.length + 1) % 8 === 0 ? ' ' : ''}\n`;
    expect(line.length % 8).not.toBe(0);
    const unpadded = Buffer.concat([Buffer.from(line), stored!.bytes.subarray(stored!.dataOffset)]);
    await writeFile(join(home, 'Code Cache', 'cli', stored!.name), unpadded);
    const run = await check(home);
    expect(run.status, run.stderr).toBe(0);
    expect(run.report).toMatchObject({ ok: true, ssl: true });
    expect((await caches(home))[0]!.bytes.equals(unpadded)).toBe(true);
  });

  it('a damaged or foreign cache is not used: the run compiles as usual, answers the same, and rewrites it', async () => {
    const home = await freshHome('damaged');
    expect((await check(home)).status).toBe(0);
    const [stored] = await caches(home);
    const path = join(home, 'Code Cache', 'cli', stored!.name);
    const data = stored!.bytes.subarray(stored!.dataOffset);
    const flipped = Buffer.from(data);
    for (const offset of [1000, data.length >> 2, data.length >> 1, data.length - 1000]) flipped[offset]! ^= 0xa5;
    for (const damage of [
      Buffer.concat([Buffer.from(`${stored!.header}\n`), flipped]), // flipped bits (V8 itself may crash on them)
      Buffer.concat([Buffer.from(`${stored!.header}\n`), Buffer.alloc(5000, 0x5a)]), // right key, garbage data
      Buffer.concat([Buffer.from(`${stored!.header}\n`), data.subarray(0, 2000)]),
      Buffer.from('1:2:v0.0.0:x64 complete\ngarbage'), // another file's key
      Buffer.from('no header at all'),
    ]) {
      await writeFile(path, damage);
      const run = await check(home);
      expect(run.status, run.stderr).toBe(0);
      expect(run.report).toMatchObject({ ok: true, ssl: true });
      const [rewritten] = await caches(home);
      expect(rewritten!.header.split(' ')[0]).toBe(stored!.header.split(' ')[0]);
      expect(rewritten!.header).toMatch(/ complete$/);
      expect(rewritten!.bytes.length).toBeGreaterThan(10_000);
    }
  });

  it('a rebuilt file of the same size and modification time gets its own cache, not the old code', async () => {
    // A copy of the executable and the check file, changed in place as a copy that keeps times (cp -p) could change it.
    const copy = join(folder, 'copy');
    await mkdir(join(copy, 'cli'), { recursive: true });
    const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));
    await copyFile(join(dist, 'rdspg.cjs'), join(copy, 'rdspg.cjs'));
    await copyFile(join(dist, 'cli/check.cjs'), join(copy, 'cli/check.cjs'));
    const home = await freshHome('rebuilt');
    const run = async () => {
      const { stdout } = await promisify(execFile)(process.execPath, [join(copy, 'rdspg.cjs'), 'check', conninfo()], {
        env: { PATH: process.env.PATH, HOME: folder, RDSPG_HOME: home },
        timeout: 10_000,
      });
      return stdout;
    };
    expect(await run()).toMatch(/^Connected to /);
    expect(await run()).toMatch(/^Connected to /); // from the cache
    const checkFile = join(copy, 'cli/check.cjs');
    const before = await stat(checkFile, { bigint: true });
    const source = await readFile(checkFile, 'utf8');
    expect(source).toContain('`Connected to ');
    // touch -r keeps the times to the nanosecond (Node's utimes rounds them).
    await promisify(execFile)('cp', ['-p', checkFile, `${checkFile}.times`]);
    await writeFile(checkFile, source.replace('`Connected to ', '`Reached at   '));
    await promisify(execFile)('touch', ['-r', `${checkFile}.times`, checkFile]);
    const after = await stat(checkFile, { bigint: true });
    expect([after.size, after.ino, after.mtimeNs]).toEqual([before.size, before.ino, before.mtimeNs]);
    expect(await run()).toMatch(/^Reached at {3}/);
  });

  it('the built check file is ASCII (read in one byte a character); one with other text still reads as UTF-8', async () => {
    const copy = join(folder, 'utf8-copy');
    await mkdir(join(copy, 'cli'), { recursive: true });
    const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));
    await copyFile(join(dist, 'rdspg.cjs'), join(copy, 'rdspg.cjs'));
    const built = await readFile(join(dist, 'cli/check.cjs'));
    expect(isAscii(built)).toBe(true);
    // node-postgres' comments have a dash the build escapes (build/cli-build-options.mjs, asciiOnly).
    expect(built.toString('latin1')).toContain('\\u{2014}');
    await writeFile(join(copy, 'cli/check.cjs'), built.toString('latin1').replace('`Connected to ', '`Connecté à — '));
    const home = await freshHome('utf8');
    for (let run = 0; run < 2; run++) {
      // execFile fails unless the process exits with 0 within the bound: the second run is from the cache.
      const { stdout } = await promisify(execFile)(process.execPath, [join(copy, 'rdspg.cjs'), 'check', conninfo()], {
        env: { PATH: process.env.PATH, HOME: folder, RDSPG_HOME: home },
        timeout: 10_000,
      });
      expect(stdout).toMatch(/^Connecté à — localhost:/);
    }
    expect((await caches(home))[0]!.header).toMatch(/ complete$/);
  });

  it('a failed run stores a partial cache; the next successful run completes it', async () => {
    const home = await freshHome('partial');
    const failed = await check(home, 'wrong');
    expect(failed.status).toBe(1);
    expect(JSON.parse(failed.stdout).error.message).toContain('password authentication failed');
    expect((await caches(home))[0]!.header).toMatch(/ partial$/);
    expect((await check(home)).status).toBe(0);
    expect((await caches(home))[0]!.header).toMatch(/ complete$/);
  });

  it('a cache folder that cannot be made costs only the cache: same answer, nothing printed', async () => {
    const home = await freshHome('blocked');
    await writeFile(join(home, 'Code Cache'), 'a file where the folder would go');
    const run = await check(home);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.report).toMatchObject({ ok: true, ssl: true });
  });

  it('runs in parallel all succeed and leave one whole cache, no temporary files, nothing open', async () => {
    const home = await freshHome('parallel');
    const runs = await Promise.all(Array.from({ length: 4 }, () => check(home)));
    expect(runs.map((run) => run.status)).toEqual([0, 0, 0, 0]);
    const stored = await caches(home);
    expect(stored.map((cache) => cache.name)).toEqual([expect.stringMatching(/^check\.cjs-[0-9a-f]{8}\.bin$/)]);
    expect(stored[0]!.header).toMatch(/ complete$/);
    expect((await check(home)).status).toBe(0);
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });
});

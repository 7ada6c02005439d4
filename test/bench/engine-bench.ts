// Issue 2 benchmark: connection rate with verify-full (ours in-process vs libpq's pgbench -C), and
// `rdspg check` wall time vs `psql -Atc 'select 1'`. Prints ratios measured side by side in one run.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BuildOptions, build } from 'esbuild';
import type * as Engine from '../../electron/engine';
import type * as PgClient from '../../electron/engine/pg-client';
import { findPostgresProgram } from '../../electron/local-postgres/binaries';
import { LocalPostgresCluster } from '../../electron/local-postgres/cluster';
import { TestAuthority } from '../support/pki';
import { ensureShippedNode, shippedNode } from '../support/shipped-node';

const run = promisify(execFile);
const folder = await mkdtemp(join(tmpdir(), 'rdspg-bench-'));

// The rate loop runs the engine as the app's Node bundles ship it (build/cli-build-options.mjs, `nodeFileOptions`:
// among others node-postgres's password hashing on node:crypto), not as tsx runs the sources (with node-postgres's
// own Web Crypto hashing, ≈ 1 ms more client CPU per connection here).
const { nodeFileOptions } = (await import(new URL('../../build/cli-build-options.mjs', import.meta.url).pathname)) as {
  nodeFileOptions: BuildOptions;
};
const engineFile = join(folder, 'engine.cjs');
await build({
  ...nodeFileOptions,
  // The engine, and node-postgres on its sessions as the app runs queries (pg-client.ts).
  stdin: {
    contents: "export * from './index'; export { openConnection } from './pg-client';",
    resolveDir: new URL('../../electron/engine', import.meta.url).pathname,
    loader: 'ts',
  },
  outfile: engineFile,
  sourcemap: false,
});
const { factsQuery, openConnection, parseConninfo } = createRequire(import.meta.url)(engineFile) as typeof Engine &
  typeof PgClient;
const root = await TestAuthority.createRoot(join(folder, 'root'), 'Bench Root');
const server = await root.issue({ commonName: 'localhost', dns: ['localhost'] });
const cluster = await LocalPostgresCluster.create({
  tls: { certificatePem: server.certPem, keyPem: server.keyPem },
  hba: ['hostssl all all 127.0.0.1/32 scram-sha-256'],
});
await cluster.start();
await cluster.sql("alter user postgres password 'bench'");
const env = {
  PATH: process.env.PATH ?? '',
  HOME: folder,
  PGPASSWORD: 'bench',
  PGSSLMODE: 'verify-full',
  PGSSLROOTCERT: root.own.certPath,
};
const conninfo = `host=localhost port=${cluster.port} user=postgres dbname=postgres`;

async function oursRate(count: number): Promise<number> {
  const keywords = parseConninfo(conninfo);
  if (!keywords.ok) throw new Error(keywords.error.message);
  const started = performance.now();
  const closing: Promise<void>[] = [];
  for (let index = 0; index < count; index++) {
    const opened = await openConnection({ keywords: keywords.value, env });
    if (!opened.ok) throw new Error(opened.error.message);
    await opened.value.client.query('select 1');
    // Like libpq's PQfinish (and so pgbench -C): send Terminate and go on, without waiting for the server to close.
    closing.push(opened.value.client.end());
  }
  const elapsed = performance.now() - started;
  await Promise.all(closing);
  return count / (elapsed / 1000);
}

async function libpqRate(count: number): Promise<number> {
  const script = join(folder, 'select1.sql');
  await writeFile(script, 'select 1;\n');
  const pgbench = findPostgresProgram('pgbench') ?? 'pgbench';
  const { stdout } = await run(
    pgbench,
    [
      '-n',
      '-C',
      '-c',
      '1',
      '-t',
      String(count),
      '-f',
      script,
      '-h',
      'localhost',
      '-p',
      String(cluster.port),
      '-U',
      'postgres',
      'postgres',
    ],
    { env },
  );
  const match = stdout.match(/tps = ([\d.]+)/);
  if (!match) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return Number(match[1]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function wallTime(command: string, args: string[], environment: Record<string, string> = env): number {
  const started = performance.now();
  execFileSync(command, args, { env: environment, stdio: 'ignore' });
  return performance.now() - started;
}

try {
  await oursRate(20);
  await libpqRate(20);
  // Short rounds, each side first in turn, compared round by round: this machine's speed moves within seconds (one
  // run of 3 rounds of 200 printed 0.86x, the next 1.06x), and a ratio of medians taken far apart carries that drift.
  const rounds = 7;
  const ours: number[] = [];
  const libpq: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let mine: number;
    let theirs: number;
    if (round % 2 === 0) {
      mine = await oursRate(100);
      theirs = await libpqRate(100);
    } else {
      theirs = await libpqRate(100);
      mine = await oursRate(100);
    }
    ours.push(mine);
    libpq.push(theirs);
    ratios.push(mine / theirs);
  }
  const rateRatio = median(ratios);
  console.log(
    `connection rate, verify-full, loopback: ours ${median(ours).toFixed(0)}/s, libpq (pgbench -C) ${median(libpq).toFixed(0)}/s, ratio ${rateRatio.toFixed(2)}x (target >= 0.9x; median of ${rounds} back-to-back rounds: ${ratios.map((ratio) => ratio.toFixed(2)).join(' ')})`,
  );

  // The check against psql is compared round by round too (each side first in turn, the ratio of each round's pair,
  // their median): psql's samples are taken in the same rounds as the check's, never pooled from another phase.
  const checkTimes: number[] = [];
  const psqlTimes: number[] = [];
  const checkRatios: number[] = [];
  const psql = () => wallTime('psql', ['-X', '-Atc', 'select 1', conninfo]);
  const checkArgs = ['dist/rdspg.cjs', 'check', conninfo, '--json'];
  const check = (node = 'node', environment: Record<string, string> = env) => wallTime(node, checkArgs, environment);
  // Same-run references for what `check` is made of: Node's own start, and `check` with Node told to use OpenSSL's
  // store (--use-openssl-ca), which skips parsing Node's ~140 bundled roots that Node 20 does whenever a CA is given.
  const nodeTimes: number[] = [];
  const opensslStoreRatios: number[] = [];
  const opensslStoreTimes: number[] = [];
  // And the same `check` on the Node inside Electron 45 (24.x), where a context with a CA no longer builds the
  // bundled root store: what Node 20 alone adds.
  const shipped = ensureShippedNode();
  const shippedBinary = 'node' in shipped ? shipped.node : null;
  const shippedTimes: number[] = [];
  const shippedRatios: number[] = [];
  // And the least any Node program pays for the same exchange (test/bench/minimal-client.cjs: no library, no conninfo
  // rules, no output): the check's figure less this one is what our own code costs.
  const minimalArgs = [
    'test/bench/minimal-client.cjs',
    'localhost',
    `${cluster.port}`,
    'postgres',
    'postgres',
    root.own.certPath,
    factsQuery,
  ];
  const minimalTimes: number[] = [];
  const minimalRatios: number[] = [];
  // A plain check keeps V8's code cache in the app home (electron/cli/compile-cache.ts): its very first run has none.
  const firstRunTimes: number[] = [];
  const firstRunRatios: number[] = [];
  for (let round = 0; round < 5; round++) {
    const home = join(folder, `first-run-${round}`);
    const first = check('node', { ...env, RDSPG_HOME: home });
    firstRunTimes.push(first);
    firstRunRatios.push(first / psql());
  }
  // The first check in the app home the rounds use makes its code cache (the first-run figure above is that case):
  // one unmeasured check per Node first, so that every round measures a check with its cache.
  check();
  if (shippedBinary) check(shippedBinary);
  // 31 rounds: one round's ratio moves with this machine's moment-to-moment speed (1.19–1.62 in one run of 15), and
  // the median of 15 printed 1.46–1.51 in four runs within an hour of unchanged code. 31 rounds take ≈ 10 s more.
  const checkRounds = 31;
  for (let round = 0; round < checkRounds; round++) {
    let mine: number;
    let theirs: number;
    if (round % 2 === 0) {
      mine = check();
      theirs = psql();
    } else {
      theirs = psql();
      mine = check();
    }
    checkTimes.push(mine);
    psqlTimes.push(theirs);
    checkRatios.push(mine / theirs);
    if (shippedBinary) {
      const time = check(shippedBinary);
      shippedTimes.push(time);
      shippedRatios.push(time / theirs);
    }
    nodeTimes.push(wallTime('node', ['-e', '0']));
    const minimal = wallTime('node', minimalArgs);
    minimalTimes.push(minimal);
    minimalRatios.push(minimal / theirs);
    const opensslStore = wallTime('node', ['--use-openssl-ca', ...checkArgs]);
    opensslStoreTimes.push(opensslStore);
    opensslStoreRatios.push(opensslStore / theirs);
  }
  console.log(
    `rdspg check wall time: ${median(checkTimes).toFixed(0)} ms vs psql ${median(psqlTimes).toFixed(0)} ms, ratio ${median(checkRatios).toFixed(2)}x (target <= 1.5x; median of ${checkRounds} rounds' ratios, each side first in turn: ${checkRatios.map((ratio) => ratio.toFixed(2)).join(' ')})`,
  );
  console.log(
    `  same run: node -e 0 ${median(nodeTimes).toFixed(0)} ms; check under node --use-openssl-ca ${median(opensslStoreTimes).toFixed(0)} ms (ratio to psql ${median(opensslStoreRatios).toFixed(2)}x; not shipped)`,
  );
  console.log(
    `  same run: a minimal Node client (net, tls, SCRAM, the facts query; test/bench/minimal-client.cjs) ${median(minimalTimes).toFixed(0)} ms (ratio to psql ${median(minimalRatios).toFixed(2)}x): what Node itself costs here`,
  );
  console.log(
    `  same run: a first check, before any code cache (5 fresh app homes) ${median(firstRunTimes).toFixed(0)} ms (ratio to psql ${median(firstRunRatios).toFixed(2)}x)`,
  );
  console.log(
    shippedBinary
      ? `  same run: check on Node ${shippedNode.version} (Electron 45's) ${median(shippedTimes).toFixed(0)} ms (ratio to psql ${median(shippedRatios).toFixed(2)}x)`
      : `  check on Node ${shippedNode.version}: not measured (${'skip' in shipped ? shipped.skip : 'problem' in shipped ? shipped.problem : ''})`,
  );
} finally {
  await cluster.destroy();
  await rm(folder, { recursive: true, force: true });
}

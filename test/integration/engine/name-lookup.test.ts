import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { startCluster } from '../../support/cluster';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { cleanEnvironment, runPsql } from '../../support/reference-client';
import { runCli } from '../../support/run-cli';

// A getaddrinfo() in front of the C library's (LD_PRELOAD) that writes each call's name and hints to a file, then
// asks the real one: both clients run unchanged, and the log says how each asked for the host's addresses.
const shimSource = `#define _GNU_SOURCE
#include <dlfcn.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints, struct addrinfo **res) {
  int (*real)(const char *, const char *, const struct addrinfo *, struct addrinfo **) = dlsym(RTLD_NEXT, "getaddrinfo");
  FILE *log = fopen(getenv("RDSPG_TEST_LOOKUP_LOG"), "a");
  if (log) {
    fprintf(log, "%s flags=%d family=%d socktype=%d\\n", node ? node : "-", hints ? hints->ai_flags : -1,
            hints ? hints->ai_family : -1, hints ? hints->ai_socktype : -1);
    fclose(log);
  }
  return real(node, service, hints, res);
}
`;

let folder: string;
let shim: string;
let cluster: LocalPostgresCluster;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-lookup-'));
  await writeFile(join(folder, 'shim.c'), shimSource);
  shim = join(folder, 'shim.so');
  execFileSync('cc', ['-shared', '-fPIC', '-o', shim, join(folder, 'shim.c'), '-ldl']);
  cluster = await startCluster({ hba: ['host all all 127.0.0.1/32 trust'] });
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
  await rm(folder, { recursive: true, force: true });
});

/** The getaddrinfo calls a client made for `localhost`, as logged by the shim. */
async function lookups(log: string): Promise<string[]> {
  const text = await readFile(log, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.startsWith('localhost '));
}

describe('a host name is looked up as libpq looks it up', () => {
  it('the same getaddrinfo hints as psql (no AI_ADDRCONFIG): both connect, and nothing is left open', async () => {
    const conninfo = `host=localhost port=${cluster.port} user=postgres dbname=postgres sslmode=disable`;
    const psqlLog = join(folder, 'psql.log');
    const oursLog = join(folder, 'ours.log');
    const psql = await runPsql(
      conninfo,
      cleanEnvironment(folder, { LD_PRELOAD: shim, RDSPG_TEST_LOOKUP_LOG: psqlLog }),
    );
    const ours = await runCli(['check', conninfo, '--json'], {
      env: { ...cleanEnvironment(folder), LD_PRELOAD: shim, RDSPG_TEST_LOOKUP_LOG: oursLog },
    });
    expect(psql.connected).toBe(true);
    expect(ours.status).toBe(0);
    const asked = await lookups(psqlLog);
    expect(asked).toEqual(['localhost flags=0 family=0 socktype=1']);
    expect(await lookups(oursLog)).toEqual(asked);
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });
});

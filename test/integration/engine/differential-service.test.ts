import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConninfo } from '../../../electron/engine';
import { openConnection } from '../../../electron/engine/pg-client';
import { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { cleanEnvironment, psqlAnswer } from '../../support/reference-client';

// psql is the reference: with the same conninfo, service files and environment, both clients must reach the same
// user and database, or both fail with libpq's message.

let cluster: LocalPostgresCluster;
let folder: string;
const query = "select current_user || '/' || current_database()";

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-service-'));
  cluster = await LocalPostgresCluster.create({ hba: ['host all all 127.0.0.1/32 trust'] });
  await cluster.start();
  for (const statement of [
    'create user alice',
    'create user bob',
    'create database svc_a',
    'create database svc_b',
    'create database bob',
  ])
    await cluster.sql(statement);
  const section = (name: string, lines: string[]) => `[${name}]\n${lines.join('\n')}\n`;
  const host = [`host=127.0.0.1`, `port=${cluster.port}`];
  for (const place of ['files', 'home', 'home-other', 'sysconf', 'empty']) await mkdir(join(folder, place));
  await writeFile(
    join(folder, 'files', 'services.conf'),
    `# comment\n${section('first', [...host, 'user=alice', '  dbname=svc_a  '])}${section('second', [...host, 'user=bob'])}`,
  );
  await writeFile(join(folder, 'home', '.pg_service.conf'), section('homely', [...host, 'user=bob', 'dbname=svc_b']));
  await writeFile(join(folder, 'home-other', '.pg_service.conf'), section('unrelated', ['user=nobody']));
  await writeFile(
    join(folder, 'sysconf', 'pg_service.conf'),
    section('system', [...host, 'user=alice', 'dbname=svc_b']),
  );
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
  await rm(folder, { recursive: true, force: true });
});

async function runOurs(conninfo: string, env: Record<string, string>): Promise<string> {
  const parsed = parseConninfo(conninfo);
  if (!parsed.ok) return `error: ${parsed.error.message}`;
  const opened = await openConnection({ keywords: parsed.value, env });
  if (!opened.ok) return `error: ${opened.error.message}`;
  try {
    const { rows } = await opened.value.client.query(query);
    return String(Object.values(rows[0] as object)[0]);
  } finally {
    await opened.value.client.end();
  }
}

const environments = {
  serviceFile: () => ({ PGSERVICEFILE: join(folder, 'files', 'services.conf'), PGSYSCONFDIR: join(folder, 'empty') }),
  home: () => ({ PGSYSCONFDIR: join(folder, 'empty') }),
  sysconf: () => ({ PGSYSCONFDIR: join(folder, 'sysconf') }),
};

const cases: { name: string; conninfo: string; home: string; env: () => Record<string, string>; expected: string }[] = [
  {
    name: 'PGSERVICEFILE',
    conninfo: 'service=first',
    home: 'empty',
    env: environments.serviceFile,
    expected: 'alice/svc_a',
  },
  {
    name: 'the second section',
    conninfo: 'service=second',
    home: 'empty',
    env: environments.serviceFile,
    expected: 'bob/bob',
  },
  {
    name: '~/.pg_service.conf via HOME',
    conninfo: 'service=homely',
    home: 'home',
    env: environments.home,
    expected: 'bob/svc_b',
  },
  {
    name: 'PGSYSCONFDIR after a home file without the section',
    conninfo: 'service=system',
    home: 'home-other',
    env: environments.sysconf,
    expected: 'alice/svc_b',
  },
  {
    name: 'the conninfo overrides a service value',
    conninfo: 'service=first dbname=svc_b',
    home: 'empty',
    env: environments.serviceFile,
    expected: 'alice/svc_b',
  },
  {
    name: 'PGSERVICE names the service',
    conninfo: 'connect_timeout=10',
    home: 'empty',
    env: () => ({ ...environments.serviceFile(), PGSERVICE: 'first' }),
    expected: 'alice/svc_a',
  },
  {
    name: 'the service beats the environment',
    conninfo: 'service=first',
    home: 'empty',
    env: () => ({ ...environments.serviceFile(), PGDATABASE: 'svc_b', PGUSER: 'bob' }),
    expected: 'alice/svc_a',
  },
  {
    name: 'an empty service name is still looked up',
    conninfo: "service='' dbname=alice",
    home: 'home',
    env: environments.sysconf,
    expected: 'error: definition of service "" not found',
  },
  {
    name: 'an unknown service',
    conninfo: 'service=nope',
    home: 'home',
    env: environments.sysconf,
    expected: 'error: definition of service "nope" not found',
  },
  {
    name: 'a missing PGSERVICEFILE',
    conninfo: 'service=first',
    home: 'empty',
    env: () => ({ PGSERVICEFILE: join(folder, 'absent.conf') }),
    expected: `error: service file "${'FOLDER'}/absent.conf" not found`,
  },
];

describe('service resolution (pg_service.conf) against psql', () => {
  it.each(cases)('$name', async (entry) => {
    const env = cleanEnvironment(join(folder, entry.home), entry.env());
    const expected = entry.expected.replace('FOLDER', folder);
    const psql = await psqlAnswer(query, entry.conninfo, env);
    const ours = await runOurs(entry.conninfo, env);
    expect(psql).toBe(expected);
    expect(ours).toBe(psql);
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, parseConninfo } from '../../../electron/engine';
import { openConnection } from '../../../electron/engine/pg-client';
import { simpleQuery } from '../../../electron/engine/simple-query';
import { sayGoodbye } from '../../../electron/engine/wire';
import { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { cleanEnvironment, psqlAnswer } from '../../support/reference-client';

// psql is the reference for what a session starts with: client_encoding (the conninfo, PGCLIENTENCODING, "auto"),
// and PGDATESTYLE, PGTZ, PGGEQO from the environment, which libpq sends in its start-up packet. Both clients must get
// the same settings from the server, or both fail with its FATAL.

let cluster: LocalPostgresCluster;
let home: string;
const query =
  "select current_setting('client_encoding') || '|' || current_setting('TimeZone') || '|' || current_setting('DateStyle') || '|' || current_setting('geqo')";

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdspg-session-settings-'));
  cluster = await LocalPostgresCluster.create({ hba: ['host all all 127.0.0.1/32 trust'] });
  await cluster.start();
  await cluster.sql("create database latin1 encoding 'LATIN1' template template0 lc_collate 'C' lc_ctype 'C'");
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
  await rm(home, { recursive: true, force: true });
});

const conninfo = (extra = '') => `host=127.0.0.1 port=${cluster.port} user=postgres dbname=postgres ${extra}`;

/** The engine's own session (as libpq would have it, before node-postgres), asked the same question. */
async function ours(info: string, env: Record<string, string>): Promise<string> {
  const parsed = parseConninfo(info);
  if (!parsed.ok) return `error: ${parsed.error.message}`;
  const opened = await openSession({ keywords: parsed.value, env });
  if (!opened.ok) return `error: ${opened.error.message}`;
  try {
    const [row] = await simpleQuery(opened.value, query);
    return String(Object.values(row ?? {})[0]);
  } finally {
    await sayGoodbye(opened.value.socket);
  }
}

const cases: { name: string; extra?: string; env?: Record<string, string>; expected: string | RegExp }[] = [
  { name: 'nothing set', expected: 'UTF8|' },
  { name: 'client_encoding in the conninfo', extra: 'client_encoding=LATIN1', expected: 'LATIN1|' },
  { name: 'PGCLIENTENCODING', env: { PGCLIENTENCODING: 'WIN1252' }, expected: 'WIN1252|' },
  {
    name: 'the conninfo before PGCLIENTENCODING',
    extra: 'client_encoding=KOI8R',
    env: { PGCLIENTENCODING: 'WIN1252' },
    expected: 'KOI8R|',
  },
  { name: 'auto under LANG=C', extra: 'client_encoding=auto', expected: 'SQL_ASCII|' },
  { name: 'auto under LC_ALL=C.UTF-8', extra: 'client_encoding=auto', env: { LC_ALL: 'C.UTF-8' }, expected: 'UTF8|' },
  { name: 'PGTZ', env: { PGTZ: 'Asia/Shanghai' }, expected: '|Asia/Shanghai|' },
  { name: 'PGTZ=default', env: { PGTZ: 'default' }, expected: 'UTF8|' },
  { name: 'PGDATESTYLE', env: { PGDATESTYLE: 'SQL, DMY' }, expected: '|SQL, DMY|' },
  { name: 'PGGEQO', env: { PGGEQO: 'off' }, expected: '|off' },
  {
    name: 'a client_encoding the server does not know',
    extra: 'client_encoding=bogus',
    expected: /invalid value for parameter "client_encoding": "bogus"/,
  },
  {
    name: 'AUTO, which libpq does not resolve',
    extra: 'client_encoding=AUTO',
    expected: /invalid value for parameter "client_encoding": "AUTO"/,
  },
  {
    name: 'a PGTZ the server does not know',
    env: { PGTZ: 'Mars/Olympus' },
    expected: /invalid value for parameter "TimeZone": "Mars\/Olympus"/,
  },
];

describe('the session settings libpq sends at start-up, against psql', () => {
  it.each(cases.map((one) => [one.name, one] as const))('%s', async (_name, one) => {
    const env = cleanEnvironment(home, one.env);
    const reference = await psqlAnswer(query, conninfo(one.extra), env);
    const mine = await ours(conninfo(one.extra), env);
    if (typeof one.expected === 'string') {
      expect(reference).toContain(one.expected);
      expect(mine).toBe(reference);
    } else {
      expect(reference).toMatch(one.expected);
      expect(mine).toMatch(/^error: /);
      expect(mine).toMatch(one.expected);
    }
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it("a LATIN1 database with no client_encoding: psql gets the database's, the engine asks for UTF8 (it reads UTF-8)", async () => {
    const env = cleanEnvironment(home);
    const info = conninfo().replace('dbname=postgres', 'dbname=latin1');
    expect(await psqlAnswer(query, info, env)).toMatch(/^LATIN1\|/);
    expect(await ours(info, env)).toMatch(/^UTF8\|/);
    const latin1 = `${info} client_encoding=LATIN1`;
    expect(await psqlAnswer(query, latin1, env)).toBe(await ours(latin1, env));
  });
});

describe('a session node-postgres takes over', () => {
  it('is set to UTF8 and ISO dates when it started with others, and reads text and dates right', async () => {
    const parsed = parseConninfo(conninfo('client_encoding=LATIN1'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const opened = await openConnection({
      keywords: parsed.value,
      env: cleanEnvironment(home, { PGDATESTYLE: 'SQL, DMY', PGTZ: 'UTC' }),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const { client } = opened.value;
    try {
      const { rows } = await client.query(
        "select current_setting('client_encoding') as encoding, current_setting('DateStyle') as style, 'déjà vu'::text as text, timestamptz '2026-12-02 10:20:30+00' as at",
      );
      expect(rows[0]).toMatchObject({ encoding: 'UTF8', style: 'ISO, DMY', text: 'déjà vu' });
      expect((rows[0].at as Date).toISOString()).toBe('2026-12-02T10:20:30.000Z');
    } finally {
      await client.end();
    }
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });
});

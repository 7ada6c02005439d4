// The engine signs in itself (session.ts) and node-postgres takes the started session over for the app's queries
// (pg-client.ts): what node-postgres knows then, and what it does when the server closed the session in between.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionFacts, openSession, parseConninfo } from '../../../electron/engine';
import { attachClient, openConnection } from '../../../electron/engine/pg-client';
import type { LocalPostgresCluster } from '../../../electron/local-postgres/cluster';
import { startCluster } from '../../support/cluster';
import { nothingOpen, settledLeftovers } from '../../support/leftovers';
import { TestAuthority } from '../../support/pki';

let folder: string;
let cluster: LocalPostgresCluster;
let rootFile: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-pg-client-'));
  const root = await TestAuthority.createRoot(join(folder, 'root'), 'Client Root');
  const server = await root.issue({ commonName: 'localhost', dns: ['localhost'] });
  rootFile = root.own.certPath;
  cluster = await startCluster({
    tls: { certificatePem: server.certPem, keyPem: server.keyPem },
    hba: ['hostssl all all 127.0.0.1/32 scram-sha-256'],
    sql: ["create user app password 'app secret'"],
  });
}, 120_000);

afterAll(async () => {
  await cluster?.destroy();
  await rm(folder, { recursive: true, force: true });
});

function request(extra = '') {
  const keywords = parseConninfo(
    `host=localhost port=${cluster.port} user=app dbname=postgres sslmode=verify-full sslrootcert=${rootFile} ${extra}`,
  );
  if (!keywords.ok) throw new Error(keywords.error.message);
  return { keywords: keywords.value, env: { PATH: process.env.PATH ?? '', HOME: folder, PGPASSWORD: 'app secret' } };
}

describe('node-postgres on an engine session', () => {
  it('knows the backend the engine started: its key for cancel requests, its settings, typed rows', async () => {
    const opened = await openConnection(request('application_name=lab options=-cwork_mem=7MB'));
    expect(opened.ok, opened.ok ? '' : opened.error.message).toBe(true);
    if (!opened.ok) return;
    const { client, backend } = opened.value;
    const { rows } = await client.query(
      "select pg_backend_pid() as pid, current_setting('application_name') as name, current_setting('work_mem') as mem, 2::int as two, true as yes",
    );
    expect(rows).toEqual([{ pid: backend.processId, name: 'lab', mem: '7MB', two: 2, yes: true }]);
    expect((client as unknown as { processID: number }).processID).toBe(backend.processId);
    expect(backend.parameters).toContainEqual(['application_name', 'lab']);
    expect(backend.status).toBe('I');
    await client.end();
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it('takes over after the engine asked its own question (the app opens, reads the facts, then queries)', async () => {
    const opened = await openSession(request());
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const facts = await connectionFacts(opened.value);
    expect(facts).toMatchObject({ ssl: true, protocol: 'TLSv1.3', user: 'app' });
    const client = await attachClient(opened.value);
    expect((await client.query('select 40 + 2 as answer')).rows).toEqual([{ answer: 42 }]);
    await client.end();
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it('a session whose socket is gone before node-postgres takes it: the take-over fails at once', async () => {
    const opened = await openSession(request());
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    opened.value.socket.destroy();
    await expect(attachClient(opened.value)).rejects.toThrow('Connection terminated unexpectedly');
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });

  it('a backend the server ended before node-postgres took it: the first query says so, nothing hangs', async () => {
    const opened = await openSession(request());
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    await cluster.sql(`select pg_terminate_backend(${opened.value.backend.processId})`);
    const client = await attachClient(opened.value);
    await expect(client.query('select 1')).rejects.toThrow(/connection/i);
    await client.end().catch(() => undefined);
    expect(await settledLeftovers([cluster])).toEqual(nothingOpen([cluster]));
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppHandlers, createHandlers } from '../../../electron/app/create-handlers';
import { type Caller, dispatch } from '../../../electron/app/handler-table';
import type { AppPorts } from '../../../electron/app/ports';
import { createRdsPort } from '../../../electron/app/rds-ports';
import { startAppServer } from '../../../electron/server/app-server';
import type { FlowStatus } from '../../../shared/contract/rds';
import { sessionHeader, signInPath } from '../../../shared/contract/server-mode';
import { testPorts } from './app-ports';

let home: string;
let ports: AppPorts;
let app: AppHandlers;
const backed = 'pgm-bp1sandbox16pg';
const where = { accountId: 'sandbox', regionId: 'cn-hangzhou', instanceId: backed };
const other = { ...where, instanceId: 'pgm-bp1sandbox14rw' };
const alice: Caller = { session: 'server:alice' };
const bob: Caller = { session: 'server:bob' };

/** Calls a channel as one server-mode session, through the same validation as IPC and server mode. */
// biome-ignore lint/suspicious/noExplicitAny: the answers are checked field by field below
async function call(caller: Caller, name: string, payload: unknown = {}): Promise<any> {
  return dispatch(app.table, name, payload, undefined, caller);
}

/** Polls a job until it ends; every status seen on the way, in order. */
async function follow(caller: Caller, jobId: string): Promise<FlowStatus[]> {
  const seen: FlowStatus[] = [];
  for (let polls = 0; polls < 600; polls++) {
    const answer = await call(caller, 'rds:flow-status', { jobId });
    expect(answer.ok).toBe(true);
    seen.push(answer.value);
    if (answer.value.state !== 'running') return seen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobId} still running after 600 polls`);
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'rdspg-change-jobs-'));
  const base = testPorts(home);
  // No PostgreSQL behind the sandbox: these changes are about the API's timing, not the cluster.
  const env = { ...base.env, RDSPG_SANDBOX_POSTGRES: 'off', RDSPG_SANDBOX_MODIFY_DELAY_MS: '1500' };
  ports = { ...base, env, rds: createRdsPort({ home, env, vault: base.vault }) };
  app = createHandlers(ports);
  expect((await call(alice, 'rds:sandbox-start')).ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await app?.sessions.closeAll();
  await ports?.rds.close();
  await rm(home, { recursive: true, force: true });
});

describe('public endpoint and enforced SSL changes run as jobs', () => {
  it('release answers a job id at once; the job shows the instance deleting the network, then Running', async () => {
    const started = await call(alice, 'rds:public-endpoint-release', where);
    expect(started.value.jobId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const seen = await follow(alice, started.value.jobId);
    expect(seen.map((status) => status.instanceStatus)).toContain('NET_DELETING');
    const last = seen.at(-1);
    expect(last).toMatchObject({ change: 'public_endpoint_release', state: 'succeeded', instanceStatus: 'Running' });
    expect(last?.steps).toEqual(['sent', 'waiting', 'done']);
    expect(last?.publicEndpoint?.endpoint).toBe(`${backed}o.pg.rds.aliyuncs.com`);
    // Nothing left to release: the job fails with the code and a next step.
    const again = await follow(alice, (await call(alice, 'rds:public-endpoint-release', where)).value.jobId);
    expect(again.at(-1)?.error).toMatchObject({ code: 'endpoint_not_found', message: /nothing to release/ });
  });

  it('refuses a second change of the same instance while one runs, whoever asks, and only one of parallel calls starts', async () => {
    const allocate = { ...where, prefix: `${backed}-pub`, port: 5432 };
    const answers = await Promise.all([
      call(alice, 'rds:public-endpoint-allocate', allocate),
      call(bob, 'rds:ssl-enforce', { ...where, enforce: true }),
      call(bob, 'rds:flow-start', { ...where, change: { kind: 'disable' } }),
      // The same instance named with another region is the same instance.
      call(bob, 'rds:ssl-enforce', { ...where, regionId: 'cn-shanghai', enforce: true }),
    ]);
    const started = answers.filter((answer) => answer.ok);
    expect(started).toHaveLength(1);
    for (const refused of answers.filter((answer) => !answer.ok)) {
      expect(refused.error.code).toBe('change_in_progress');
      expect(refused.error.message).toMatch(/Wait until the instance is Running again, then retry/);
    }
    // Another instance changes meanwhile.
    const elsewhere = await call(bob, 'rds:ssl-enforce', { ...other, enforce: true });
    expect(elsewhere.ok).toBe(true);
    const owner = answers[0].ok ? alice : bob;
    expect((await follow(owner, started[0].value.jobId)).at(-1)?.state).not.toBe('running');
    expect((await follow(bob, elsewhere.value.jobId)).at(-1)).toMatchObject({ state: 'succeeded' });
    // Once it is over, the next change starts.
    const next = await call(bob, 'rds:ssl-enforce', { ...where, enforce: false });
    expect(next.ok).toBe(true);
    expect((await follow(bob, next.value.jobId)).at(-1)?.state).toBe('succeeded');
  });

  it('a job answers only to the session that started it: another session can neither read nor stop it', async () => {
    const started = await call(alice, 'rds:ssl-enforce', { ...where, enforce: true });
    const { jobId } = started.value;
    expect((await call(bob, 'rds:flow-status', { jobId })).error.code).toBe('job_not_found');
    expect((await call(bob, 'rds:flow-cancel', { jobId })).error.code).toBe('job_not_found');
    const finished = (await follow(alice, jobId)).at(-1);
    expect(finished).toMatchObject({ change: 'ssl_enforce', state: 'succeeded' });
    expect(finished?.enforcement?.plainAcceptedAfter).toBe(false);
    const ids = await Promise.all(
      [1, 2, 3].map(async () => (await call(alice, 'rds:ssl-enforce', { ...other, enforce: false })).value?.jobId),
    );
    // One of three parallel calls starts; a finished job's id is not reused.
    expect(ids.filter(Boolean)).toHaveLength(1);
    expect(ids).not.toContain(jobId);
  });

  it('server mode: each signed-in browser session is its own caller, and cannot read the job of another', async () => {
    const urls: string[] = [];
    const server = await startAppServer({
      table: app.table,
      staticRoot: home,
      host: '127.0.0.1',
      port: 0,
      onSignInUrl: (url) => urls.push(url),
    });
    try {
      // biome-ignore lint/suspicious/noExplicitAny: the answers are checked field by field below
      const post = async (path: string, body: unknown, session?: string): Promise<any> => {
        const headers = {
          'content-type': 'application/json',
          origin: server.origin,
          ...(session ? { [sessionHeader]: session } : {}),
        };
        const reply = await fetch(`${server.origin}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
        return reply.json();
      };
      const signIn = async (url: string) =>
        (await post(signInPath, { token: new URL(url).hash.slice(7) })).value.session;
      const first = await signIn(server.url);
      const second = await signIn(urls[0] ?? '');
      const started = await post('/api/rds:ssl-enforce', { ...where, enforce: false }, first);
      const { jobId } = started.value;
      expect((await post('/api/rds:flow-status', { jobId }, second)).error.code).toBe('job_not_found');
      expect((await post('/api/rds:flow-status', { jobId }, first)).value.change).toBe('ssl_enforce');
      // Neither is it the desktop window's.
      expect((await call({ session: 'desktop' }, 'rds:flow-status', { jobId })).error.code).toBe('job_not_found');
      for (;;) {
        const status = await post('/api/rds:flow-status', { jobId }, first);
        if (status.value.state !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await server.close();
    }
  });
});

describe('"Stop waiting" stops the wait, not the knowledge that the instance is changing', () => {
  // Instances no other test here changes, so their state before each test is the seed's.
  const tokyo = { accountId: 'sandbox', regionId: 'ap-northeast-1', instanceId: 'pgm-6wesandbox15pg' };
  const shanghai = { accountId: 'sandbox', regionId: 'cn-shanghai', instanceId: 'pgm-uf6sandbox16pg' };

  /** The instance's status and endpoint hosts as the service reports them now. */
  async function instanceNow(target: typeof tokyo): Promise<{ status: string; hosts: string[] }> {
    const read = await call(alice, 'rds:instance', target);
    expect(read.ok).toBe(true);
    return {
      status: read.value.instance.status,
      hosts: read.value.choices.map((choice: { host: string }) => choice.host),
    };
  }

  it('after the change was sent, a second change is refused with change_in_progress until the instance is Running again', async () => {
    const publicHost = `${tokyo.instanceId}o.pg.rds.aliyuncs.com`;
    expect((await instanceNow(tokyo)).hosts).toContain(publicHost);
    const { jobId } = (await call(alice, 'rds:public-endpoint-release', tokyo)).value;
    // A reloaded page finds its own change of the instance; another session's list stays empty.
    expect((await call(alice, 'rds:flow-jobs', tokyo)).value.jobs.map((job: FlowStatus) => job.jobId)).toEqual([jobId]);
    expect((await call(bob, 'rds:flow-jobs', tokyo)).value.jobs).toEqual([]);
    for (let polls = 0; !(await call(alice, 'rds:flow-status', { jobId })).value.steps.includes('sent'); polls++) {
      expect(polls).toBeLessThan(300);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await call(alice, 'rds:flow-cancel', { jobId })).ok).toBe(true);
    const stopped = (await call(alice, 'rds:flow-status', { jobId })).value;
    expect(stopped).toMatchObject({ state: 'cancelled', afterStop: { state: 'changing', error: null } });
    expect(stopped.error).toMatchObject({ code: 'cancelled', message: /still under way at the service/ });
    // Refused, whoever asks, until the release ended at the service; then the next change is accepted.
    const seenWhileRefused = new Set<string>();
    let second = await call(bob, 'rds:ssl-enforce', { ...tokyo, enforce: true });
    for (let tries = 0; !second.ok; tries++) {
      expect(tries).toBeLessThan(600);
      expect(second.error.code).toBe('change_in_progress');
      expect(second.error.message).toMatch(
        /still under way at the service.*Wait until the instance is Running again, then retry/,
      );
      seenWhileRefused.add((await instanceNow(tokyo)).status);
      await new Promise((resolve) => setTimeout(resolve, 100));
      second = await call(bob, 'rds:ssl-enforce', { ...tokyo, enforce: true });
    }
    expect(seenWhileRefused).toContain('NET_DELETING');
    const after = await instanceNow(tokyo);
    expect(after.status).toBe('Running');
    expect(after.hosts).not.toContain(publicHost);
    // The stopped job shows no progress after the stop, and tells how the unseen wait ended.
    const ended = (await call(alice, 'rds:flow-status', { jobId })).value;
    expect(ended).toMatchObject({ state: 'cancelled', steps: stopped.steps, afterStop: { state: 'ended' } });
    expect((await follow(bob, second.value.jobId)).at(-1)?.state).toBe('succeeded');
  });

  it('before the change was sent, stopping frees the instance at once and nothing is sent', async () => {
    const publicHost = `${shanghai.instanceId}o.pg.rds.aliyuncs.com`;
    const { jobId } = (await call(alice, 'rds:public-endpoint-release', shanghai)).value;
    expect((await call(alice, 'rds:flow-cancel', { jobId })).ok).toBe(true);
    const next = await call(alice, 'rds:ssl-enforce', { ...shanghai, enforce: true });
    expect(next.error).toBeUndefined();
    const stopped = (await follow(alice, jobId)).at(-1);
    expect(stopped).toMatchObject({ state: 'cancelled', afterStop: null, error: { code: 'cancelled' } });
    expect(stopped?.steps).not.toContain('sent');
    expect((await follow(alice, next.value.jobId)).at(-1)?.state).toBe('succeeded');
    // The release was never sent: the public endpoint is still there.
    expect(await instanceNow(shanghai)).toEqual({ status: 'Running', hosts: expect.arrayContaining([publicHost]) });
  });
});

describe('"Stop waiting" while the change request is on its way (a slow network: every answer 500 ms late)', () => {
  let slowHome: string;
  let slowPorts: AppPorts;
  let slow: AppHandlers;
  // biome-ignore lint/suspicious/noExplicitAny: the answers are checked field by field below
  const slowCall = (name: string, payload: unknown = {}): Promise<any> =>
    dispatch(slow.table, name, payload, undefined, alice);

  beforeAll(async () => {
    slowHome = await mkdtemp(join(tmpdir(), 'rdspg-change-jobs-slow-'));
    const base = testPorts(slowHome);
    const env = {
      ...base.env,
      RDSPG_SANDBOX_POSTGRES: 'off',
      RDSPG_SANDBOX_MODIFY_DELAY_MS: '1500',
      RDSPG_SANDBOX_LATENCY_MS: '500',
    };
    slowPorts = { ...base, env, rds: createRdsPort({ home: slowHome, env, vault: base.vault }) };
    slow = createHandlers(slowPorts);
    expect((await slowCall('rds:sandbox-start')).ok).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await slow?.sessions.closeAll();
    await slowPorts?.rds.close();
    await rm(slowHome, { recursive: true, force: true });
  });

  it('the request still reaches the service: the instance stays held, and the change is followed unseen to its end', async () => {
    const before = (await slowCall('rds:instance', where)).value;
    expect(before.ssl.enabled).toBe(false);
    const endpoint = before.choices[0].host;
    const { jobId } = (await slowCall('rds:flow-start', { ...where, change: { kind: 'enable', endpoint } })).value;
    // The restart warning is the last step before ModifyDBInstanceSSL goes out; its answer takes 500 ms.
    for (let polls = 0; ; polls++) {
      const { steps } = (await slowCall('rds:flow-status', { jobId })).value;
      if (steps.includes('restart_warning')) break;
      expect(polls).toBeLessThan(500);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect((await slowCall('rds:flow-cancel', { jobId })).ok).toBe(true);
    const stopped = (await slowCall('rds:flow-status', { jobId })).value;
    expect(stopped.steps).not.toContain('sent');
    expect(stopped).toMatchObject({ state: 'cancelled', afterStop: { state: 'changing', error: null } });
    expect(stopped.error.message).toMatch(/request was already on its way.*still under way at the service/);
    // Held until the change ended at the service, then free.
    let refused = 0;
    let second = await slowCall('rds:ssl-enforce', { ...where, enforce: false });
    for (let tries = 0; !second.ok; tries++) {
      expect(tries).toBeLessThan(300);
      expect(second.error.code).toBe('change_in_progress');
      refused += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
      second = await slowCall('rds:ssl-enforce', { ...where, enforce: false });
    }
    expect(refused).toBeGreaterThan(0);
    expect((await slowCall('rds:flow-status', { jobId })).value.afterStop).toMatchObject({ state: 'ended' });
    expect((await slowCall('rds:instance', where)).value.ssl).toMatchObject({
      enabled: true,
      protectedEndpoint: endpoint,
    });
  }, 120_000);
});

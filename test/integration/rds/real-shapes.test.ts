import { afterEach, describe, expect, it } from 'vitest';
import { auditFleet } from '../../../electron/rds/fleet-audit';
import { pendingRenewal } from '../../../electron/rds/scheduled-renewal';
import { RdsSandbox } from '../../../electron/sandbox/index';
import { sandboxClient } from './helpers';

let sandbox: RdsSandbox | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

async function started(): Promise<RdsSandbox> {
  sandbox = new RdsSandbox({ modifyStartDelayMs: 0, modifyDelayMs: 10 });
  await sandbox.start();
  return sandbox;
}

const dayMs = 86_400_000;

describe('shapes the real service shows', () => {
  it('names regions in the language asked for (English by default) and gives Tokyo its own endpoint', async () => {
    const box = await started();
    const client = sandboxClient(box);
    const english = await client.regions();
    const chinese = await client.regions({ language: 'zh-CN' });
    if (!english.ok || !chinese.ok) throw new Error('DescribeRegions failed');
    expect(english.value.find((region) => region.regionId === 'cn-hangzhou')?.localName).toBe('China (Hangzhou)');
    expect(english.value.every((region) => !/[\u4e00-\u9fff]/.test(region.localName))).toBe(true);
    expect(chinese.value.find((region) => region.regionId === 'cn-hangzhou')?.localName).toBe('华东 1（杭州）');
    const shared = english.value.find((region) => region.regionId === 'cn-hangzhou')?.endpoint;
    const tokyo = english.value.find((region) => region.regionId === 'ap-northeast-1')?.endpoint;
    expect(shared).toBe(new URL(box.endpoint).host);
    expect(tokyo).not.toBe(shared);
  });

  it('calls a region with its own endpoint there: Tokyo answers only on its endpoint', async () => {
    const box = await started();
    const listed = await sandboxClient(box).instances('ap-northeast-1');
    expect(listed.ok && listed.value.map((item) => item.instanceId)).toEqual(['pgm-6wesandbox15pg']);
    const tokyoClient = sandboxClient(box, { regionId: 'ap-northeast-1' });
    const ssl = await tokyoClient.sslState('pgm-6wesandbox15pg');
    expect(ssl.ok).toBe(true);
    // The shared endpoint does not serve Tokyo: a client that cannot learn RegionEndpoint falls back to it and fails.
    box.injector.faults = { script: [{ action: 'DescribeRegions', code: 'Forbidden.RAM', times: 1 }] };
    const blind = await sandboxClient(box, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }).instances(
      'ap-northeast-1',
    );
    expect(blind.ok).toBe(false);
  });

  it('lists a read-only instance beside its primary, with SSL settings of its own', async () => {
    const box = await started();
    const client = sandboxClient(box);
    const instances = await client.instances('cn-hangzhou');
    if (!instances.ok) throw new Error(instances.error.message);
    const readOnly = instances.value.find((item) => item.instanceId === 'pgr-bp1sandbox16ro');
    expect(readOnly).toMatchObject({ instanceType: 'Readonly', primaryInstanceId: 'pgm-bp1sandbox16pg' });
    expect(instances.value.find((item) => item.instanceId === 'pgm-bp1sandbox16pg')).toMatchObject({
      instanceType: 'Primary',
      primaryInstanceId: null,
    });
    const sent = await client.modifySsl({
      instanceId: 'pgr-bp1sandbox16ro',
      connectionString: 'pgr-bp1sandbox16roo.pg.rds.aliyuncs.com',
      sslEnabled: 1,
      caType: 'aliyun',
    });
    expect(sent.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const own = await client.sslState('pgr-bp1sandbox16ro');
    const primary = await client.sslState('pgm-bp1sandbox16pg');
    expect(own.ok && own.value.enabled).toBe(true);
    expect(primary.ok && primary.value.enabled).toBe(false);
  });

  it('maps the classic network (IPType Inner), PGBouncerPort and MySQL Yes/No', async () => {
    const box = await started();
    const client = sandboxClient(box);
    const classic = await client.endpoints('pgm-bp1sandbox10pg');
    expect(classic.ok && classic.value.map((item) => [item.ipType, item.kind])).toEqual([['Inner', 'internal']]);
    const bouncer = await client.endpoints('pgm-bp1sandbox14ld');
    expect(bouncer.ok && bouncer.value.map((item) => item.pgBouncerPort)).toEqual([6432, null]);
    const mysql = box.instances.get('rm-bp1sandboxmysql8');
    if (!mysql) throw new Error('no MySQL instance');
    const off = await client.sslState('rm-bp1sandboxmysql8');
    expect(off.ok && off.value.enabled).toBe(false);
    mysql.ssl = { ...mysql.ssl, enabled: true, caType: 'aliyun', expiresAt: new Date(Date.now() + 5 * dayMs) };
    const on = await client.sslState('rm-bp1sandboxmysql8');
    expect(on.ok && [on.value.enabled, on.value.requireUpdate]).toEqual([true, true]);
  });
});

describe('the automatic renewal of cloud certificates', () => {
  it('reports the scheduled renewal (time, restart), shows it in the audit, and carries it out when due', async () => {
    const box = await started();
    const client = sandboxClient(box);
    const id = 'pgm-bp1sandbox16pg';
    const host = 'pgm-bp1sandbox16pgo.pg.rds.aliyuncs.com';
    expect((await client.modifySsl({ instanceId: id, connectionString: host, sslEnabled: 1 })).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await pendingRenewal(client, 'cn-hangzhou', id, 'en-US')).toEqual({ ok: true, value: null });
    const instance = box.instances.get(id);
    if (!instance) throw new Error('no instance');
    const expiresAt = new Date(Date.now() + 20 * dayMs);
    instance.ssl = { ...instance.ssl, expiresAt };
    const renewal = await pendingRenewal(client, 'cn-hangzhou', id, 'en-US');
    if (!renewal.ok || !renewal.value) throw new Error('no renewal scheduled');
    expect(renewal.value).toMatchObject({ instanceId: id, restart: true, sslRenewal: true });
    const switchTime = Date.parse(renewal.value.switchTime ?? '');
    expect(switchTime).toBeGreaterThan(Date.now());
    expect(switchTime).toBeLessThan(expiresAt.getTime());
    const chinese = await pendingRenewal(client, 'cn-hangzhou', id, 'zh-CN');
    expect(chinese.ok && chinese.value?.impactText).toBe('实例闪断');
    const audit = await auditFleet(client, { regionIds: ['cn-hangzhou'] });
    if (!audit.ok) throw new Error(audit.error.message);
    expect(audit.value.rows.find((item) => item.instanceId === id)).toMatchObject({
      renewalScheduledAt: renewal.value.switchTime,
      renewalRestart: true,
    });
    expect(audit.value.rows.find((item) => item.instanceId === 'pgr-bp1sandbox16ro')).toMatchObject({
      instanceType: 'Readonly',
      primaryInstanceId: id,
      renewalScheduledAt: null,
    });
    // Past its switch time the sandbox carries the renewal out: a new 365-day certificate, no task left.
    instance.ssl = { ...instance.ssl, expiresAt: new Date(Date.now() + 5 * dayMs) };
    const after = await client.sslState(id);
    if (!after.ok || !after.value.expiresAt) throw new Error('no expiry after the renewal');
    expect(Date.parse(after.value.expiresAt)).toBeGreaterThan(Date.now() + 360 * dayMs);
    expect(await pendingRenewal(client, 'cn-hangzhou', id, 'en-US')).toEqual({ ok: true, value: null });
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RdsClient } from '../../../electron/rds/rds-client';
import { SslFlow } from '../../../electron/rds/ssl-flow';
import { RdsSandbox } from '../../../electron/sandbox/index';
import { sandboxClient } from './helpers';

let sandbox: RdsSandbox;
let readOnly: { accessKeyId: string; accessKeySecret: string };

beforeAll(async () => {
  readOnly = { accessKeyId: 'LTAI5tReadOnlyUser', accessKeySecret: 'read-only-secret' };
  sandbox = new RdsSandbox({
    modifyStartDelayMs: 100,
    modifyDelayMs: 60,
    accessKeys: [{ ...readOnly, allowedActions: ['DescribeRegions', 'DescribeDBInstances', 'DescribeDBInstanceSSL'] }],
  });
  await sandbox.start();
});
afterAll(() => sandbox.close());

describe('RdsClient against the sandbox through the SDK', () => {
  it('lists the regions, one entry per region', async () => {
    const regions = await sandboxClient(sandbox).regions();
    expect(regions.ok && regions.value.map((region) => region.regionId)).toEqual([
      'cn-hangzhou',
      'cn-shanghai',
      'ap-southeast-1',
      'ap-northeast-1',
    ]);
  });

  it('lists only PostgreSQL instances of a region', async () => {
    const instances = await sandboxClient(sandbox).instances('cn-hangzhou');
    if (!instances.ok) throw new Error(instances.error.message);
    expect(instances.value.every((item) => item.engine === 'PostgreSQL')).toBe(true);
    expect(instances.value.map((item) => item.engineVersion).sort()).toEqual([
      '10.0',
      '14.0',
      '14.0',
      '14.0',
      '16.0',
      '16.0',
      '9.4',
    ]);
    const mysql = await sandboxClient(sandbox).instances('cn-hangzhou', 'MySQL');
    expect(mysql.ok && mysql.value.map((item) => item.instanceId)).toEqual(['rm-bp1sandboxmysql8']);
  });

  it('reads the attributes and the endpoints of an instance', async () => {
    const client = sandboxClient(sandbox);
    const instance = await client.instance('pgm-bp1sandbox14rw');
    expect(instance.ok && instance.value).toMatchObject({ engineVersion: '14.0', status: 'Running', port: 5432 });
    const endpoints = await client.endpoints('pgm-bp1sandbox14rw');
    if (!endpoints.ok) throw new Error(endpoints.error.message);
    expect(endpoints.value.map((item) => [item.kind, item.readWriteSplitting])).toEqual([
      ['internal', false],
      ['public', false],
      ['internal', true],
    ]);
  });

  it('never keeps ServerKey from DescribeDBInstanceSSL', async () => {
    const client = sandboxClient(sandbox);
    const sent = await client.modifySsl({
      instanceId: 'pgm-uf6sandbox16pg',
      connectionString: 'pgm-uf6sandbox16pgo.pg.rds.aliyuncs.com',
      sslEnabled: 1,
    });
    expect(sent.ok).toBe(true);
    const endpoint = 'pgm-uf6sandbox16pgo.pg.rds.aliyuncs.com';
    const wait = { initialDelayMs: 20, maxDelayMs: 50 };
    const settled = await new SslFlow(client).waitUntilSettled(
      'pgm-uf6sandbox16pg',
      { kind: 'enable', endpoint },
      null,
      {
        wait,
      },
    );
    expect(settled.ok).toBe(true);
    const ssl = await client.sslState('pgm-uf6sandbox16pg');
    if (!ssl.ok) throw new Error(ssl.error.message);
    expect(ssl.value.enabled).toBe(true);
    expect(sandbox.instances.get('pgm-uf6sandbox16pg')?.ssl.serverKey).toContain('PRIVATE KEY');
    expect(JSON.stringify(ssl.value)).not.toContain('PRIVATE KEY');
  });

  it('maps a wrong secret and an unknown key to clear failures', async () => {
    const wrong = await sandboxClient(sandbox, { accessKeySecret: 'wrong' }).regions();
    expect(!wrong.ok && wrong.error.code).toBe('signature_mismatch');
    const unknown = await sandboxClient(sandbox, { accessKeyId: 'LTAI5tNobody' }).regions();
    expect(!unknown.ok && unknown.error.code).toBe('access_key_not_found');
    expect(!unknown.ok && unknown.error.message).toContain('RAM console');
  });

  it('names the missing RAM action on Forbidden.RAM', async () => {
    const result = await sandboxClient(sandbox, readOnly).modifySsl({
      instanceId: 'pgm-bp1sandbox10pg',
      connectionString: 'pgm-bp1sandbox10pg.pg.rds.aliyuncs.com',
      sslEnabled: 1,
    });
    expect(!result.ok && result.error.code).toBe('permission_denied');
    expect(!result.ok && result.error.message).toContain('rds:ModifyDBInstanceSSL');
  });

  it('maps an unknown instance to instance_not_found without retrying', async () => {
    const client = sandboxClient(sandbox);
    const result = await client.sslState('pgm-doesnotexist');
    expect(!result.ok && result.error.code).toBe('instance_not_found');
    expect(client.stats.retries).toBe(0);
  });

  it('retries throttling and 5xx, then succeeds', async () => {
    sandbox.injector.faults = {
      script: [
        { action: 'DescribeRegions', code: 'Throttling.User', times: 1 },
        { action: 'DescribeRegions', code: 'ServiceUnavailable', times: 1 },
        { action: 'DescribeRegions', code: 'InternalError', times: 1 },
      ],
    };
    const client = sandboxClient(sandbox);
    const regions = await client.regions();
    sandbox.injector.faults = {};
    expect(regions.ok).toBe(true);
    expect(client.stats).toMatchObject({ calls: 4, retries: 3, throttled: 1, throttledGivenUp: 0 });
  });

  it('gives up after the bounded attempts with the last error', async () => {
    sandbox.injector.faults = { script: [{ action: 'DescribeRegions', code: 'InternalError', times: 10 }] };
    const client = sandboxClient(sandbox);
    const regions = await client.regions();
    sandbox.injector.faults = {};
    expect(!regions.ok && regions.error.code).toBe('internal_error');
    expect(!regions.ok && regions.error.message).toContain('gave up after 4 attempts');
    expect(client.stats.calls).toBe(4);
  });

  it('reports a network time-out when the service answers too slowly', async () => {
    sandbox.injector.faults = { latencyMs: 400 };
    const client = sandboxClient(sandbox, { timeoutMs: 100, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    const regions = await client.regions();
    sandbox.injector.faults = {};
    expect(!regions.ok && regions.error.code).toBe('network_timeout');
  });

  it('walks every page of DescribeDBInstances', async () => {
    const fleet = new RdsSandbox({ fleet: { regions: 1, perRegion: 230 } });
    await fleet.start();
    try {
      const client = sandboxClient(fleet);
      const instances = await client.instances('sandbox-region-01');
      expect(instances.ok && new Set(instances.value.map((item) => item.instanceId)).size).toBe(230);
      expect(fleet.stats.calls.DescribeDBInstances).toBe(3);
    } finally {
      await fleet.close();
    }
  });
});

describe('RdsClient edge cases', () => {
  it('sends the STS token and maps a wrong one', async () => {
    const sts = new RdsSandbox({
      accessKeys: [{ accessKeyId: 'STS.NTest', accessKeySecret: 'sts-secret', securityToken: 'token-1' }],
    });
    await sts.start();
    try {
      const withToken = (securityToken: string) =>
        sandboxClient(sts, {
          credentials: {
            kind: 'access_key',
            source: 'test',
            accessKeyId: 'STS.NTest',
            accessKeySecret: 'sts-secret',
            securityToken,
            regionId: null,
          },
        });
      expect((await withToken('token-1').regions()).ok).toBe(true);
      const wrong = await withToken('token-2').regions();
      expect(!wrong.ok && wrong.error.code).toBe('security_token_invalid');
    } finally {
      await sts.close();
    }
  });

  it('says so when the endpoint answers something that is not the RDS API', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body>Bad Gateway</body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const client = new RdsClient({
        credentials: { kind: 'access_key', source: 'test', accessKeyId: 'a', accessKeySecret: 'b', regionId: null },
        endpoint: { host: `127.0.0.1:${port}`, protocol: 'http', url: `http://127.0.0.1:${port}` },
      });
      const result = await client.regions();
      expect(!result.ok && result.error.code).toBe('invalid_endpoint');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

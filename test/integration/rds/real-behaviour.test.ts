import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditFleet } from '../../../electron/rds/fleet-audit';
import { SslFlow } from '../../../electron/rds/ssl-flow';
import { RdsSandbox, type SandboxOptions } from '../../../electron/sandbox/index';
import type { SslFlowStep } from '../../../shared/rds-ssl-flow';
import { selfSignedRsa } from '../../support/cert-tools';
import { sandboxClient } from './helpers';

const fastWait = { initialDelayMs: 20, factor: 1.5, maxDelayMs: 80, timeoutMs: 20_000 };
const id = 'pgm-bp1sandbox16pg';
const publicHost = `${id}o.pg.rds.aliyuncs.com`;
let folder: string;
let sandbox: RdsSandbox | null = null;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'rds-real-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

async function started(options: SandboxOptions = {}): Promise<RdsSandbox> {
  sandbox = new RdsSandbox({ modifyStartDelayMs: 250, modifyDelayMs: 150, ...options });
  await sandbox.start();
  return sandbox;
}

function waitingStatuses(steps: SslFlowStep[]): string[] {
  return steps.flatMap((step) => (step.step === 'waiting' ? [step.status] : []));
}

describe('instances that cannot use SSL', () => {
  const ineligible = [
    ['pgm-bp1sandbox94pg', 'InvaildEngineInRegion.ValueNotSupported', 'PostgreSQL 9.4 is too old'],
    ['pgm-bp1sandbox14ld', 'InstanceEngineType.NotSupport', 'local disks'],
    ['pgm-bp1sandbox14sl', 'OperationDenied.DBInstanceType', 'Serverless'],
  ] as const;

  it('answer DescribeDBInstanceSSL with the errors the provider tolerates; the app reads "SSL not available"', async () => {
    const client = sandboxClient(await started());
    for (const [instanceId, serviceCode, reason] of ineligible) {
      const raw = await client.sslState(instanceId);
      expect(!raw.ok && raw.error).toMatchObject({ code: 'ssl_unavailable' });
      expect(!raw.ok && raw.error.message).toContain(serviceCode);
      const plan = await new SslFlow(client).prepare(instanceId);
      if (!plan.ok) throw new Error(plan.error.message);
      expect(plan.value.ssl).toMatchObject({ enabled: false });
      expect(plan.value.ssl.unavailableReason).toContain(reason);
    }
  });

  it('show up in the fleet audit as not available, with the reason, not as failures', async () => {
    const box = await started();
    const report = await auditFleet(sandboxClient(box), { regionIds: ['cn-hangzhou'] });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.failures).toBe(0);
    for (const [instanceId, , reason] of ineligible) {
      const row = report.value.rows.find((item) => item.instanceId === instanceId);
      expect(row).toMatchObject({ sslEnabled: false, error: null });
      expect(row?.sslUnavailableReason).toContain(reason);
    }
    const eligible = report.value.rows.find((item) => item.instanceId === id);
    expect(eligible?.sslUnavailableReason).toBeNull();
  });

  it('are taken at the service word when the attributes show no reason, and no change is sent', async () => {
    const box = await started({
      faults: { script: [{ action: 'DescribeDBInstanceSSL', code: 'InstanceEngineType.NotSupport', times: 1 }] },
    });
    const result = await new SslFlow(sandboxClient(box)).run(id, { kind: 'enable', endpoint: publicHost });
    expect(!result.ok && result.error.code).toBe('prerequisite_not_met');
    expect(!result.ok && result.error.message).toContain('SSL is not available for this instance');
    expect(box.stats.calls.ModifyDBInstanceSSL ?? 0).toBe(0);
  });

  it('refuse ModifyDBInstanceSSL with documented codes', async () => {
    const client = sandboxClient(await started());
    const old = await client.modifySsl({
      instanceId: 'pgm-bp1sandbox94pg',
      connectionString: 'pgm-bp1sandbox94pg.pg.rds.aliyuncs.com',
      sslEnabled: 1,
    });
    expect(!old.ok && old.error.message).toContain('IncorrectEngineVersion');
    const serverless = await client.modifySsl({
      instanceId: 'pgm-bp1sandbox14sl',
      connectionString: 'pgm-bp1sandbox14sl.pg.rds.aliyuncs.com',
      sslEnabled: 1,
    });
    expect(!serverless.ok && serverless.error.code).toBe('ssl_unavailable');
  });
});

describe('asynchronous changes', () => {
  it('keeps the old state first, then SSL_MODIFYING, then the new state', async () => {
    const box = await started({ modifyStartDelayMs: 400 });
    const client = sandboxClient(box);
    const sent = await client.modifySsl({ instanceId: id, connectionString: publicHost, sslEnabled: 1 });
    expect(sent.ok).toBe(true);
    const right = await client.sslState(id);
    expect(box.instances.get(id)?.status).toBe('Running');
    expect(right.ok && right.value.enabled).toBe(false);
    const steps: SslFlowStep[] = [];
    const done = await new SslFlow(client).waitUntilSettled(id, { kind: 'enable', endpoint: publicHost }, null, {
      wait: fastWait,
      onStep: (step) => steps.push(step),
    });
    expect(done.ok && done.value).toMatchObject({ enabled: true, protectedEndpoint: publicHost });
    const statuses = waitingStatuses(steps);
    expect(statuses[0]).toBe('Running');
    expect(statuses).toContain('SSL_MODIFYING');
  });

  it('finishes after ConcurrentLimit on the first Modify and with LastModifyStatus always empty', async () => {
    const box = await started({
      reportLastModifyStatus: false,
      faults: { script: [{ action: 'ModifyDBInstanceSSL', code: 'ConcurrentLimit', times: 1 }] },
    });
    const steps: SslFlowStep[] = [];
    const result = await new SslFlow(sandboxClient(box)).run(
      id,
      { kind: 'enable', endpoint: publicHost },
      { wait: fastWait, onStep: (step) => steps.push(step) },
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ enabled: true, protectedEndpoint: publicHost, lastModifyStatus: null });
    expect(box.stats.calls.ModifyDBInstanceSSL).toBe(2);
    expect(steps.every((step) => step.step !== 'waiting' || step.lastModifyStatus === null)).toBe(true);
    expect(waitingStatuses(steps)).toContain('SSL_MODIFYING');
  });

  it('reports a failure from ModifyStatusReason when LastModifyStatus is empty', async () => {
    const box = await started({
      reportLastModifyStatus: false,
      applySsl: async () => {
        throw new Error('disk full');
      },
    });
    const result = await new SslFlow(sandboxClient(box)).run(
      id,
      { kind: 'enable', endpoint: publicHost },
      { wait: fastWait },
    );
    expect(!result.ok && result.error.code).toBe('ssl_change_failed');
    expect(!result.ok && result.error.message).toContain('disk full');
  });

  it('waits for a custom certificate on the same endpoint and for a changed ACL to become visible', async () => {
    const box = await started();
    const flow = new SslFlow(sandboxClient(box));
    const enabled = await flow.run(id, { kind: 'enable', endpoint: publicHost }, { wait: fastWait });
    expect(enabled.ok).toBe(true);
    selfSignedRsa(folder, 'server', `/CN=${publicHost}`);
    const certificatePem = readFileSync(join(folder, 'server.crt'), 'utf8');
    const keyPem = readFileSync(join(folder, 'server.key'), 'utf8');
    const custom = await flow.run(
      id,
      { kind: 'custom_certificate', endpoint: publicHost, certificatePem, keyPem },
      { wait: fastWait },
    );
    expect(custom.ok && custom.value).toMatchObject({ caType: 'custom', serverCertificate: certificatePem });
    selfSignedRsa(folder, 'client-ca', '/CN=client-ca');
    const caPem = readFileSync(join(folder, 'client-ca.crt'), 'utf8');
    const change = { kind: 'client_ca', certificatePem: caPem, acl: 'prefer', replicationAcl: 'prefer' } as const;
    const first = await flow.run(id, change, { wait: fastWait });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({ clientCaEnabled: true, acl: 'prefer' });
    const stricter = await flow.run(id, { ...change, acl: 'cert', replicationAcl: 'verify-ca' }, { wait: fastWait });
    expect(stricter.ok && stricter.value).toMatchObject({ acl: 'cert', replicationAcl: 'verify-ca' });
  });

  it('bounds the wait and names what is not yet visible', async () => {
    const box = await started({ modifyStartDelayMs: 60_000 });
    const result = await new SslFlow(sandboxClient(box)).run(
      id,
      { kind: 'enable', endpoint: publicHost },
      { wait: { ...fastWait, timeoutMs: 500 } },
    );
    expect(!result.ok && result.error.code).toBe('wait_timeout');
    expect(!result.ok && result.error.message).toContain('not yet visible: SSLEnabled');
  });
});

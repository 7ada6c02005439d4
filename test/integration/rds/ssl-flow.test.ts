import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SslFlow } from '../../../electron/rds/ssl-flow';
import { RdsSandbox } from '../../../electron/sandbox/index';
import type { SslFlowStep } from '../../../shared/rds-ssl-flow';
import { selfSignedRsa } from '../../support/cert-tools';
import { sandboxClient } from './helpers';

const fastWait = { initialDelayMs: 20, factor: 1.5, maxDelayMs: 80, timeoutMs: 10_000 };
const publicEndpoint = (id: string) => `${id}o.pg.rds.aliyuncs.com`;
const internalEndpoint = (id: string) => `${id}.pg.rds.aliyuncs.com`;
let sandbox: RdsSandbox;
let folder: string;

function openssl(args: string[]): void {
  execFileSync('openssl', args, { cwd: folder, stdio: 'pipe' });
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'rds-flow-'));
  // The real order (old state first, then SSL_MODIFYING, then the new state), shortened.
  sandbox = new RdsSandbox({ modifyStartDelayMs: 300, modifyDelayMs: 150 });
  await sandbox.start();
});
afterAll(async () => {
  await sandbox.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the SSL flow', () => {
  it('explains why SSL cannot be enabled on 9.4 with local disks, on local disks, and on Serverless', async () => {
    const flow = new SslFlow(sandboxClient(sandbox));
    for (const [id, reasons] of [
      ['pgm-bp1sandbox94pg', ['PostgreSQL 9.4 is too old', 'local disks']],
      ['pgm-bp1sandbox14ld', ['local disks']],
      ['pgm-bp1sandbox14sl', ['Serverless']],
    ] as const) {
      const result = await flow.run(id, { kind: 'enable', endpoint: internalEndpoint(id) }, { wait: fastWait });
      expect(!result.ok && result.error.code).toBe('prerequisite_not_met');
      for (const reason of reasons) expect(!result.ok && result.error.message).toContain(reason);
    }
    expect(sandbox.stats.calls.ModifyDBInstanceSSL ?? 0).toBe(0);
  });

  it('refuses the read/write-splitting endpoint and recommends the public one', async () => {
    const flow = new SslFlow(sandboxClient(sandbox));
    const plan = await flow.prepare('pgm-bp1sandbox14rw');
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.choices.filter((choice) => choice.recommended).map((choice) => choice.host)).toEqual([
      publicEndpoint('pgm-bp1sandbox14rw'),
    ]);
    const result = await flow.run('pgm-bp1sandbox14rw', {
      kind: 'enable',
      endpoint: 'pgm-bp1sandbox14rwrw.pg.rds.aliyuncs.com',
    });
    expect(!result.ok && result.error.message).toContain('read/write splitting');
  });

  it('enables SSL on the public endpoint, reporting each step, then renews, moves and disables it', async () => {
    const id = 'pgm-bp1sandbox16pg';
    const flow = new SslFlow(sandboxClient(sandbox));
    const steps: SslFlowStep[] = [];
    const enabled = await flow.run(
      id,
      { kind: 'enable', endpoint: publicEndpoint(id) },
      { wait: fastWait, onStep: (step) => steps.push(step) },
    );
    if (!enabled.ok) throw new Error(enabled.error.message);
    expect(enabled.value).toMatchObject({
      enabled: true,
      protectedEndpoint: publicEndpoint(id),
      caType: 'aliyun',
      lastModifyStatus: 'success',
    });
    const kinds = steps.map((step) => step.step).filter((kind, index, all) => all.indexOf(kind) === index);
    expect(kinds).toEqual(['prerequisites', 'choose_endpoint', 'restart_warning', 'sent', 'waiting', 'done']);
    const statuses = steps.flatMap((step) => (step.step === 'waiting' ? [step.status] : []));
    expect(statuses[0]).toBe('Running');
    expect(statuses).toContain('SSL_MODIFYING');
    const done = steps.at(-1);
    expect(done?.step === 'done' && done.reminder).toContain('open them again');

    const renewed = await flow.run(id, { kind: 'renew' }, { wait: fastWait });
    expect(renewed.ok && renewed.value.serverCertificate).not.toBe(enabled.value.serverCertificate);
    const moved = await flow.run(id, { kind: 'change_endpoint', endpoint: internalEndpoint(id) }, { wait: fastWait });
    expect(moved.ok && moved.value.protectedEndpoint).toBe(internalEndpoint(id));
    const disabled = await flow.run(id, { kind: 'disable' }, { wait: fastWait });
    expect(disabled.ok && disabled.value.enabled).toBe(false);
  });

  it('answers a second change during SSL_MODIFYING with instance_busy', async () => {
    const id = 'pgm-bp1sandbox10pg';
    const client = sandboxClient(sandbox);
    const first = await client.modifySsl({ instanceId: id, connectionString: internalEndpoint(id), sslEnabled: 1 });
    expect(first.ok).toBe(true);
    const second = await client.modifySsl({ instanceId: id, connectionString: internalEndpoint(id), sslEnabled: 1 });
    expect(!second.ok && second.error.code).toBe('instance_busy');
    expect(!second.ok && second.error.message).toContain('IncorrectDBInstanceState');
    const settled = await new SslFlow(client).waitUntilSettled(
      id,
      { kind: 'enable', endpoint: internalEndpoint(id) },
      null,
      { wait: fastWait },
    );
    expect(settled.ok).toBe(true);
  });

  it('cancels the wait through the AbortSignal', async () => {
    const slow = new RdsSandbox({ modifyStartDelayMs: 100, modifyDelayMs: 60_000 });
    await slow.start();
    try {
      const controller = new AbortController();
      const flow = new SslFlow(sandboxClient(slow));
      const id = 'pgm-bp1sandbox16pg';
      const running = flow.run(
        id,
        { kind: 'enable', endpoint: publicEndpoint(id) },
        {
          wait: fastWait,
          signal: controller.signal,
          onStep: (step) => {
            if (step.step === 'waiting' && step.status === 'SSL_MODIFYING') controller.abort();
          },
        },
      );
      const result = await running;
      expect(!result.ok && result.error.code).toBe('cancelled');
      expect(slow.instances.get(id)?.status).toBe('SSL_MODIFYING');
    } finally {
      await slow.close();
    }
  });

  it('reports a failed change as ssl_change_failed with the reason', async () => {
    const failing = new RdsSandbox({
      modifyDelayMs: 30,
      applySsl: async () => {
        throw new Error('disk full');
      },
    });
    await failing.start();
    try {
      const id = 'pgm-bp1sandbox16pg';
      const result = await new SslFlow(sandboxClient(failing)).run(
        id,
        { kind: 'enable', endpoint: publicEndpoint(id) },
        { wait: fastWait },
      );
      expect(!result.ok && result.error.code).toBe('ssl_change_failed');
      expect(!result.ok && result.error.message).toContain('disk full');
    } finally {
      await failing.close();
    }
  });

  it('checks a custom certificate with the toolkit before sending it, then applies it', async () => {
    const id = 'pgm-uf6sandbox16pg';
    const host = publicEndpoint(id);
    selfSignedRsa(folder, 'custom', `/CN=${host}`);
    openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'other.key']);
    openssl(['pkey', '-in', 'custom.key', '-aes256', '-passout', 'pass:secret', '-out', 'encrypted.key']);
    const certificatePem = readFileSync(join(folder, 'custom.crt'), 'utf8');
    const flow = new SslFlow(sandboxClient(sandbox));
    const before = sandbox.stats.calls.ModifyDBInstanceSSL ?? 0;
    const mismatch = await flow.run(id, {
      kind: 'custom_certificate',
      endpoint: host,
      certificatePem,
      keyPem: readFileSync(join(folder, 'other.key'), 'utf8'),
    });
    expect(!mismatch.ok && mismatch.error.code).toBe('certificate_invalid');
    const encrypted = await flow.run(id, {
      kind: 'custom_certificate',
      endpoint: host,
      certificatePem,
      keyPem: readFileSync(join(folder, 'encrypted.key'), 'utf8'),
    });
    expect(!encrypted.ok && encrypted.error.message).toContain('passphrase');
    expect(sandbox.stats.calls.ModifyDBInstanceSSL ?? 0).toBe(before);
    const applied = await flow.run(
      id,
      {
        kind: 'custom_certificate',
        endpoint: host,
        certificatePem,
        keyPem: readFileSync(join(folder, 'custom.key'), 'utf8'),
      },
      { wait: fastWait },
    );
    expect(applied.ok && applied.value).toMatchObject({ caType: 'custom', protectedEndpoint: host, serverCaUrl: null });
    const renewed = await flow.run(id, { kind: 'renew' }, { wait: fastWait });
    expect(!renewed.ok && renewed.error.message).toContain('uploading a new one');
  });

  it('configures a client CA with ACLs and a CRL; verify-full needs PostgreSQL 12', async () => {
    selfSignedRsa(folder, 'ca1', '/CN=client-ca');
    const caPem = readFileSync(join(folder, 'ca1.crt'), 'utf8');
    const flow = new SslFlow(sandboxClient(sandbox));
    const old = await flow.run('pgm-bp1sandbox10pg', {
      kind: 'client_ca',
      certificatePem: caPem,
      acl: 'verify-full',
      replicationAcl: 'cert',
    });
    expect(!old.ok && old.error.message).toContain('PostgreSQL 12');
    const id = 'pgm-bp1sandbox16pg';
    const enabled = await flow.run(id, { kind: 'enable', endpoint: publicEndpoint(id) }, { wait: fastWait });
    expect(enabled.ok).toBe(true);
    writeFileSync(join(folder, 'index.txt'), '');
    writeFileSync(join(folder, 'crlnumber'), '01\n');
    writeFileSync(
      join(folder, 'ca.cnf'),
      '[ca]\ndefault_ca = own\n[own]\ndatabase = index.txt\ncrlnumber = crlnumber\ndefault_md = sha256\ndefault_crl_days = 30\n',
    );
    openssl(['ca', '-gencrl', '-config', 'ca.cnf', '-keyfile', 'ca1.key', '-cert', 'ca1.crt', '-out', 'ca1.crl']);
    const crlPem = readFileSync(join(folder, 'ca1.crl'), 'utf8');
    const configured = await flow.run(
      id,
      { kind: 'client_ca', certificatePem: caPem, acl: 'verify-full', replicationAcl: 'verify-ca', crlPem },
      { wait: fastWait },
    );
    expect(configured.ok && configured.value).toMatchObject({
      clientCaEnabled: true,
      acl: 'verify-full',
      replicationAcl: 'verify-ca',
      clientCrl: crlPem,
    });
    const removed = await flow.run(id, { kind: 'client_ca_off' }, { wait: fastWait });
    expect(removed.ok && removed.value.clientCaEnabled).toBe(false);
  });
});

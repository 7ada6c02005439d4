import { describe, expect, it } from 'vitest';
import { sniffCaPayload } from '../../../electron/rds/ca-download';
import type { RdsEndpoint, RdsInstance } from '../../../shared/contract/rds';
import { auditToCsv, daysUntil } from '../../../shared/rds-audit';
import { serverFieldsFromRdsEntry } from '../../../shared/rds-server-fields';
import { endpointChoices, sslPrerequisiteProblems } from '../../../shared/rds-ssl-flow';
import { serverFieldsSchema } from '../../../shared/server-schema';

const instance: RdsInstance = {
  instanceId: 'pgm-1',
  regionId: 'cn-hangzhou',
  description: '',
  engine: 'PostgreSQL',
  engineVersion: '16.0',
  status: 'Running',
  category: 'HighAvailability',
  storageType: 'cloud_essd',
  instanceClass: '',
  connectionString: '',
  port: 5432,
  instanceType: 'Primary',
  primaryInstanceId: null,
};

const endpoint = (host: string, kind: 'internal' | 'public', readWriteSplitting = false): RdsEndpoint => ({
  host,
  port: 5432,
  ipAddress: '',
  ipType: kind === 'public' ? 'Public' : 'Private',
  kind,
  readWriteSplitting,
  pgBouncerPort: null,
});

describe('SSL prerequisites and endpoint choice', () => {
  it('accepts PostgreSQL 10+ on cloud disks and says why others fail', () => {
    expect(sslPrerequisiteProblems(instance)).toEqual([]);
    expect(sslPrerequisiteProblems({ ...instance, engineVersion: '10.0', storageType: 'general_essd' })).toEqual([]);
    const reasons = (changes: Partial<RdsInstance>) =>
      sslPrerequisiteProblems({ ...instance, ...changes }).map((item) => item.reason);
    expect(reasons({ engineVersion: '9.4' })).toEqual(['version_too_old']);
    expect(reasons({ storageType: 'local_ssd' })).toEqual(['local_disk']);
    expect(reasons({ category: 'serverless_basic' })).toEqual(['serverless']);
    expect(reasons({ engine: 'MySQL' })).toEqual(['not_postgresql']);
  });

  it('recommends the public endpoint when both exist, the internal one otherwise, never read/write splitting', () => {
    const both = endpointChoices([
      endpoint('in', 'internal'),
      endpoint('pub', 'public'),
      endpoint('rw', 'internal', true),
    ]);
    expect(both.map((choice) => [choice.host, choice.protectable, choice.recommended])).toEqual([
      ['in', true, false],
      ['pub', true, true],
      ['rw', false, false],
    ]);
    expect(endpointChoices([endpoint('in', 'internal')]).map((choice) => choice.recommended)).toEqual([true]);
  });
});

describe('CA payload sniffing', () => {
  it('tells zip, PEM and DER apart by their bytes', () => {
    expect(sniffCaPayload(Uint8Array.from([0x50, 0x4b, 3, 4, 0]))).toBe('zip');
    expect(sniffCaPayload(new TextEncoder().encode('\n-----BEGIN CERTIFICATE-----'))).toBe('pem');
    expect(sniffCaPayload(Uint8Array.from([0x30, 0x82, 1, 0]))).toBe('der');
    expect(sniffCaPayload(new TextEncoder().encode('<html>'))).toBe('unknown');
  });
});

describe('audit export', () => {
  it('writes RFC 4180 CSV and neutralises formula-like cells', () => {
    const csv = auditToCsv([
      {
        regionId: 'cn-hangzhou',
        instanceId: 'pgm-1',
        description: 'a, "quoted" name',
        engineVersion: '16.0',
        status: 'Running',
        sslEnabled: true,
        protectedEndpoint: 'pub',
        caType: 'aliyun',
        expiresAt: '2027-01-01T00:00:00Z',
        daysLeft: 30,
        requireUpdate: false,
        clientCa: false,
        sslUnavailableReason: null,
        error: null,
        instanceType: 'Primary',
        primaryInstanceId: null,
        renewalScheduledAt: '2026-12-25T18:00:00Z',
        renewalRestart: true,
      },
      {
        regionId: 'cn-shanghai',
        instanceId: 'pgm-2',
        description: '=HYPERLINK("x")',
        engineVersion: '14.0',
        status: 'Running',
        sslEnabled: null,
        protectedEndpoint: null,
        caType: null,
        expiresAt: null,
        daysLeft: null,
        requireUpdate: null,
        clientCa: null,
        sslUnavailableReason: 'PostgreSQL 9.4 is too old',
        error: { code: 'throttled', message: 'm' },
        instanceType: 'Readonly',
        primaryInstanceId: 'pgm-1',
        renewalScheduledAt: null,
        renewalRestart: null,
      },
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'regionId,instanceId,description,engineVersion,status,sslEnabled,protectedEndpoint,caType,expiresAt,daysLeft,requireUpdate,clientCa,error,instanceType,primaryInstanceId,renewalScheduledAt,renewalRestart,sslUnavailableReason',
    );
    expect(lines[1]).toBe(
      'cn-hangzhou,pgm-1,"a, ""quoted"" name",16.0,Running,true,pub,aliyun,2027-01-01T00:00:00Z,30,false,false,,Primary,,2026-12-25T18:00:00Z,true,',
    );
    expect(lines[2]).toBe(
      'cn-shanghai,pgm-2,"=HYPERLINK(""x"")",14.0,Running,,,,,,,,throttled,Readonly,pgm-1,,,PostgreSQL 9.4 is too old',
    );
  });

  it('counts whole days left', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(daysUntil('2026-01-31T12:00:00Z', now)).toBe(30);
    expect(daysUntil('2025-12-31T00:00:00Z', now)).toBe(-1);
    expect(daysUntil(null, now)).toBeNull();
  });
});

describe('register', () => {
  it('prefills the Register > Server fields that the registry validates', () => {
    const fields = serverFieldsFromRdsEntry(
      {
        name: 'orders (pgm-1)',
        host: 'pgm-1o.pg.rds.aliyuncs.com',
        port: 5432,
        maintenanceDatabase: 'postgres',
        maintenanceDatabaseNote: 'postgres is the system database.',
        sslmode: 'verify-full',
        sslrootcert: '/home/u/.config/RDS PG Connect/rds/ca/pgm-1.pem',
        source: {
          provider: 'alibaba-rds',
          instanceId: 'pgm-1',
          regionId: 'cn-hangzhou',
          endpoint: 'pgm-1o.pg.rds.aliyuncs.com',
        },
      },
      'app_user',
    );
    const parsed = serverFieldsSchema.safeParse(fields);
    expect(parsed.success).toBe(true);
    expect(fields.parameters).toEqual([
      { keyword: 'sslmode', value: 'verify-full' },
      { keyword: 'sslrootcert', value: '/home/u/.config/RDS PG Connect/rds/ca/pgm-1.pem' },
    ]);
    expect(fields.comments).toContain('system database');
  });
});

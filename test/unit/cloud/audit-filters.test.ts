import { describe, expect, it } from 'vitest';
import { expiryColor, rowMatches } from '../../../renderer/cloud/audit-filters';
import { cloudEn, cloudZhCN } from '../../../renderer/cloud/messages';
import type { AuditRow } from '../../../shared/contract/rds';

const row = (change: Partial<AuditRow>): AuditRow => ({
  regionId: 'cn-hangzhou',
  instanceId: 'pgm-a',
  description: 'orders',
  engineVersion: '16.0',
  status: 'Running',
  sslEnabled: true,
  protectedEndpoint: 'pgm-ao.pg.rds.aliyuncs.com',
  caType: 'aliyun',
  expiresAt: '2027-01-01T00:00:00Z',
  daysLeft: 200,
  requireUpdate: false,
  clientCa: false,
  sslUnavailableReason: null,
  error: null,
  instanceType: 'Primary',
  primaryInstanceId: null,
  renewalScheduledAt: null,
  renewalRestart: null,
  ...change,
});

describe('fleet audit colours and filters', () => {
  it('colours the expiry red once past, orange within 30 days, green otherwise', () => {
    expect([-1, 0, 30, 31, null].map(expiryColor)).toEqual(['red', 'orange', 'orange', 'green', 'default']);
  });

  it('filters by SSL state, by expiring within 30 days, and by text in id, description, region or endpoint', () => {
    const rows = [
      row({}),
      row({ instanceId: 'pgm-b', sslEnabled: false, protectedEndpoint: null, daysLeft: null }),
      row({ instanceId: 'pgm-c', regionId: 'cn-shanghai', daysLeft: 12 }),
      row({ instanceId: 'pgm-d', daysLeft: -3, description: 'Billing' }),
      row({
        instanceId: 'pgm-e',
        sslEnabled: false,
        protectedEndpoint: null,
        daysLeft: null,
        sslUnavailableReason: 'PostgreSQL 9.4 is too old',
      }),
    ];
    const ids = (ssl: Parameters<typeof rowMatches>[1], text = '') =>
      rows.filter((item) => rowMatches(item, ssl, text)).map((item) => item.instanceId);
    expect(ids('on')).toEqual(['pgm-a', 'pgm-c', 'pgm-d']);
    expect(ids('off')).toEqual(['pgm-b']);
    expect(ids('unavailable')).toEqual(['pgm-e']);
    expect(ids('soon')).toEqual(['pgm-c', 'pgm-d']);
    expect(ids('all', 'SHANGHAI')).toEqual(['pgm-c']);
    expect(ids('all', 'billing')).toEqual(['pgm-d']);
    expect(ids('all', 'pgm-ao.pg')).toEqual(['pgm-a', 'pgm-c', 'pgm-d']);
  });

  it('the cloud panel’s catalogs have the same keys and placeholders in English and Chinese', () => {
    expect(Object.keys(cloudZhCN).sort()).toEqual(Object.keys(cloudEn).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [key, text] of Object.entries(cloudEn))
      expect(placeholders(cloudZhCN[key as keyof typeof cloudEn]), key).toEqual(placeholders(text));
  });
});

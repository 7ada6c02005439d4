import { describe, expect, it } from 'vitest';
import type { HbaItem } from '../../../shared/contract/rds-connect';
import { planSslEnforcement } from '../../../shared/rds-ssl-enforcement';
import { checkWhitelistAddress, entryCovers, planWhitelistChange } from '../../../shared/rds-whitelist';

describe('whitelist rules', () => {
  it('accepts IPv4 addresses and CIDR blocks of 1 to 32 bits and explains anything else', () => {
    expect(checkWhitelistAddress(' 203.0.113.7 ')).toEqual({ ok: true, value: '203.0.113.7' });
    expect(checkWhitelistAddress('203.0.113.0/24').ok).toBe(true);
    for (const bad of ['203.0.113', '256.1.1.1', '1.2.3.4/0', '1.2.3.4/33', '01.2.3.4', 'example.com', '::1']) {
      const checked = checkWhitelistAddress(bad);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.error.message).toContain('not an IPv4 address or CIDR block');
    }
  });

  it('knows which entries cover an address', () => {
    expect(entryCovers('198.51.100.0/24', '198.51.100.20')).toBe(true);
    expect(entryCovers('198.51.100.0/24', '198.51.101.20')).toBe(false);
    expect(entryCovers('0.0.0.0/0', '8.8.8.8')).toBe(true);
    expect(entryCovers('127.0.0.1', '127.0.0.2')).toBe(false);
  });

  it('plans changes in the group rdspg only and says when another group still allows the address', () => {
    const groups = [
      { name: 'default', attribute: '', ips: ['127.0.0.1'] },
      { name: 'office', attribute: '', ips: ['198.51.100.0/24'] },
      { name: 'rdspg', attribute: '', ips: ['198.51.100.20'] },
    ];
    expect(planWhitelistChange(groups, 'remove', '198.51.100.20')).toEqual({
      action: 'remove',
      address: '198.51.100.20',
      group: 'rdspg',
      before: ['198.51.100.20'],
      after: [],
      changed: true,
      allowedAfter: true,
    });
    expect(planWhitelistChange(groups, 'add', '203.0.113.7')).toMatchObject({
      after: ['198.51.100.20', '203.0.113.7'],
      changed: true,
      allowedAfter: true,
    });
    expect(planWhitelistChange(groups, 'add', '198.51.100.20').changed).toBe(false);
  });
});

describe('SSL enforcement plan', () => {
  const item = (priorityId: number, type: string): HbaItem => ({
    priorityId,
    type,
    database: 'all',
    user: 'all',
    address: '0.0.0.0/0',
    mask: '',
    method: 'md5',
    option: '',
  });

  it('turns host into hostssl, leaves hostnossl and local alone, and reports plain access before and after', () => {
    const plan = planSslEnforcement([item(1, 'host'), item(2, 'hostnossl'), item(3, 'local')], true, false);
    expect(plan.changes).toEqual([{ before: item(1, 'host'), after: item(1, 'hostssl') }]);
    expect(plan.plainAcceptedBefore).toBe(true);
    expect(plan.plainAcceptedAfter).toBe(true);
    expect(plan.takesEffect).toBe('reload');
    expect(plan.clientCaNote).toBeNull();
    const strict = planSslEnforcement([item(1, 'host')], true, true);
    expect(strict.plainAcceptedAfter).toBe(false);
    expect(strict.clientCaNote).toContain('verify-full');
  });

  it('turns hostssl back into host when enforcement is switched off', () => {
    const plan = planSslEnforcement([item(1, 'hostssl')], false, false);
    expect(plan.changes).toEqual([{ before: item(1, 'hostssl'), after: item(1, 'host') }]);
    expect(plan.plainAcceptedAfter).toBe(true);
  });
});

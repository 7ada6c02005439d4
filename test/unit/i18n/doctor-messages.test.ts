import { describe, expect, it } from 'vitest';
import { chineseFindings, findingText } from '../../../renderer/i18n/doctor-messages';
import { type DoctorFinding, type DoctorFindingCode, doctorFinding } from '../../../shared/contract/doctor-finding';
import { englishFinding } from '../../../shared/doctor-finding-text';

const id = 'pgm-bp1sandbox16pg';
const host = 'orders-public.pg.rds.aliyuncs.com';
const other = `${id}.pg.rds.aliyuncs.com`;
const whitelist = ['127.0.0.1', '10.0.0.0/8'];
const download = `rdspg rds ca download ${id} --out DIR`;
const ca = { subject: 'C=CN, O=ApsaraDB, CN=ApsaraDB Intermediate CA', fingerprint: '95:CC:3A:B0' };
const wrong = { subject: 'CN=Some Other CA', fingerprint: 'E7:F7:7B:1F' };
const typeIp = { doctorCommand: `rdspg rds doctor ${id} --ip IP`, addCommand: `rdspg rds whitelist add ${id} --ip IP` };
const expiry = { expiresAt: '2027-11-30T08:54:01Z', updateRequired: false, updateReason: null, custom: false };

/** One finding of every code (the type makes a missing code fail to compile), and whether its check can fail. */
const samples: { [C in DoctorFindingCode]: { finding: Extract<DoctorFinding, { code: C }>; fails: boolean } } = {
  instance_status: { finding: { code: 'instance_status', params: { status: 'SSL_MODIFYING' } }, fails: true },
  endpoint_none: {
    finding: { code: 'endpoint_none', params: { command: `rdspg rds public-endpoint allocate ${id}` } },
    fails: true,
  },
  endpoint_not_of_instance: {
    finding: {
      code: 'endpoint_not_of_instance',
      params: { host: 'db.example.com', instanceId: id, command: `rdspg rds public-endpoint allocate ${id}` },
    },
    fails: true,
  },
  endpoint_hostaddr: { finding: { code: 'endpoint_hostaddr', params: { host, hostaddr: '127.0.0.1' } }, fails: false },
  endpoint_resolved: { finding: { code: 'endpoint_resolved', params: { host, address: '47.98.1.2' } }, fails: false },
  endpoint_unresolved: {
    finding: { code: 'endpoint_unresolved', params: { host, ipAddress: '47.98.1.2' } },
    fails: true,
  },
  whitelist_has_address: {
    finding: {
      code: 'whitelist_has_address',
      params: { address: '127.0.0.1', whitelist, seenByServer: false, typed: null },
    },
    fails: false,
  },
  whitelist_missing_address: {
    finding: {
      code: 'whitelist_missing_address',
      params: {
        address: '203.0.113.7',
        whitelist,
        seenByServer: true,
        typed: '198.51.100.1',
        command: `rdspg rds whitelist add ${id} --ip 203.0.113.7`,
      },
    },
    fails: true,
  },
  whitelist_reached_authentication: {
    finding: { code: 'whitelist_reached_authentication', params: { whitelist } },
    fails: false,
  },
  whitelist_server_unreachable: {
    finding: {
      code: 'whitelist_server_unreachable',
      params: { whitelist: [], failure: { code: 'timeout', message: 'timeout expired' }, ...typeIp },
    },
    fails: true,
  },
  whitelist_not_probed: { finding: { code: 'whitelist_not_probed', params: { whitelist, ...typeIp } }, fails: true },
  ssl_unavailable: {
    finding: { code: 'ssl_unavailable', params: { reason: 'InvalidDBInstanceType.NotSupport' } },
    fails: true,
  },
  ssl_off: {
    finding: { code: 'ssl_off', params: { command: `rdspg rds ssl enable ${id} --endpoint ${host}` } },
    fails: true,
  },
  ssl_other_endpoint: {
    finding: {
      code: 'ssl_other_endpoint',
      params: { protectedHost: host, host: other, command: `rdspg rds ssl enable ${id} --endpoint ${other}` },
    },
    fails: true,
  },
  ssl_protecting: { finding: { code: 'ssl_protecting', params: { protectedHost: host } }, fails: true },
  certificate_ssl_off: {
    finding: { code: 'certificate_ssl_off', params: { command: `rdspg rds ssl enable ${id} --endpoint HOST` } },
    fails: true,
  },
  certificate_expires: {
    finding: {
      code: 'certificate_expires',
      params: {
        ...expiry,
        updateRequired: true,
        updateReason: 'The server certificate expires within 30 days.',
        command: `rdspg rds ssl renew ${id}`,
      },
    },
    fails: true,
  },
  certificate_expired: {
    finding: {
      code: 'certificate_expired',
      params: {
        ...expiry,
        custom: true,
        command: `rdspg rds ssl enable ${id} --endpoint ${host} --cert FILE --key FILE`,
      },
    },
    fails: true,
  },
  root_ssl_off: { finding: { code: 'root_ssl_off', params: {} }, fails: true },
  root_custom: { finding: { code: 'root_custom', params: {} }, fails: false },
  root_not_checked: { finding: { code: 'root_not_checked', params: { command: download } }, fails: true },
  root_ca_unavailable: {
    finding: {
      code: 'root_ca_unavailable',
      params: { failure: { code: 'ca_download_failed', message: 'ServerCAUrl answered 403' }, command: download },
    },
    fails: true,
  },
  root_unreadable: {
    finding: {
      code: 'root_unreadable',
      params: {
        file: '/home/me/ca.pem',
        message: "ENOENT: no such file or directory, open '/home/me/ca.pem'",
        command: download,
      },
    },
    fails: true,
  },
  root_invalid: {
    finding: {
      code: 'root_invalid',
      params: {
        file: '/home/me/ca.pem',
        failure: { code: 'unknown_format', message: 'not a certificate file' },
        command: download,
      },
    },
    fails: true,
  },
  root_matches: { finding: { code: 'root_matches', params: { file: '/home/me/ca.pem', ca } }, fails: false },
  root_mismatch: {
    finding: {
      code: 'root_mismatch',
      params: { file: '/home/me/other.pem', held: [wrong], wanted: [ca], command: download },
    },
    fails: true,
  },
  accounts_listed: {
    finding: {
      code: 'accounts_listed',
      params: { accounts: ['app_owner'], command: `rdspg rds account create ${id} NAME --password-stdin` },
    },
    fails: true,
  },
  account_missing: {
    finding: {
      code: 'account_missing',
      params: { user: 'reporting', command: `rdspg rds account create ${id} reporting` },
    },
    fails: true,
  },
  account_exists: { finding: { code: 'account_exists', params: { user: 'app_user' } }, fails: false },
  account_unavailable: {
    finding: { code: 'account_unavailable', params: { user: 'app_user', status: 'Unavailable' } },
    fails: true,
  },
  account_login_refused: {
    finding: { code: 'account_login_refused', params: { user: 'app_user', status: 'Unavailable' } },
    fails: true,
  },
  database_not_checked: { finding: { code: 'database_not_checked', params: {} }, fails: true },
  database_exists: { finding: { code: 'database_exists', params: { dbname: 'postgres' } }, fails: false },
  database_missing: {
    finding: {
      code: 'database_missing',
      params: { dbname: 'orders', serverMessage: 'database "orders" does not exist' },
    },
    fails: true,
  },
  database_connection_failed: {
    finding: {
      code: 'database_connection_failed',
      params: {
        failure: { code: 'hostname_mismatch', message: 'server certificate for "a" does not match host name "b"' },
      },
    },
    fails: true,
  },
};
const all = Object.values(samples).map((sample) => sample as { finding: DoctorFinding; fails: boolean });

/** Every text a finding's parameters hold (nested values too); booleans are not shown as such. */
function values(params: unknown): string[] {
  if (typeof params === 'string') return [params];
  if (Array.isArray(params)) return params.flatMap(values);
  if (params && typeof params === 'object') return Object.values(params).flatMap(values);
  return [];
}

/**
 * The parameters a finding's text must show verbatim. A failure shows its message in English (and its code where
 * the CLI always showed it), and in Chinese its code with the catalogue's headline for it; a raw API state is shown
 * in Chinese in the console's words.
 */
function shownValues(finding: DoctorFinding, locale: 'en' | 'zh-CN'): string[] {
  const { failure, status, ...rest } = finding.params as Record<string, unknown>;
  const shown = values(rest);
  if (typeof status === 'string' && locale === 'en') shown.push(status);
  if (failure) {
    const { code, message } = failure as { code: string; message: string };
    if (locale === 'zh-CN') shown.push(code);
    else shown.push(message, ...(finding.code === 'database_connection_failed' ? [code] : []));
  }
  return shown;
}

// Names that read the same in Chinese: products, protocols, libpq keywords, the RDS API's action names.
const allowedWords = new Set(['PostgreSQL', 'Serverless', 'libpq', 'postgres', 'sslrootcert', 'UnlockAccount']);

/** The Latin words of a Chinese text once its parameters (commands, hosts, addresses, files, data) and options are taken out. */
function strayWords(text: string, finding: DoctorFinding): string[] {
  let rest = text;
  for (const value of values(finding.params).sort((a, b) => b.length - a.length)) rest = rest.replaceAll(value, ' ');
  const tokens = rest.replace(/--[\w-]+ [A-Z]+/g, ' ').match(/[A-Za-z0-9][\w.#/@:=-]*/g) ?? [];
  return tokens.filter((token) => /^[A-Za-z]+$/.test(token) && !/^[A-Z]{2,}$/.test(token) && !allowedWords.has(token));
}

describe('the doctor’s findings in words', () => {
  it('every sample is a finding the contract accepts, one per code', () => {
    for (const sample of all) expect(doctorFinding.parse(sample.finding), sample.finding.code).toEqual(sample.finding);
    expect(Object.keys(chineseFindings).sort()).toEqual(Object.keys(samples).sort());
  });

  it('English: the CLI’s words, every parameter shown, a fix exactly where a check can fail', () => {
    for (const { finding, fails } of all) {
      const text = englishFinding(finding);
      expect(findingText(finding, 'en'), finding.code).toEqual(text);
      const shown = `${text.detail} ${text.fix ?? ''}`;
      for (const value of shownValues(finding, 'en')) expect(shown, `${finding.code}: ${value}`).toContain(value);
      expect(text.fix !== null, finding.code).toBe(fails);
    }
  });

  it('Chinese: every parameter shown verbatim (states in the console’s words), commands included, no stray English', () => {
    for (const { finding, fails } of all) {
      const text = findingText(finding, 'zh-CN');
      const shown = `${text.detail} ${text.fix ?? ''}`;
      for (const value of shownValues(finding, 'zh-CN')) expect(shown, `${finding.code}: ${value}`).toContain(value);
      expect(text.fix !== null, finding.code).toBe(fails);
      expect(text.detail, finding.code).toMatch(/[\u4e00-\u9fff]/);
      if (text.fix) expect(text.fix, finding.code).toMatch(/[\u4e00-\u9fff]/);
      expect(strayWords(shown, finding), finding.code).toEqual([]);
    }
  });

  it('Chinese: RDS states and failure codes in the console’s and the catalogue’s words', () => {
    expect(findingText(samples.instance_status.finding, 'zh-CN')).toEqual({
      detail: '实例状态：SSL设置修改中',
      fix: '请等待实例变为“运行中”',
    });
    expect(findingText(samples.account_unavailable.finding, 'zh-CN').detail).toContain('不可用');
    const failed = findingText(samples.database_connection_failed.finding, 'zh-CN').detail;
    expect(failed).toContain('hostname_mismatch');
    expect(failed).not.toContain('does not match');
    const unknown = {
      code: 'database_connection_failed',
      params: { failure: { code: 'new_code', message: 'as said' } },
    };
    expect(findingText(unknown as DoctorFinding, 'zh-CN').detail).toBe('未检查：连接先失败了（as said）');
    expect(findingText(samples.whitelist_missing_address.finding, 'zh-CN')).toEqual({
      detail: '服务器看到本机的地址是203.0.113.7（不是198.51.100.1）：203.0.113.7不在白名单（127.0.0.1、10.0.0.0/8）中',
      fix: `用“rdspg rds whitelist add ${id} --ip 203.0.113.7”将其加入白名单`,
    });
  });
});

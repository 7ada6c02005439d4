import { describe, expect, it } from 'vitest';
import { parseApiEndpoint } from '../../../electron/rds/api-endpoint';

describe('parseApiEndpoint', () => {
  it('takes a bare host as https', () => {
    expect(parseApiEndpoint('rds.aliyuncs.com')).toEqual({
      ok: true,
      value: { host: 'rds.aliyuncs.com', protocol: 'https', url: 'https://rds.aliyuncs.com' },
    });
  });

  it('allows plain http on loopback only', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:9000', 'http://[::1]:7000']) {
      const parsed = parseApiEndpoint(url);
      expect(parsed.ok && parsed.value.protocol).toBe('http');
    }
    for (const url of ['http://rds.aliyuncs.com', 'http://10.0.0.5:8080', 'http://127.example.com']) {
      const parsed = parseApiEndpoint(url);
      expect(!parsed.ok && parsed.error.code).toBe('insecure_endpoint');
      expect(!parsed.ok && parsed.error.message).toContain('https://');
    }
  });

  it('refuses paths, other schemes and garbage', () => {
    expect(parseApiEndpoint('https://rds.aliyuncs.com/api').ok).toBe(false);
    expect(!parseApiEndpoint('ftp://rds.aliyuncs.com').ok).toBe(true);
    const garbage = parseApiEndpoint('http://');
    expect(!garbage.ok && garbage.error.code).toBe('invalid_endpoint');
  });
});

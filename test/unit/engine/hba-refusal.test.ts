import { describe, expect, it } from 'vitest';
import { serverFailure } from '../../../electron/engine/failures';

const refusal = (message: string) => Object.assign(new Error(message), { code: '28000' });

describe('a pg_hba refusal', () => {
  it('names the address the server saw and the whitelist command that lets it in', () => {
    const failure = serverFailure(
      refusal('no pg_hba.conf entry for host "203.0.113.7", user "app", database "postgres", SSL encryption'),
      true,
      'startup',
    );
    expect(failure.code).toBe('authentication_failed');
    expect(failure.message).toContain('refuse this address: for RDS, add 203.0.113.7 to the whitelist');
    expect(failure.message).toContain('"rdspg rds whitelist add ID --ip 203.0.113.7"');
  });

  it('keeps a plain connection refused for want of SSL as server_requires_ssl', () => {
    const failure = serverFailure(
      refusal('no pg_hba.conf entry for host "127.0.0.2", user "app", database "postgres", no encryption'),
      false,
      'startup',
    );
    expect(failure.code).toBe('server_requires_ssl');
  });
});

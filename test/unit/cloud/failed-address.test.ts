import { describe, expect, it } from 'vitest';
import { failedAddressOf, lastFailureAddress, rememberFailure } from '../../../renderer/cloud/failed-address';

describe('the address the last failed connection came from', () => {
  it('is read from the server refusals that name the client host, and nowhere else', () => {
    expect(
      failedAddressOf('no pg_hba.conf entry for host "203.0.113.7", user "app", database "postgres", SSL encryption'),
    ).toBe('203.0.113.7');
    expect(failedAddressOf('pg_hba.conf rejects connection for host "198.51.100.4", user "app"')).toBe('198.51.100.4');
    expect(failedAddressOf('password authentication failed for user "app"')).toBeNull();
  });

  it('remembers the last address reported and keeps it through failures that name none', () => {
    rememberFailure('pg_hba.conf rejects connection for host "198.51.100.4", user "app"');
    rememberFailure('timeout expired');
    expect(lastFailureAddress()).toBe('198.51.100.4');
  });
});

import { describe, expect, it } from 'vitest';
import { defaultHbaItems, type SandboxConnectRecord } from '../../../electron/sandbox/connect-state';
import { sslOff } from '../../../electron/sandbox/model';
import { accessHbaFor } from '../../../electron/sandbox/postgres-backing';

function record(ips: string[][], hba = defaultHbaItems()): SandboxConnectRecord {
  const whitelist = ips.map((group, index) => ({ name: `g${index}`, attribute: '', ips: group }));
  return { whitelist, accounts: [], hba, hbaModifyStatus: '', hbaModifyTime: '' };
}

describe('the backing cluster pg_hba of a sandbox instance', () => {
  it('gives each whitelist entry the instance entries, so only whitelisted addresses reach authentication', () => {
    expect(accessHbaFor(sslOff(), record([['127.0.0.1'], ['203.0.113.0/24', '127.0.0.1']]))).toEqual([
      'host all all 127.0.0.1/32 md5',
      'host all all 203.0.113.0/24 md5',
    ]);
    expect(accessHbaFor(sslOff(), record([]))).toEqual([]);
    const narrow = defaultHbaItems().map((item) => ({ ...item, type: 'hostssl', address: '10.0.0.0/8' }));
    expect(accessHbaFor(sslOff(), record([['0.0.0.0/0', '192.168.0.1']], narrow))).toEqual([
      'hostssl all all 10.0.0.0/8 md5',
    ]);
  });

  it('takes the client-certificate ACL route when a client CA with an enforcing ACL is configured', () => {
    const ssl = { ...sslOff(), enabled: true, clientCaEnabled: true, clientCaCert: 'PEM' };
    const entries = record([['127.0.0.2']]);
    expect(accessHbaFor({ ...ssl, acl: 'prefer' }, entries)).toEqual(['host all all 127.0.0.2/32 md5']);
    expect(accessHbaFor({ ...ssl, acl: 'cert' }, entries)).toEqual(['hostssl all all 127.0.0.2/32 cert']);
    expect(accessHbaFor({ ...ssl, acl: 'verify-full' }, entries)).toEqual([
      'hostssl all all 127.0.0.2/32 md5 clientcert=verify-full',
    ]);
  });
});

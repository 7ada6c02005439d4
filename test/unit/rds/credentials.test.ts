import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCredentials } from '../../../electron/rds/credentials';

let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'rds-home-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function writeAliyunConfig(config: unknown): void {
  mkdirSync(join(home, '.aliyun'));
  writeFileSync(join(home, '.aliyun', 'config.json'), JSON.stringify(config));
}

describe('resolveCredentials', () => {
  it('reads ALIBABA_CLOUD_ACCESS_KEY_ID / SECRET / SECURITY_TOKEN', async () => {
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'sts-token',
    };
    const result = await resolveCredentials({ env, home });
    expect(result.ok && result.value).toMatchObject({
      kind: 'access_key',
      accessKeyId: 'LTAIenv',
      securityToken: 'sts-token',
    });
  });

  it("falls back to the aliyun CLI's current profile, and finds named ones", async () => {
    writeAliyunConfig({
      current: 'work',
      profiles: [
        {
          name: 'default',
          mode: 'AK',
          access_key_id: 'LTAIdefault',
          access_key_secret: 's1',
          region_id: 'cn-hangzhou',
        },
        {
          name: 'work',
          mode: 'StsToken',
          access_key_id: 'STS.work',
          access_key_secret: 's2',
          sts_token: 't2',
          region_id: 'cn-shanghai',
        },
      ],
    });
    const current = await resolveCredentials({ env: {}, home });
    expect(current.ok && current.value).toMatchObject({
      accessKeyId: 'STS.work',
      securityToken: 't2',
      regionId: 'cn-shanghai',
    });
    const named = await resolveCredentials({ env: {}, home, profileName: 'default' });
    expect(named.ok && named.value).toMatchObject({ accessKeyId: 'LTAIdefault', regionId: 'cn-hangzhou' });
  });

  it('hands other aliyun CLI modes to @alicloud/credentials', async () => {
    writeAliyunConfig({
      current: 'role',
      profiles: [{ name: 'role', mode: 'RamRoleArn', ram_role_arn: 'acs:ram::1:role/x' }],
    });
    const result = await resolveCredentials({ env: {}, home });
    expect(result.ok && result.value.kind).toBe('provider');
  });

  it('prefers an app profile and reads its secret from the secret store', async () => {
    const profiles = [
      { name: 'prod', accessKeyId: 'LTAIapp', regionId: 'ap-southeast-1', secretReference: 'rds/prod' },
    ];
    const secrets = new Map([['rds/prod', 'vault-secret']]);
    const secretStore = { readSecret: async (reference: string) => secrets.get(reference) };
    const result = await resolveCredentials({ env: {}, home, profileName: 'prod', profiles, secretStore });
    expect(result.ok && result.value).toMatchObject({ accessKeyId: 'LTAIapp', accessKeySecret: 'vault-secret' });
    const locked = await resolveCredentials({ env: {}, home, profileName: 'prod', profiles });
    expect(!locked.ok && locked.error.code).toBe('credentials_missing');
  });

  it('says which profiles exist when a name is unknown, and what to set when nothing is found', async () => {
    writeAliyunConfig({
      current: 'default',
      profiles: [{ name: 'default', mode: 'AK', access_key_id: 'a', access_key_secret: 'b' }],
    });
    const unknown = await resolveCredentials({ env: {}, home, profileName: 'nope' });
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'profile_not_found' });
    expect(!unknown.ok && unknown.error.message).toContain('known: default');
    rmSync(join(home, '.aliyun'), { recursive: true });
    const none = await resolveCredentials({ env: {}, home });
    expect(!none.ok && none.error.message).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
  });
});

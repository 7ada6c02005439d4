import { describe, expect, it } from 'vitest';
import { regionalEndpoint } from '../../../electron/rds/regional-endpoint';
import { toEndpoints, toInstance, toRegions, toSslState } from '../../../electron/rds/response-mapping';
import type { rdsSdk } from '../../../electron/rds/sdk-client';
import { apiLanguageOf, scheduledRenewal, toScheduledTasks } from '../../../electron/rds/task-mapping';
import { nestReadOnly } from '../../../renderer/cloud/instance-tree';

type NetInfo = rdsSdk.DescribeDBInstanceNetInfoResponseBody;
type Ssl = rdsSdk.DescribeDBInstanceSSLResponseBody;
type Tasks = rdsSdk.DescribeActiveOperationTasksResponseBody;

describe('instance shapes', () => {
  it('maps a read-only instance (DBInstanceType Readonly, MasterInstanceId) and a primary', () => {
    const readOnly = toInstance({ DBInstanceId: 'pgr-1', DBInstanceType: 'Readonly', masterInstanceId: 'pgm-1' }, 'r');
    expect(readOnly).toMatchObject({ instanceType: 'Readonly', primaryInstanceId: 'pgm-1' });
    const primary = toInstance({ DBInstanceId: 'pgm-1', DBInstanceType: 'Primary', masterInstanceId: '' }, 'r');
    expect(primary).toMatchObject({ instanceType: 'Primary', primaryInstanceId: null });
    expect(toInstance({ DBInstanceId: 'pgm-2' }, 'r')).toMatchObject({ instanceType: 'Primary' });
  });

  it('nests read-only instances under their listed primary, keeps orphans at the top', () => {
    const base = toInstance({ DBInstanceId: 'pgm-1' }, 'r');
    const child = { ...base, instanceId: 'pgr-1', instanceType: 'Readonly', primaryInstanceId: 'pgm-1' };
    const orphan = { ...base, instanceId: 'pgr-9', instanceType: 'Readonly', primaryInstanceId: 'pgm-elsewhere' };
    const rows = nestReadOnly([base, child, orphan]);
    expect(rows.map((row) => [row.instanceId, row.children?.map((item) => item.instanceId)])).toEqual([
      ['pgm-1', ['pgr-1']],
      ['pgr-9', undefined],
    ]);
  });
});

describe('endpoint shapes', () => {
  it('takes the classic network IPType Inner as internal and keeps PGBouncerPort', () => {
    const body = {
      DBInstanceNetInfos: {
        DBInstanceNetInfo: [
          { connectionString: 'a', IPType: 'Inner', port: '5432', PGBouncerPort: '6432' },
          { connectionString: 'b', IPType: 'Public', port: '5432', PGBouncerPort: '' },
          { connectionString: 'c', IPType: 'Private', port: '5432', PGBouncerPort: 'n/a' },
        ],
      },
    } as unknown as NetInfo;
    expect(toEndpoints(body).map((item) => [item.kind, item.ipType, item.pgBouncerPort])).toEqual([
      ['internal', 'Inner', 6432],
      ['public', 'Public', null],
      ['internal', 'Private', null],
    ]);
  });
});

describe('SSL shapes', () => {
  it('reads MySQL Yes/No and PostgreSQL on/off and 0/1 alike', () => {
    const mysql = toSslState({ SSLEnabled: 'Yes', requireUpdate: 'Yes', CAType: 'aliyun' } as Ssl);
    expect([mysql.enabled, mysql.requireUpdate]).toEqual([true, true]);
    const mysqlOff = toSslState({ SSLEnabled: 'No', requireUpdate: 'No' } as Ssl);
    expect([mysqlOff.enabled, mysqlOff.requireUpdate]).toEqual([false, false]);
    const postgres = toSslState({ SSLEnabled: 'on', requireUpdate: '1', CAType: 'custom' } as Ssl);
    expect([postgres.enabled, postgres.requireUpdate, postgres.caType]).toEqual([true, true, 'custom']);
  });
});

describe('region shapes', () => {
  it('keeps RegionEndpoint and folds zones', () => {
    const body = {
      regions: {
        RDSRegion: [
          { regionId: 'ap-northeast-1', localName: 'Japan (Tokyo)', regionEndpoint: 'rds.ap-northeast-1.aliyuncs.com' },
          { regionId: 'ap-northeast-1', localName: 'Japan (Tokyo)', regionEndpoint: 'rds.ap-northeast-1.aliyuncs.com' },
        ],
      },
    } as rdsSdk.DescribeRegionsResponseBody;
    expect(toRegions(body)).toEqual([
      { regionId: 'ap-northeast-1', localName: 'Japan (Tokyo)', endpoint: 'rds.ap-northeast-1.aliyuncs.com' },
    ]);
  });

  it('picks the regional endpoint: RegionEndpoint over https, the override kept, loopback followed', () => {
    const https = (host: string) => ({ host, protocol: 'https' as const, url: `https://${host}` });
    const loopback = { host: '127.0.0.1:4000', protocol: 'http' as const, url: 'http://127.0.0.1:4000' };
    expect(regionalEndpoint('rds.ap-northeast-1.aliyuncs.com', null)).toEqual(https('rds.ap-northeast-1.aliyuncs.com'));
    expect(regionalEndpoint('evil.example.com', null)).toBeNull();
    expect(regionalEndpoint('', null)).toBeNull();
    const vpc = https('rds-vpc.cn-hangzhou.aliyuncs.com');
    expect(regionalEndpoint('rds.ap-northeast-1.aliyuncs.com', vpc)).toBe(vpc);
    expect(regionalEndpoint('127.0.0.1:4001', loopback)).toEqual({
      host: '127.0.0.1:4001',
      protocol: 'http',
      url: 'http://127.0.0.1:4001',
    });
    expect(regionalEndpoint('rds.aliyuncs.com', loopback)).toBe(loopback);
  });

  it('asks for the UI language: zh-CN for Chinese, en-US otherwise', () => {
    expect([apiLanguageOf('zh-CN'), apiLanguageOf('en'), apiLanguageOf(undefined)]).toEqual([
      'zh-CN',
      'en-US',
      'en-US',
    ]);
  });
});

describe('scheduled task shapes', () => {
  const body = {
    items: [
      {
        id: 7,
        insName: 'pgm-1',
        taskType: 'rds_apsaradb_upgrade',
        taskTypeEn: 'Minor version update',
        taskTypeZh: '小版本升级',
        impact: 'TransientDisconnection',
        impactEn: 'Transient instance disconnection',
        impactZh: '实例闪断',
        switchTime: '2026-12-01T18:00:00Z',
      },
      {
        id: 8,
        insName: 'pgm-1',
        taskType: 'rds_apsaradb_ssl_update',
        taskTypeEn: 'SSL certificate renewal',
        taskTypeZh: 'SSL证书更新',
        impact: 'TransientDisconnection',
        impactEn: 'Transient instance disconnection',
        impactZh: '实例闪断',
        switchTime: '2026-12-20T18:00:00Z',
        deadline: '2026-12-26T00:00:00Z',
      },
      { id: 9, insName: 'pgm-1', taskTypeEn: 'Certificate update', impact: 'None', switchTime: '2026-12-10T18:00:00Z' },
    ],
  } as Tasks;

  it('maps the tasks with texts in the language asked for, and marks restarts and SSL renewals', () => {
    const english = toScheduledTasks(body, 'en-US');
    expect(english.map((task) => [task.taskId, task.sslRenewal, task.restart])).toEqual([
      [7, false, true],
      [8, true, true],
      [9, true, false],
    ]);
    expect(english[1]).toMatchObject({ description: 'SSL certificate renewal', deadline: '2026-12-26T00:00:00Z' });
    const chinese = toScheduledTasks(body, 'zh-CN');
    expect([chinese[1]?.description, chinese[1]?.impactText]).toEqual(['SSL证书更新', '实例闪断']);
    expect(chinese[2]?.description).toBe('Certificate update');
  });

  it('picks the earliest SSL renewal', () => {
    expect(scheduledRenewal(toScheduledTasks(body, 'en-US'))?.taskId).toBe(9);
    expect(scheduledRenewal([])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { seededInstances, seededRegions } from '../../../electron/sandbox/seed';
import {
  accountStatusName,
  caTypeName,
  categoryName,
  instanceStatusName,
  storageTypeName,
} from '../../../shared/rds-console-names';
import { regionLabel, regionName } from '../../../shared/rds-region-names';

describe('the console names of raw RDS API values', () => {
  it('names storage types, categories and CA types as the console does, in English and Chinese', () => {
    expect(storageTypeName('cloud_essd', 'en')).toBe('ESSD PL1 cloud disk');
    expect(storageTypeName('cloud_essd', 'zh-CN')).toBe('ESSD PL1云盘');
    expect(storageTypeName('local_ssd', 'zh-CN')).toBe('本地SSD盘');
    expect(categoryName('HighAvailability', 'en')).toBe('High-availability Edition');
    expect(categoryName('HighAvailability', 'zh-CN')).toBe('高可用系列');
    expect(categoryName('Basic', 'zh-CN')).toBe('基础系列');
    expect(categoryName('cluster', 'en')).toBe('Cluster Edition');
    expect(caTypeName('aliyun', 'en')).toBe('Cloud certificate');
    expect(caTypeName('custom', 'zh-CN')).toBe('自定义证书');
  });

  it('names the SSL change in progress "Modifying SSL Settings" in both spellings the API family uses', () => {
    expect(instanceStatusName('SSL_MODIFYING', 'en')).toBe('Modifying SSL Settings');
    expect(instanceStatusName('SSLModifying', 'zh-CN')).toBe('SSL设置修改中');
    expect(accountStatusName('Unavailable', 'zh-CN')).toBe('不可用');
    expect(accountStatusName('Available', 'en')).toBe('Available');
    expect(accountStatusName('Locked', 'zh-CN')).toBe('Locked');
    expect(instanceStatusName('Running', 'zh-CN')).toBe('运行中');
  });

  it('shows unknown raw values as they are', () => {
    expect(storageTypeName('cloud_future', 'en')).toBe('cloud_future');
    expect(categoryName('NewSeries', 'zh-CN')).toBe('NewSeries');
    expect(caTypeName('other', 'en')).toBe('other');
    expect(instanceStatusName('SomethingNew', 'zh-CN')).toBe('SomethingNew');
    expect(storageTypeName('constructor', 'en')).toBe('constructor');
  });

  it('names every storage type and category the sandbox seeds', () => {
    for (const instance of seededInstances()) {
      expect(storageTypeName(instance.storageType, 'en')).not.toBe(instance.storageType);
      expect(categoryName(instance.category, 'zh-CN')).not.toBe(instance.category);
    }
  });
});

describe('region names in the UI language', () => {
  it('gives the English name in the English UI even when the service answered in Chinese', () => {
    expect(regionName('cn-hangzhou', 'en', '华东 1（杭州）')).toBe('China (Hangzhou)');
    expect(regionName('cn-hangzhou', 'zh-CN', 'China (Hangzhou)')).toBe('华东1（杭州）');
    expect(regionLabel('ap-northeast-1', 'en')).toBe('Japan (Tokyo) (ap-northeast-1)');
  });

  it('names every region the sandbox seeds in both languages, as the sandbox does in English', () => {
    for (const region of seededRegions) {
      expect(regionName(region.regionId, 'en')).toBe(region.localNameEn);
      expect(regionName(region.regionId, 'zh-CN')).toBe(region.localName.replaceAll(' ', ''));
    }
  });

  it('keeps the service name of an unknown region, but not a Chinese one in the English UI', () => {
    expect(regionLabel('xx-new-1', 'zh-CN', '新地域')).toBe('新地域 (xx-new-1)');
    expect(regionLabel('xx-new-1', 'en', 'New Region')).toBe('New Region (xx-new-1)');
    expect(regionLabel('xx-new-1', 'en', '新地域')).toBe('xx-new-1');
    expect(regionLabel('xx-new-1', 'en')).toBe('xx-new-1');
  });
});

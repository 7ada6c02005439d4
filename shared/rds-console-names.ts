import type { Locale } from './locales';

// The words the ApsaraDB RDS console shows for raw API values, in both UI languages. Sources:
// - storage types and categories: the RDS API reference (DescribeDBInstanceAttribute / DescribeAvailableClasses,
//   DBInstanceStorageType and Category: "cloud_essd：ESSD PL1云盘", "HighAvailability：高可用系列", ...; the English
//   pages: "ESSD of performance level 1 (PL1)", "RDS High-availability Edition", ...);
// - CA types: DescribeDBInstanceSSL CAType (`aliyun` = cloud certificate, `custom` = custom certificate) and the
//   console's SSL page ("Cloud Certificate" / "Custom Certificate", 云证书 / 自定义证书);
// - instance states: the RDS instance state table (help.aliyun.com document 63870 "实例状态表" and
//   alibabacloud.com …/instance-state-table), SSL_MODIFYING as the console shows it ("Modifying SSL Settings").

/** A console name in each UI language. */
type Names = Record<Locale, string>;

const storageTypes: Record<string, Names> = {
  local_ssd: { en: 'Local SSD', 'zh-CN': '本地SSD盘' },
  ephemeral_ssd: { en: 'Local SSD', 'zh-CN': '本地SSD盘' },
  cloud_ssd: { en: 'Standard SSD', 'zh-CN': 'SSD云盘' },
  cloud_essd0: { en: 'ESSD PL0 cloud disk', 'zh-CN': 'ESSD PL0云盘' },
  cloud_essd: { en: 'ESSD PL1 cloud disk', 'zh-CN': 'ESSD PL1云盘' },
  cloud_essd2: { en: 'ESSD PL2 cloud disk', 'zh-CN': 'ESSD PL2云盘' },
  cloud_essd3: { en: 'ESSD PL3 cloud disk', 'zh-CN': 'ESSD PL3云盘' },
  cloud_auto: { en: 'ESSD AutoPL cloud disk', 'zh-CN': 'ESSD AutoPL云盘' },
  general_essd: { en: 'Premium ESSD', 'zh-CN': '高性能云盘' },
};

const categories: Record<string, Names> = {
  Basic: { en: 'Basic Edition', 'zh-CN': '基础系列' },
  HighAvailability: { en: 'High-availability Edition', 'zh-CN': '高可用系列' },
  cluster: { en: 'Cluster Edition', 'zh-CN': '集群系列' },
  AlwaysOn: { en: 'Cluster Edition', 'zh-CN': '集群系列' },
  Finance: { en: 'Enterprise Edition', 'zh-CN': '三节点企业系列' },
  serverless_basic: { en: 'Serverless Basic Edition', 'zh-CN': 'Serverless基础系列' },
  serverless_standard: { en: 'Serverless High-availability Edition', 'zh-CN': 'Serverless高可用系列' },
  serverless_ha: { en: 'Serverless High-availability Edition', 'zh-CN': 'Serverless高可用系列' },
};

const caTypes: Record<string, Names> = {
  aliyun: { en: 'Cloud certificate', 'zh-CN': '云证书' },
  custom: { en: 'Custom certificate', 'zh-CN': '自定义证书' },
};

const modifyingSsl: Names = { en: 'Modifying SSL Settings', 'zh-CN': 'SSL设置修改中' };

const instanceStates: Record<string, Names> = {
  Running: { en: 'Running', 'zh-CN': '运行中' },
  Creating: { en: 'Creating', 'zh-CN': '创建中' },
  Deleting: { en: 'Deleting', 'zh-CN': '删除中' },
  Rebooting: { en: 'Restarting', 'zh-CN': '重启中' },
  Stopping: { en: 'Stopping', 'zh-CN': '暂停中' },
  Stopped: { en: 'Stopped', 'zh-CN': '已暂停' },
  Restoring: { en: 'Restoring from backup', 'zh-CN': '备份恢复中' },
  DBInstanceClassChanging: { en: 'Upgrading or downgrading', 'zh-CN': '升降级中' },
  DBInstanceNetTypeChanging: { en: 'Changing network type', 'zh-CN': '内外网切换中' },
  EngineVersionUpgrading: { en: 'Upgrading engine version', 'zh-CN': '迁移版本中' },
  MinorVersionUpgrading: { en: 'Updating minor version', 'zh-CN': '小版本升级中' },
  HASwitching: { en: 'Primary/secondary switchover', 'zh-CN': '主备切换中' },
  NET_CREATING: { en: 'Creating network connection', 'zh-CN': '创建网络连接中' },
  NET_DELETING: { en: 'Deleting network connection', 'zh-CN': '删除网络连接中' },
  SSL_MODIFYING: modifyingSsl,
  SSLModifying: modifyingSsl,
};

// DescribeAccounts AccountStatus: its two values, in the words of the API reference ("Unavailable：不可用", "Available：可用").
const accountStates: Record<string, Names> = {
  Available: { en: 'Available', 'zh-CN': '可用' },
  Unavailable: { en: 'Unavailable', 'zh-CN': '不可用' },
};

function lookup(table: Record<string, Names>, raw: string, locale: Locale): string {
  return Object.hasOwn(table, raw) ? (table[raw] as Names)[locale] : raw;
}

/** A DBInstanceStorageType as the console names it ("cloud_essd" → "ESSD PL1 cloud disk"); unknown values as they are. */
export function storageTypeName(raw: string, locale: Locale): string {
  return lookup(storageTypes, raw, locale);
}

/** An instance Category as the console names it ("HighAvailability" → "High-availability Edition"). */
export function categoryName(raw: string, locale: Locale): string {
  return lookup(categories, raw, locale);
}

/** A DescribeDBInstanceSSL CAType as the console names it ("aliyun" → "Cloud certificate"). */
export function caTypeName(raw: string, locale: Locale): string {
  return lookup(caTypes, raw, locale);
}

/** A DBInstanceStatus as the console names it ("SSL_MODIFYING" → "Modifying SSL Settings"). */
export function instanceStatusName(raw: string, locale: Locale): string {
  return lookup(instanceStates, raw, locale);
}

/** Whether a DBInstanceStatus is the SSL change in progress (RDS says SSL_MODIFYING, other products SSLModifying). */
export function isSslModifying(raw: string): boolean {
  return raw === 'SSL_MODIFYING' || raw === 'SSLModifying';
}

/** A database account's AccountStatus in the UI language ("Unavailable" → "不可用"); unknown values as they are. */
export function accountStatusName(raw: string, locale: Locale): string {
  return lookup(accountStates, raw, locale);
}

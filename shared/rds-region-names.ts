import type { Locale } from './locales';

// Region names as the Alibaba Cloud console shows them in each language. Sources: "Regions and zones"
// (alibabacloud.com/help/en/cloud-migration-guide-for-beginners/latest/regions-and-zones; 地域和可用区,
// help.aliyun.com/document_detail/40654) and DescribeRegions' LocalName with AcceptLanguage en-US / zh-CN.
const regions: Record<string, Record<Locale, string>> = {
  'cn-qingdao': { en: 'China (Qingdao)', 'zh-CN': '华北1（青岛）' },
  'cn-beijing': { en: 'China (Beijing)', 'zh-CN': '华北2（北京）' },
  'cn-zhangjiakou': { en: 'China (Zhangjiakou)', 'zh-CN': '华北3（张家口）' },
  'cn-huhehaote': { en: 'China (Hohhot)', 'zh-CN': '华北5（呼和浩特）' },
  'cn-wulanchabu': { en: 'China (Ulanqab)', 'zh-CN': '华北6（乌兰察布）' },
  'cn-hangzhou': { en: 'China (Hangzhou)', 'zh-CN': '华东1（杭州）' },
  'cn-shanghai': { en: 'China (Shanghai)', 'zh-CN': '华东2（上海）' },
  'cn-nanjing': { en: 'China (Nanjing - Local Region)', 'zh-CN': '华东5（南京-本地地域）' },
  'cn-fuzhou': { en: 'China (Fuzhou - Local Region)', 'zh-CN': '华东6（福州-本地地域）' },
  'cn-shenzhen': { en: 'China (Shenzhen)', 'zh-CN': '华南1（深圳）' },
  'cn-heyuan': { en: 'China (Heyuan)', 'zh-CN': '华南2（河源）' },
  'cn-guangzhou': { en: 'China (Guangzhou)', 'zh-CN': '华南3（广州）' },
  'cn-chengdu': { en: 'China (Chengdu)', 'zh-CN': '西南1（成都）' },
  'cn-hongkong': { en: 'China (Hong Kong)', 'zh-CN': '中国香港' },
  'ap-northeast-1': { en: 'Japan (Tokyo)', 'zh-CN': '日本（东京）' },
  'ap-northeast-2': { en: 'South Korea (Seoul)', 'zh-CN': '韩国（首尔）' },
  'ap-southeast-1': { en: 'Singapore', 'zh-CN': '新加坡' },
  'ap-southeast-3': { en: 'Malaysia (Kuala Lumpur)', 'zh-CN': '马来西亚（吉隆坡）' },
  'ap-southeast-5': { en: 'Indonesia (Jakarta)', 'zh-CN': '印度尼西亚（雅加达）' },
  'ap-southeast-6': { en: 'Philippines (Manila)', 'zh-CN': '菲律宾（马尼拉）' },
  'ap-southeast-7': { en: 'Thailand (Bangkok)', 'zh-CN': '泰国（曼谷）' },
  'us-west-1': { en: 'US (Silicon Valley)', 'zh-CN': '美国（硅谷）' },
  'us-east-1': { en: 'US (Virginia)', 'zh-CN': '美国（弗吉尼亚）' },
  'eu-central-1': { en: 'Germany (Frankfurt)', 'zh-CN': '德国（法兰克福）' },
  'eu-west-1': { en: 'UK (London)', 'zh-CN': '英国（伦敦）' },
  'me-east-1': { en: 'UAE (Dubai)', 'zh-CN': '阿联酋（迪拜）' },
  'me-central-1': { en: 'Saudi Arabia (Riyadh)', 'zh-CN': '沙特（利雅得）' },
};

const cjk = /[\u3400-\u9fff]/;

/**
 * A region's name in the UI language: the console's name for a known region; otherwise the service's LocalName,
 * unless that is Chinese in the English UI (the region ID alone then).
 */
export function regionName(regionId: string, locale: Locale, localName = ''): string {
  if (Object.hasOwn(regions, regionId)) return (regions[regionId] as Record<Locale, string>)[locale];
  if (!localName || (locale === 'en' && cjk.test(localName))) return regionId;
  return localName;
}

/** A region as the pickers and tables show it: "China (Hangzhou) (cn-hangzhou)"; unknown regions by ID alone. */
export function regionLabel(regionId: string, locale: Locale, localName = ''): string {
  const name = regionName(regionId, locale, localName);
  return name === regionId ? regionId : `${name} (${regionId})`;
}

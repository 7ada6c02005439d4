import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { zhCN } from '../../../renderer/i18n/zh-cn';
import { format, matchLocale } from '../../../shared/locales';

/** Messages that read the same in both languages: SQL's NULL as the grid shows it. */
const sameInEveryLanguage = new Set(['[null]']);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogs', () => {
  it('English and Simplified Chinese have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is empty or only spaces', () => {
    for (const [name, catalog] of Object.entries({ en, zhCN }))
      for (const [key, text] of Object.entries(catalog)) expect(text.trim(), `${name} ${key}`).not.toBe('');
  });

  it('each translation has the same {placeholders} as the English message', () => {
    for (const [key, text] of Object.entries(en))
      expect(placeholders(zhCN[key as keyof typeof en]), key).toEqual(placeholders(text));
  });

  it('Chinese messages are translated: those with English words are only product, protocol and format names', () => {
    const untranslated = Object.entries(zhCN).filter(
      ([key, text]) =>
        text === en[key as keyof typeof en] &&
        !sameInEveryLanguage.has(text) &&
        /[a-z]{3,}/.test(text.replace(/\{\w+\}/g, '')),
    );
    expect(untranslated).toEqual([]);
  });

  it('uses the RDS console’s terms for SSL settings', () => {
    expect(zhCN['rds.dataSecurity']).toBe('数据安全性');
    expect(zhCN['rds.cloudCertificate']).toBe('云证书');
    expect(zhCN['rds.customCertificate']).toBe('自定义证书');
    expect(zhCN['rds.protectedEndpoint']).toBe('受保护的连接地址');
    expect(zhCN['rds.selectProtectedEndpoint']).toBe('选择保护地址');
    expect(zhCN['rds.downloadCaCertificate']).toBe('下载CA证书');
  });
});

describe('locale choice and message formatting', () => {
  it('follows the browser or OS language: any Chinese tag is zh-CN, everything else English', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans-CN', 'zh-SG', 'zh-TW', 'ZH-cn', 'zh_CN'])
      expect(matchLocale(tag), tag).toBe('zh-CN');
    for (const tag of ['en', 'en-US', 'de-DE', 'ja', 'zu', '', undefined, null]) expect(matchLocale(tag)).toBe('en');
  });

  it('fills placeholders, leaves unknown ones visible, and does not re-expand values', () => {
    expect(format('{command} — {rows} rows', { command: 'SELECT 3', rows: 3 })).toBe('SELECT 3 — 3 rows');
    expect(format('Hello {name}', {})).toBe('Hello {name}');
    expect(format('{a}{b}', { a: '{b}', b: 'x' })).toBe('{b}x');
    expect(format('plain')).toBe('plain');
  });
});

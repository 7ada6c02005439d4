import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { zhCN } from '../../../renderer/i18n/zh-cn';
import { contract } from '../../../shared/contract';
import { commonErrorCodes } from '../../../shared/contract/channel';

const codes = new Set<string>(commonErrorCodes);
for (const spec of Object.values(contract)) for (const code of spec.codes) codes.add(code);

describe('the error catalogue', () => {
  it('has a headline and a next step for every failure code of the contract, in English and Chinese', () => {
    const catalogs: Record<string, string>[] = [en, zhCN];
    for (const code of codes) {
      for (const catalog of catalogs) {
        expect(catalog[`error.${code}`], `error.${code}`).toMatch(/\S/);
        expect(catalog[`advice.${code}`], `advice.${code}`).toMatch(/\S/);
      }
      expect(zhCN[`advice.${code}` as keyof typeof zhCN], code).toMatch(/[\u4e00-\u9fff]/);
      expect(zhCN[`error.${code}` as keyof typeof zhCN], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

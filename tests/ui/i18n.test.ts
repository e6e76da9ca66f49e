import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('i18n dictionaries', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
  it('mark the data as synthetic in both languages', () => {
    expect(zhCN.badge.synthetic).toMatch(/示意/);
    expect(en.badge.synthetic).toMatch(/synthetic/);
  });
});

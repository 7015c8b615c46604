import { describe, expect, it } from 'vitest';
import { stringParameters, t } from '../../src/lib/i18n/strings.ts';
import { kindLabel, precisionLabel } from '../../src/lib/plan/labels.ts';
import { FEATURE_KINDS } from '../../src/lib/plan/vocabulary.ts';

describe('the string table', () => {
  it('names the same parameters in Chinese and English for every string', () => {
    const mismatched = stringParameters().filter((s) => s.zh.join() !== s.en.join());
    expect(mismatched).toEqual([]);
  });

  it('fills parameters into whole sentences, each language in its own word order', () => {
    expect(t('zh', 'importedFromRow', { row: 7 })).toBe('来自导入文件第 7 行');
    expect(t('en', 'importedFromRow', { row: 7 })).toBe('From the imported file, row 7');
    expect(t('zh', 'densityTally', { withData: 3, noData: 28 })).toBe('当前图层中: 3 有密度数据, 28 无数据');
    expect(t('en', 'importAcceptedRows', { file: 'a.csv', count: 2 })).toBe('a.csv: loaded 2 rows');
  });

  it('reads a string without parameters as it is', () => {
    expect(t('zh', 'appTitle')).toBe('上海产业空间布局');
    expect(t('en', 'drop_language')).toBe('unknown language (zh or en)');
  });

  it('has a label for every feature kind and precision level, in both languages', () => {
    for (const kind of FEATURE_KINDS) {
      expect(kindLabel(kind, 'zh'), kind).toMatch(/\p{Script=Han}/u);
      expect(kindLabel(kind, 'en'), kind).toMatch(/^[A-Z][a-z -]+$/);
    }
    expect(precisionLabel({ level: 'schematic', radius_km: 3 }, 'zh')).toBe('示意 (±3 km)');
    expect(precisionLabel({ level: 'approximate', radius_km: null }, 'en')).toBe('approximate');
  });
});

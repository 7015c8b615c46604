import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/lib/i18n/numbers.ts';

describe('big numbers in each language', () => {
  it('counts in 亿 and 万 in Chinese, keeping figures under 100,000 as digits', () => {
    expect(formatNumber(10000000000, 'zh')).toBe('100亿');
    expect(formatNumber(320000000, 'zh')).toBe('3.2亿');
    expect(formatNumber(1420000, 'zh')).toBe('142万');
    expect(formatNumber(125000, 'zh')).toBe('12.5万');
    expect(formatNumber(2550, 'zh')).toBe('2550');
    expect(formatNumber(80.9, 'zh')).toBe('80.9');
    expect(formatNumber(-250000000, 'zh')).toBe('-2.5亿');
  });

  it('groups thousands in English', () => {
    expect(formatNumber(10000000000, 'en')).toBe('10,000,000,000');
    expect(formatNumber(2550, 'en')).toBe('2,550');
    expect(formatNumber(80.9, 'en')).toBe('80.9');
    expect(formatNumber(3.14159, 'en')).toBe('3.14');
  });

  it('says "no data" for a missing figure, never 0 or null', () => {
    expect(formatNumber(null, 'zh')).toBe('无数据');
    expect(formatNumber(null, 'en')).toBe('no data');
  });
});

import { describe, expect, it } from 'vitest';
import { scaleTargetChart, withQualifier } from '../../src/lib/plan/chart.ts';
import type { Industry } from '../../src/lib/plan/model.ts';

const fig = (id: string, value: number | null, unit: string, text?: string) => ({
  id,
  label: { zh: '产业规模', en: 'Scale' },
  value,
  unit,
  year: 2025,
  kind: 'target' as const,
  cite: [{ type: 'plan' as const, doc: '001' as const, lines: [1, 2] as [number, number] }],
  ...(text ? { text_zh: text } : {}),
});
const industries = [
  {
    id: 'IC',
    name: { zh: '集成电路', en: 'IC' },
    group: 'leading',
    colour: '#332288',
    cite: [],
    segments: [],
    targets: [fig('IC.scale', null, '', '倍增')],
  },
  {
    id: 'AUTO',
    name: { zh: '汽车', en: 'Auto' },
    group: 'key',
    colour: '#cc6677',
    cite: [],
    targets: [],
    segments: [
      {
        id: 'AUTO.nev',
        name: { zh: '新能源汽车', en: 'NEV' },
        kind: 'manufacturing',
        cite: [],
        targets: [fig('a', 3500, '亿元'), { ...fig('b', 120, '万辆'), label: { zh: '年产量', en: 'Output' } }],
      },
    ],
  },
] as unknown as Industry[];

describe('scale-target chart', () => {
  it('draws bars only for 亿元 values and keeps qualitative and other-unit targets as text', () => {
    const { groups, max } = scaleTargetChart(industries);
    expect(max).toBe(3500);
    const ic = groups.find((g) => g.industry === 'IC')!;
    expect(ic.rows).toEqual([expect.objectContaining({ value: null, text: '倍增' })]);
    const auto = groups.find((g) => g.industry === 'AUTO')!;
    expect(auto.rows.map((r) => [r.label.zh, r.value, r.text])).toEqual([
      ['新能源汽车', 3500, null],
      ['新能源汽车 · 年产量', null, '120 万辆'],
    ]);
  });
});

describe('qualifiers', () => {
  it("puts the plan's qualifier where Chinese puts it", () => {
    expect(withQualifier(40, '超过')).toBe('超过40');
    expect(withQualifier(900, '左右')).toBe('900左右');
    expect(withQualifier(1.5, '以上')).toBe('1.5以上');
    expect(withQualifier(1000, '保持…左右')).toBe('保持1000左右');
    expect(withQualifier(80, undefined)).toBe('80');
    // big figures read the Chinese way in Chinese and with thousands separators in English
    expect(withQualifier(10000000000, undefined, 'zh')).toBe('100亿');
    expect(withQualifier(10000000000, undefined, 'en')).toBe('10,000,000,000');
    expect(withQualifier(15000, '超过', 'en')).toBe('超过15,000');
  });
});

import { describe, expect, it } from 'vitest';
import { clearOfCard, sameView } from '../../src/lib/map/camera.ts';
import { pickPlan } from '../../src/lib/map/pick.ts';

describe('camera', () => {
  const v = { center: [121.45, 31.2] as [number, number], zoom: 9, bearing: 0, pitch: 0 };
  it('treats views within the URL rounding as the same view, so moves do not loop', () => {
    expect(sameView(v, { ...v, center: [121.450001, 31.2] })).toBe(true);
    expect(sameView(v, { ...v, zoom: 9.005 })).toBe(true);
    expect(sameView(v, { ...v, zoom: 9.5 })).toBe(false);
    expect(sameView(v, { ...v, pitch: 30 })).toBe(false);
  });

  it('pans a point under the card to the middle of the part of the map the card leaves free', () => {
    const map = { left: 0, top: 0, right: 1000, bottom: 800, width: 1000, height: 800 };
    const card = { left: 600, top: 100, right: 950, bottom: 700, width: 350, height: 600 };
    expect(clearOfCard({ x: 100, y: 400 }, map, card)).toBeNull();
    // under the card: to (300, 400), the middle of the free part left of it
    expect(clearOfCard({ x: 700, y: 300 }, map, card)).toEqual([400, -100]);
    // a phone-wide card: the free part is above it
    const wide = { left: 0, top: 500, right: 1000, bottom: 800, width: 1000, height: 300 };
    expect(clearOfCard({ x: 500, y: 600 }, map, wide)).toEqual([0, 350]);
  });
});

describe('picking', () => {
  it('takes the topmost plan feature by registry order', () => {
    const hits = [{ properties: { id: 'belt-huxi', kind: 'belt' } }, { properties: { id: 'robot-park', kind: 'featured-park' } }];
    expect(pickPlan(hits)).toEqual({ type: 'feature', id: 'robot-park' });
  });

  it("selects the district when a district's key-industry dot is on top", () => {
    expect(pickPlan([{ properties: { role: 'mark', kind: 'district', code: '310114' } }])).toEqual({ type: 'district', code: '310114' });
  });

  it('selects nothing when nothing of the plan is under the pointer', () => {
    expect(pickPlan([])).toBeNull();
  });
});

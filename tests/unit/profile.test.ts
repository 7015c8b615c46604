import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { BuiltFeature } from '../../src/lib/plan/model.ts';
import { shapeIndex } from '../../src/lib/plan/shapes.ts';
import { districtPage, featureProfile, industryPage } from '../../src/lib/plan/profile.ts';
import { featurePath, industryFromSlug, industryPath } from '../../src/lib/plan/paths.ts';
import type { DistrictProfile, Industry } from '../../src/lib/plan/model.ts';

const ROOT = join(import.meta.dirname, '../..');
const read = <T>(file: string) => JSON.parse(readFileSync(join(ROOT, 'static/data', file), 'utf8')) as T;
const plan = read<{ features: BuiltFeature[]; districts: DistrictProfile[]; industries: Industry[] }>('plan.json');
const shapes = shapeIndex(read<FeatureCollection>('plan.geojson'), 'id', 'shape');
const feature = (id: string) => plan.features.find((f) => f.id === id)!;

describe('profile addresses', () => {
  it('are stable and readable: parks, layout features, districts, industries', () => {
    expect(featurePath(feature('robot-park'))).toBe('/parks/robot-park');
    expect(featurePath(feature('belt-huxi'))).toBe('/layout/belt-huxi');
    expect(industryPath('AUTO')).toBe('/industries/auto');
    expect(industryFromSlug('auto')).toBe('AUTO');
    expect(industryFromSlug('cars')).toBeNull();
  });
});

describe('related places', () => {
  const related = featureProfile(feature('robot-park'), plan.features, shapes);
  it('finds the nearest featured parks, nearest first, without the park itself', () => {
    expect(related.nearby).toHaveLength(5);
    expect(related.nearby.map((p) => p.id)).not.toContain('robot-park');
    const d = related.nearby.map((p) => p.distanceKm);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    expect(d[0]).toBeGreaterThan(0);
  });
  it('lists the layout units it lies in and the parks that share its industries', () => {
    expect(related.within.map((w) => w.id)).toContain('belt-yanjiang');
    const hee = related.sameIndustry.find((g) => g.industry === 'HEE')!;
    expect(hee.parks.every((p) => p.kind === 'featured-park' && p.id !== 'robot-park')).toBe(true);
    expect(hee.parks.map((p) => p.id)).toContain('big-aircraft-park');
  });
});

describe('related places of an area', () => {
  const belt = featureProfile(feature('belt-huxi'), plan.features, shapes);
  it('lists its members and their industries, the parks inside, and no "lies in" among its own members', () => {
    expect(belt.children.map((c) => c.id).sort()).toEqual(['huxi-jiading', 'huxi-minhang', 'huxi-qingpu', 'huxi-songjiang']);
    expect(belt.within.map((w) => w.id)).not.toContain('huxi-qingpu');
    expect(belt.memberIndustries.find((m) => m.member.id === 'huxi-jiading')!.links.map((l) => l.industry)).toContain('AUTO');
    expect(belt.parksInside.map((p) => p.id)).toContain('jiading-hydrogen-port');
    // distances from an area's label point mean nothing: no "nearby" list for areas
    expect(belt.nearby).toEqual([]);
  });
});

describe('district and industry pages', () => {
  it('gives a district its features and belts, and nothing for an unknown code', () => {
    const jiading = districtPage('310114', plan.features, plan.districts)!;
    expect(jiading.name.zh).toBe('嘉定区');
    expect(jiading.belts.map((b) => b.id)).toEqual(['belt-huxi']);
    expect(jiading.features.map((f) => f.id)).toContain('jiading-hydrogen-port');
    expect(districtPage('310199', plan.features, plan.districts)).toBeNull();
  });
  it('lists where the plans place an industry, and how (stated, inferred, through a member)', () => {
    const auto = industryPage('AUTO', plan.features, plan.industries, plan.districts)!;
    const basis = (id: string) => auto.features.find((f) => f.id === id)?.basis;
    expect(basis('huxi-jiading')).toBe('stated');
    expect(basis('yanwan-fengxian')).toBe('interpretive');
    expect(basis('belt-huxi')).toBe('via-member');
    expect(auto.districts.map((d) => d.code)).toContain('310114');
  });
});

import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import {
  WEIGHTS,
  rankSites,
  viewForSearch,
  resultsCsv,
  resultsGeojson,
  resultsTable,
  scoreBar,
  type Candidate,
  type FinderQuery,
} from '../../src/lib/plan/site-finder.ts';
import { decodeFinder, encodeFinder, DEFAULT_FINDER } from '../../src/lib/url/finder-state.ts';
import { parseCsvRows } from '../../src/lib/formats/csv.ts';
import { candidateAccessText } from '../../src/lib/plan/access-text.ts';

const candidate = (over: Partial<Candidate> & { id: string }): Candidate => ({
  name: { zh: over.id, en: over.id },
  kind: 'featured-park',
  origin: 'plan',
  point: [121.2, 31.3],
  areaKm2: 5,
  links: [{ industry: 'AUTO', basis: 'stated', reach: [] }],
  designated: true,
  districts: ['310114'],
  precision: 'approximate ±1 km',
  sources: '001 L1-2',
  access: null,
  ...over,
});
const query = (over: Partial<FinderQuery> = {}): FinderQuery => ({
  industries: ['AUTO'],
  segments: [],
  minAreaKm2: null,
  radiusKm: 30,
  metroKm: null,
  roadKm: null,
  ...over,
});
const nowhere = { centre: null, within: null };
const ids = (r: ReturnType<typeof rankSites>) => r.results.map((x) => x.candidate.id);
const points = (r: ReturnType<typeof rankSites>, id: string, criterion: string) =>
  r.results.find((x) => x.candidate.id === id)!.contributions.find((c) => c.criterion === criterion)?.points;

describe('site finder: each criterion', () => {
  it('industry: keeps only candidates carrying a chosen industry; stated earns 50, inferred 35', () => {
    const r = rankSites(
      [
        candidate({ id: 'stated' }),
        candidate({ id: 'inferred', links: [{ industry: 'AUTO', basis: 'interpretive', reach: [] }] }),
        candidate({ id: 'other', links: [{ industry: 'IC', basis: 'stated', reach: ['EI'] }] }),
      ],
      query(),
      nowhere,
    );
    expect(ids(r)).toEqual(['stated', 'inferred']);
    expect(points(r, 'stated', 'industry')).toBe(50);
    expect(points(r, 'inferred', 'industry')).toBe(35);
    expect(r.results[1]!.flags).toContain('inferred-only');
    expect(r.excluded.industry).toBe(1);
  });

  it('industry: choosing 电子信息 reaches a 集成电路 park (its segment), and a chosen segment matches', () => {
    const ic = candidate({ id: 'ic', links: [{ industry: 'IC', basis: 'stated', reach: ['EI'] }] });
    expect(ids(rankSites([ic], query({ industries: ['EI'] }), nowhere))).toEqual(['ic']);
    const nev = candidate({ id: 'nev', links: [{ industry: 'AUTO', segment: 'AUTO.nev', basis: 'stated', reach: [] }] });
    expect(ids(rankSites([nev], query({ industries: [], segments: ['AUTO.nev'] }), nowhere))).toEqual(['nev']);
  });

  it('area: a published area below the minimum excludes; an unknown area stays, flagged, with 0 points', () => {
    const r = rankSites(
      [candidate({ id: 'small', areaKm2: 1.5 }), candidate({ id: 'big', areaKm2: 20 }), candidate({ id: 'unknown', areaKm2: null })],
      query({ minAreaKm2: 2 }),
      nowhere,
    );
    expect(ids(r)).toEqual(['big', 'unknown']);
    expect(points(r, 'big', 'area')).toBe(25);
    expect(points(r, 'unknown', 'area')).toBe(0);
    expect(r.results[1]!.flags).toContain('area-unknown');
    expect(points(rankSites([candidate({ id: 'half', areaKm2: 5 })], query(), nowhere), 'half', 'area')).toBe(12.5);
  });

  it('proximity: keeps what lies within the radius of known points, nearer scores more', () => {
    // 安亭 (121.16, 31.29); 0.1° of latitude is 11.1 km
    const centre: [number, number] = [121.16, 31.29];
    const r = rankSites(
      [
        candidate({ id: 'at-0', point: [121.16, 31.29] }),
        candidate({ id: 'at-11', point: [121.16, 31.39] }),
        candidate({ id: 'at-33', point: [121.16, 31.59] }),
        candidate({ id: 'unplaced', point: null }),
      ],
      query({ radiusKm: 30 }),
      { centre, within: null },
    );
    expect(ids(r)).toEqual(['at-0', 'at-11']);
    expect(r.results[1]!.distanceKm).toBeCloseTo(11.1, 1);
    expect(points(r, 'at-0', 'proximity')).toBe(15);
    expect(points(r, 'at-11', 'proximity')).toBeCloseTo(15 * (1 - 11.1 / 30), 0);
    expect(r.excluded).toMatchObject({ distance: 1, 'not-placed': 1 });
  });

  it('within: keeps what lies inside the chosen belt or new town', () => {
    const box: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121, 31],
          [121.3, 31],
          [121.3, 31.4],
          [121, 31.4],
          [121, 31],
        ],
      ],
    };
    const r = rankSites([candidate({ id: 'in', point: [121.2, 31.3] }), candidate({ id: 'out', point: [121.5, 31.3] })], query(), {
      centre: null,
      within: box,
    });
    expect(ids(r)).toEqual(['in']);
    expect(r.excluded.within).toBe(1);
  });

  it('designation: a municipal featured park earns 10', () => {
    const r = rankSites(
      [candidate({ id: 'park' }), candidate({ id: 'base', kind: 'industrial-base', designated: false })],
      query(),
      nowhere,
    );
    expect(points(r, 'park', 'designation')).toBe(WEIGHTS.designation);
    expect(points(r, 'base', 'designation')).toBe(0);
    expect(ids(r)).toEqual(['park', 'base']);
  });
});

describe('site finder: rail and road access', () => {
  const near = (stationKm: number | null, roadKm: number | null) => ({ access: { stationKm, roadKm } });
  const pool = [
    candidate({ id: 'by-station', ...near(0.5, 6) }),
    candidate({ id: 'by-road', ...near(4, 0.2) }),
    candidate({ id: 'both', ...near(1.5, 1) }),
    candidate({ id: 'unknown', access: null }),
  ];

  it('"metro within X km" leaves out what is farther, keeps the unknown flagged, and counts the excluded', () => {
    const r = rankSites(pool, query({ metroKm: 2 }), nowhere);
    expect(ids(r).sort()).toEqual(['both', 'by-station', 'unknown']);
    expect(r.excluded.metro).toBe(1);
    expect(r.results.find((x) => x.candidate.id === 'unknown')!.flags).toContain('access-unknown');
  });

  it('"expressway within X km" does the same for the nearest expressway or elevated road', () => {
    const r = rankSites(pool, query({ roadKm: 1 }), nowhere);
    expect(ids(r).sort()).toEqual(['both', 'by-road', 'unknown']);
    expect(r.excluded.road).toBe(1);
  });

  it('scores each access part 10 × (1 − km ÷ limit), 0 when unknown, and only when its criterion is set', () => {
    expect(points(rankSites(pool, query({ metroKm: 5 }), nowhere), 'by-station', 'rail')).toBe(9);
    const r = rankSites(pool, query({ metroKm: 5, roadKm: 5 }), nowhere);
    expect(points(r, 'by-road', 'road')).toBe(9.6);
    expect(points(r, 'both', 'rail')).toBe(7);
    expect(points(r, 'both', 'road')).toBe(8);
    expect(points(r, 'unknown', 'rail')).toBe(0);
    // by-road: road 9.6 + rail 2; by-station: rail 9, road beyond 5 km → left out; both: 7 + 8
    expect(ids(r)).toEqual(['both', 'by-road', 'unknown']);
    expect(r.results[0]!.maxScore).toBe(WEIGHTS.industry + WEIGHTS.area + WEIGHTS.designation + WEIGHTS.rail + WEIGHTS.road);
    const plain = rankSites(pool, query(), nowhere);
    expect(plain.results[0]!.contributions.map((c) => c.criterion)).not.toContain('rail');
  });

  it('says each result\'s access in the UI language, and "unknown" rather than a zero', () => {
    expect(candidateAccessText({ stationKm: 0.6, roadKm: 0 }, 'zh')).toBe('地铁站 0.6 km · 高速/高架 0 km');
    expect(candidateAccessText({ stationKm: 0.6, roadKm: null }, 'en')).toBe('metro station 0.6 km');
    expect(candidateAccessText(null, 'en')).toBe('access unknown');
    expect(candidateAccessText({ stationKm: null, roadKm: null }, 'zh')).toBe('交通距离未知');
  });

  it('breaks equal access scores by id, whatever the input order', () => {
    const twins = [candidate({ id: 'm', ...near(1, 1) }), candidate({ id: 'k', ...near(1, 1) })];
    expect(ids(rankSites(twins, query({ metroKm: 2 }), nowhere))).toEqual(['k', 'm']);
    expect(ids(rankSites([...twins].reverse(), query({ metroKm: 2 }), nowhere))).toEqual(['k', 'm']);
  });

  it('exports the distances beside the score parts', () => {
    const table = resultsTable(rankSites(pool, query({ metroKm: 5 }), nowhere).results);
    const header = table[0]!;
    const row = table.find((r) => r[1] === 'both')!;
    expect(row[header.indexOf('nearest_station_km')]).toBe(1.5);
    expect(row[header.indexOf('nearest_expressway_km')]).toBe(1);
    expect(row[header.indexOf('points_rail')]).toBe(7);
  });

  it('keeps the access criteria in the URL and drops out-of-range ones with a reason', () => {
    const context = {
      segmentIds: new Set<string>(),
      districtCodes: new Set<string>(),
      withinIds: new Set<string>(),
      candidateIds: new Set<string>(),
    };
    const { state } = decodeFinder(new URLSearchParams('ind=AUTO&metro=2&road=5'), context);
    expect([state.metroKm, state.roadKm]).toEqual([2, 5]);
    expect(encodeFinder(state)).toBe('ind=AUTO&metro=2&road=5');
    const bad = decodeFinder(new URLSearchParams('metro=0&road=abc'), context);
    expect([bad.state.metroKm, bad.state.roadKm]).toEqual([null, null]);
    expect(bad.dropped.map((d) => `${d.param}:${d.reason}`)).toEqual(['metro:drop_accessKm', 'road:drop_accessKm']);
  });
});

describe('site finder: ranking', () => {
  it('draws a score as its parts laid end to end, each after the ones before it', () => {
    expect(
      scoreBar([
        { criterion: 'industry', points: 40, max: 40, detail: '' },
        { criterion: 'area', points: 12.5, max: 20, detail: '' },
        { criterion: 'rail', points: 3, max: 10, detail: '' },
      ]),
    ).toEqual([
      { criterion: 'industry', x: 0, points: 40 },
      { criterion: 'area', x: 40, points: 12.5 },
      { criterion: 'rail', x: 52.5, points: 3 },
    ]);
  });

  it('orders by score, and the score is the sum of the parts shown', () => {
    const r = rankSites(
      [candidate({ id: 'a', areaKm2: 1 }), candidate({ id: 'b', areaKm2: 8 }), candidate({ id: 'c', areaKm2: 3, designated: false })],
      query(),
      nowhere,
    );
    expect(ids(r)).toEqual(['b', 'a', 'c']);
    for (const x of r.results)
      expect(x.score).toBeCloseTo(
        x.contributions.reduce((s, c) => s + c.points, 0),
        5,
      );
    expect(r.results.map((x) => x.rank)).toEqual([1, 2, 3]);
    expect(r.results[0]!.maxScore).toBe(WEIGHTS.industry + WEIGHTS.area + WEIGHTS.designation);
  });

  it('breaks ties predictably: nearer, then larger known area, then id', () => {
    const centre: [number, number] = [121.2, 31.3];
    // same score (areas ≥ 10 km² give full points, same distance): larger area, then id
    const same = [candidate({ id: 'z', areaKm2: 12 }), candidate({ id: 'y', areaKm2: 15 }), candidate({ id: 'x', areaKm2: 15 })];
    expect(ids(rankSites(same, query(), nowhere))).toEqual(['x', 'y', 'z']);
    expect(ids(rankSites([...same].reverse(), query(), nowhere))).toEqual(['x', 'y', 'z']);
    // tied score (0 and 0.1 km both round to 15.0 proximity points), different distance
    const near = candidate({ id: 'near', point: [121.2, 31.3] });
    const far = candidate({ id: 'far', point: [121.2, 31.3009] });
    const tied = rankSites([far, near], query(), { centre, within: null }).results;
    expect(tied[0]!.score).toBe(tied[1]!.score);
    expect(ids(rankSites([far, near], query(), { centre, within: null }))).toEqual(['near', 'far']);
  });

  it('with no industry chosen, leaves the industry criterion out rather than scoring it zero', () => {
    const r = rankSites([candidate({ id: 'a' })], query({ industries: [] }), nowhere);
    expect(r.results[0]!.contributions.map((c) => c.criterion)).toEqual(['area', 'designation']);
  });
});

describe('site finder: exports', () => {
  const ranked = rankSites(
    [candidate({ id: 'p1', name: { zh: '园区, "甲"', en: 'Park A' } }), candidate({ id: 'p2', point: null, areaKm2: null })],
    query(),
    nowhere,
  ).results;
  it('writes a CSV with source and precision columns that parses back', () => {
    const csv = resultsCsv(ranked);
    const rows = parseCsvRows(csv);
    expect(rows[0]).toContain('sources');
    expect(rows[0]).toContain('precision');
    expect(rows).toEqual(resultsTable(ranked).map((r) => r.map((v) => (v === null ? '' : String(v)))));
    expect(rows[1]![2]).toBe('园区, "甲"');
  });
  it('writes GeoJSON that parses back, with the score’s parts and a null geometry where there is no point', () => {
    const gj = JSON.parse(JSON.stringify(resultsGeojson(ranked, query()))) as {
      type: string;
      features: { geometry: unknown; properties: { rank: number; contributions: unknown[]; sources: string } }[];
      query: FinderQuery;
    };
    expect(gj.type).toBe('FeatureCollection');
    expect(gj.features.map((f) => f.properties.rank)).toEqual([1, 2]);
    expect(gj.features[0]!.properties.contributions.length).toBeGreaterThan(0);
    expect(gj.features[1]!.geometry).toBeNull();
    expect(gj.features[0]!.properties.sources).toBe('001 L1-2');
    expect(gj.query.industries).toEqual(['AUTO']);
  });
});

describe('the map frames the search', () => {
  it('centres on the search and zooms out as the radius grows, within limits', () => {
    expect(viewForSearch(null, 30)).toBeNull();
    expect(viewForSearch([121.16, 31.29], 20)).toEqual({ center: [121.16, 31.29], zoom: 9.6, bearing: 0, pitch: 0 });
    expect(viewForSearch([121.16, 31.29], 40)!.zoom).toBeCloseTo(8.6);
    expect(viewForSearch([121.16, 31.29], 100)!.zoom).toBeGreaterThanOrEqual(7);
    expect(viewForSearch([121.16, 31.29], 1)!.zoom).toBeLessThanOrEqual(13);
  });
});

describe('site finder URL', () => {
  const context = {
    segmentIds: new Set(['AUTO.nev']),
    districtCodes: new Set(['310114']),
    withinIds: new Set(['belt-huxi']),
    candidateIds: new Set(['jiading-hydrogen-port']),
  };
  const decode = (q: string) => decodeFinder(new URLSearchParams(q), context);
  it('round-trips a full query', () => {
    const q = 'ind=AUTO&seg=AUTO.nev&min=2&at=121.16,31.29&r=30&in=belt-huxi&sel=jiading-hydrogen-port&lang=en';
    const { state, dropped } = decode(q);
    expect(dropped).toEqual([]);
    expect(state).toMatchObject({
      industries: ['AUTO'],
      minAreaKm2: 2,
      at: [121.16, 31.29],
      radiusKm: 30,
      within: 'belt-huxi',
      selected: 'jiading-hydrogen-port',
      language: 'en',
    });
    expect(encodeFinder(state)).toBe(q);
    expect(encodeFinder(DEFAULT_FINDER)).toBe('');
  });
  it('drops bad values with a reason and keeps the rest', () => {
    const { state, dropped } = decode('ind=AUTO,CARS&min=-1&at=0,0&r=500&in=moon&d=999999&x=1');
    expect(state.industries).toEqual(['AUTO']);
    expect(state.minAreaKm2).toBeNull();
    expect(state.at).toBeNull();
    expect(state.radiusKm).toBe(DEFAULT_FINDER.radiusKm);
    expect(dropped.map((d) => d.param).sort()).toEqual(['at', 'd', 'in', 'ind', 'min', 'r', 'x']);
  });
});

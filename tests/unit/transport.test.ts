/**
 * The transport layers and access distances: what the OSM-derived sources hold, how the build
 * rejects a bad file, and the distances the rule computes on places whose answer is known.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area as turfArea, difference, featureCollection, pointToLineDistance, distance as turfDistance, lineString } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  TRANSPORT_DIR,
  TRANSPORT_FILES,
  checkProvenance,
  loadTransportSources,
  romanize,
  transportLayers,
  transportNetwork,
  validateTransportFile,
} from '../../geodata/build/transport.ts';
import { DataError } from '../../geodata/build/errors.ts';
import { accessOf, type TransportNetwork } from '../../src/lib/plan/access.ts';
import { ROOT } from '../support/server.ts';
import { builtGeodata } from '../support/geodata.ts';

let network: TransportNetwork;
beforeAll(() => {
  network = transportNetwork(loadTransportSources(ROOT));
});

const readSource = (file: string) => JSON.parse(readFileSync(join(ROOT, TRANSPORT_DIR, file), 'utf8'));

describe('transport sources', () => {
  it('hold 20 metro line features: the 18 numbered lines, the 3/4 shared section and the unnumbered track', () => {
    expect(network.lines).toHaveLength(20);
    const numbered = network.lines.filter((l) => /^\d+$/.test(l.route)).map((l) => Number(l.route));
    expect(numbered.sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(network.lines.map((l) => l.route)).toEqual(expect.arrayContaining(['3-4', 'network']));
    // each line has its own colour (3/4 shares Line 3's) and a name in both languages
    const colours = new Set(network.lines.filter((l) => /^\d+$/.test(l.route)).map((l) => l.colour));
    expect(colours.size).toBe(18);
    for (const l of network.lines) expect(l.name.zh && l.name.en).toBeTruthy();
  });

  it('hold 226 stations, about half the network, as the source says, each named in both languages', () => {
    expect(network.stations).toHaveLength(226);
    expect(network.stations.map((s) => s.name.zh)).not.toContain('人民广场');
    for (const s of network.stations) expect(s.name.en).toMatch(/^[A-Za-zü0-9 ·'-]+$/);
  });

  it('draw the whole named corridors and the expressway pieces, each with an English name', () => {
    const names = network.roads.map((r) => r.name.zh);
    expect(names).toEqual(expect.arrayContaining(['中环路', '外环高速', '内环高架路', '延安高架路', '沪闵高架路', '东海大桥']));
    expect(network.roads.find((r) => r.name.zh === '中环路')!.name.en).toBe('Middle Ring Road');
    expect(new Set(network.roads.map((r) => r.roadClass))).toEqual(new Set(['expressway', 'elevated']));
  });

  it('become three basemap layers whose features carry both names', () => {
    const layers = transportLayers(network);
    expect(layers.metro.features).toHaveLength(20);
    expect(layers.stations.features).toHaveLength(226);
    for (const f of [...layers.metro.features, ...layers.stations.features, ...layers.roads.features]) {
      expect(f.properties!.name_zh).toBeTruthy();
      expect(f.properties!.name_en).toBeTruthy();
    }
  });

  it('romanizes station names as Chinese signs write place names, translating a road suffix', () => {
    expect(romanize('金科路')).toBe('Jinke Road');
    expect(romanize('张江高科')).toBe('Zhangjianggaoke');
    expect(romanize('世纪大道')).toBe('Shiji Avenue');
    expect(romanize('蟠祥路・国家会计学院')).toBe('Panxiang Road · Guojiakuaijixueyuan');
    expect(romanize('S1')).toBe('S1');
  });
});

describe('a bad transport file stops the build, naming file, feature and field', () => {
  const lines = () => readSource(TRANSPORT_FILES.lines);
  const expectError = (run: () => void, record: string, field: string) => {
    try {
      run();
      expect.unreachable('the build accepted a bad file');
    } catch (err) {
      expect(err).toBeInstanceOf(DataError);
      expect((err as DataError).file).toBe(TRANSPORT_FILES.lines);
      expect((err as DataError).record).toBe(record);
      expect((err as DataError).field).toBe(field);
    }
  };
  const types = ['MultiLineString', 'LineString'] as const;

  it('accepts the file as it is', () => {
    expect(() => validateTransportFile(lines(), TRANSPORT_FILES.lines, types)).not.toThrow();
  });

  it('rejects a missing licence', () => {
    const doc = lines();
    delete doc.metadata.license;
    expectError(() => validateTransportFile(doc, TRANSPORT_FILES.lines, types), '(file)', 'metadata.license');
  });

  it('rejects a broken geometry', () => {
    const doc = lines();
    doc.features[2].geometry.coordinates[0][1] = [121.5, 'north'];
    expectError(() => validateTransportFile(doc, TRANSPORT_FILES.lines, types), 'metro-3', 'geometry.coordinates');
    const single = lines();
    single.features[0].geometry.coordinates = [[[121.4, 31.2]]];
    expectError(() => validateTransportFile(single, TRANSPORT_FILES.lines, types), 'metro-1', 'geometry.coordinates');
  });

  it('rejects a feature outside the region', () => {
    const doc = lines();
    doc.features[5].geometry.coordinates[0][0] = [116.4, 39.9];
    expectError(() => validateTransportFile(doc, TRANSPORT_FILES.lines, types), 'metro-5', 'geometry.coordinates');
  });

  it('rejects a file whose bytes differ from its provenance entry', () => {
    const provenance = JSON.parse(readFileSync(join(ROOT, TRANSPORT_DIR, 'provenance.json'), 'utf8'));
    expect(() => checkProvenance(provenance, TRANSPORT_FILES.lines, new TextEncoder().encode('{}'))).toThrow(/sha256/);
  });
});

describe('access distances', () => {
  const station = (zh: string) => network.stations.find((s) => s.name.zh === zh)!;

  it('measure a point at a station as 0 km from it, and name that station', () => {
    const at = station('金科路').coordinates;
    const a = accessOf({ type: 'Point', coordinates: at }, network, 1)!;
    expect(a.station!.name.zh).toBe('金科路');
    expect(a.station!.km).toBe(0);
    expect(a.from).toBe('point');
    expect(a.uncertainty_km).toBe(1);
  });

  it('agree with turf (geodesic) within 1% plus the 0.1 km rounding, for a point between stations', () => {
    const p: [number, number] = [121.56, 31.17];
    const a = accessOf({ type: 'Point', coordinates: p }, network, null)!;
    const nearest = Math.min(...network.stations.map((s) => turfDistance(p, s.coordinates, { units: 'kilometers' })));
    expect(Math.abs(a.station!.km - nearest)).toBeLessThanOrEqual(0.05 + nearest * 0.01);
    const line = network.lines.find((l) => l.id === a.line!.id)!;
    const parts = line.geometry.type === 'LineString' ? [line.geometry.coordinates] : line.geometry.coordinates;
    const toLine = Math.min(...parts.map((c) => pointToLineDistance(p, lineString(c), { units: 'kilometers' })));
    expect(Math.abs(a.line!.km - toLine)).toBeLessThanOrEqual(0.05 + toLine * 0.01);
  });

  it('find a corridor no farther than the Middle Ring Road from a point set 1 km off it, matching turf', () => {
    const ring = network.roads.find((r) => r.name.zh === '中环路')!;
    const parts = ring.geometry.type === 'LineString' ? [ring.geometry.coordinates] : ring.geometry.coordinates;
    const toRing = (p: [number, number]) => Math.min(...parts.map((c) => pointToLineDistance(p, lineString(c), { units: 'kilometers' })));
    const vertex = parts[0]![Math.floor(parts[0]!.length / 3)]!;
    // 1 km from a vertex of the ring, in whichever compass direction leads away from the road
    const p = [
      [0, 1 / 110.57],
      [0, -1 / 110.57],
      [1 / 95.2, 0],
      [-1 / 95.2, 0],
    ]
      .map(([dx, dy]): [number, number] => [vertex[0]! + dx!, vertex[1]! + dy!])
      .reduce((best, q) => (toRing(q) > toRing(best) ? q : best));
    expect(toRing(p)).toBeGreaterThan(0.7);
    expect(toRing(p)).toBeLessThan(1.05);
    const a = accessOf({ type: 'Point', coordinates: p }, network, null)!;
    expect(a.road!.km).toBeGreaterThan(0);
    expect(a.road!.km).toBeLessThanOrEqual(Math.round(toRing(p) * 10) / 10 + 0.05);
    // when the ring itself is the nearest, the rule gives turf's distance to it
    if (a.road!.name.zh === '中环路') expect(Math.abs(a.road!.km - toRing(p))).toBeLessThanOrEqual(0.05 + toRing(p) * 0.01);
  });

  it('measure an area from its edge: 0 when a station lies inside, the gap to the edge otherwise', () => {
    const at = station('唐镇').coordinates;
    const square = (d: number, dx = 0): Polygon => ({
      type: 'Polygon',
      coordinates: [
        [
          [at[0] + dx - d, at[1] - d],
          [at[0] + dx + d, at[1] - d],
          [at[0] + dx + d, at[1] + d],
          [at[0] + dx - d, at[1] + d],
          [at[0] + dx - d, at[1] - d],
        ],
      ],
    });
    const inside = accessOf(square(0.01), network, 2)!;
    expect(inside.station).toMatchObject({ km: 0 });
    expect(inside.from).toBe('area-edge');
    // the square moved 0.03° east: its west edge is 0.02° (≈1.9 km) from 唐镇, unless another station is nearer
    const beside = accessOf(square(0.01, 0.03), network, 2)!;
    expect(beside.station!.km).toBeLessThanOrEqual(1.95);
    expect(beside.station!.km).toBeGreaterThan(0);
  });

  it('are not computed for lines or undrawn features', () => {
    expect(accessOf(null, network, null)).toBeNull();
    expect(
      accessOf(
        {
          type: 'LineString',
          coordinates: [
            [121.4, 31.2],
            [121.5, 31.2],
          ],
        },
        network,
        null,
      ),
    ).toBeNull();
  });

  it('are stored with every located plan feature, and with no schematic one', async () => {
    const { plan } = await builtGeodata();
    const features = plan.features as { id: string; drawn: boolean; precision: { level: string }; access: unknown }[];
    for (const f of features) {
      if (f.drawn && f.precision.level !== 'schematic') expect(f.access, f.id).not.toBeNull();
      if (f.precision.level === 'schematic' || !f.drawn) expect(f.access, f.id).toBeNull();
    }
    const hydrogen = features.find((f) => f.id === 'jiading-hydrogen-port')!.access as { line: { route: string; km: number } };
    // 嘉定氢能港 at 安亭 lies on Line 11's Anting branch
    expect(hydrogen.line.route).toBe('11');
    expect((plan.transport as { stations: number }).stations).toBe(226);
  });
});

describe('shapes that respect the coast', () => {
  it('draws every clipped shape on land: under 1% of its area outside the land', async () => {
    const { plan, planGeojson, land } = await builtGeodata();
    const clipped = new Set(
      (plan.features as { id: string; clipped_to_land: boolean }[]).filter((f) => f.clipped_to_land).map((f) => f.id),
    );
    expect(clipped.size).toBeGreaterThan(0);
    const landShape = land.features[0] as Feature<Polygon | MultiPolygon>;
    for (const f of planGeojson.features) {
      if (f.properties!.role !== 'shape' || !clipped.has(f.properties!.id as string)) continue;
      const outside = difference(featureCollection([f as Feature<Polygon | MultiPolygon>, landShape]));
      const ratio = outside ? turfArea(outside) / turfArea(f) : 0;
      expect(ratio, f.properties!.id as string).toBeLessThan(0.01);
    }
  });
});

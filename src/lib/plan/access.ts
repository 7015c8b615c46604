/**
 * Access distances: for a located feature, the nearest metro station, metro line and expressway or
 * elevated corridor, as straight-line distances (turf). The geodata build computes them once; the
 * card, profiles, list, exports and site finder read the stored result.
 *
 * Rules, so every reader can check a figure:
 * - a point is measured from itself; an area from its drawn edge (0 when the station or line lies
 *   inside or crosses it);
 * - only numbered metro lines count as lines (not the unnumbered yards and links);
 * - distances are rounded to 0.1 km and stated beside the feature's own location uncertainty (its
 *   precision radius), because a site placed ±3 km cannot be "0.4 km from a station";
 * - the station set is incomplete (about half the network), so a station distance is an upper
 *   bound: a nearer station may exist.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Geometry, LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface MetroLine {
  id: string;
  /** "1" … "18", "3-4" for the shared section, "network" for unnumbered track. */
  route: string;
  colour: string;
  name: Bilingual;
  geometry: LineString | MultiLineString;
}

export interface Station {
  id: string;
  name: Bilingual;
  coordinates: [number, number];
}

export interface Road {
  id: string;
  roadClass: 'expressway' | 'elevated';
  name: Bilingual;
  labelled: boolean;
  geometry: LineString | MultiLineString;
}

export interface TransportNetwork {
  /** Date of the OSM snapshot the network comes from. */
  snapshot: string;
  lines: MetroLine[];
  stations: Station[];
  roads: Road[];
}

export interface NearestThing {
  id: string;
  name: Bilingual;
  km: number;
}

export interface Access {
  station: NearestThing | null;
  line: (NearestThing & { route: string; colour: string }) | null;
  road: (NearestThing & { roadClass: 'expressway' | 'elevated' }) | null;
  /** What was measured from: the point itself, or the edge of the drawn area. */
  from: 'point' | 'area-edge';
  /** How far the feature's drawn location may be from the real place (its precision radius), km. */
  uncertainty_km: number | null;
}

/**
 * Distances are computed in a local plane (equirectangular at Shanghai's latitude), not with turf's
 * geodesic point-to-line, which took ~100 s for the plan's shapes against 11,000 metro vertices.
 * Over the region the plane's scale errs by under 1% (checked against turf in the tests), well
 * inside the 0.1 km rounding and far inside any feature's location uncertainty.
 */
const LAT0 = 31.2;
const KM_X = 111.32 * Math.cos((LAT0 * Math.PI) / 180);
const KM_Y = 110.57;

type XY = [number, number];
type Box = [number, number, number, number];
interface Path {
  xy: XY[];
  box: Box;
}

const project = (p: Position): XY => [p[0]! * KM_X, p[1]! * KM_Y];

function boxOf(xy: XY[]): Box {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const [x, y] of xy) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

function boxGap(a: Box, b: Box): number {
  return Math.hypot(Math.max(0, a[0] - b[2], b[0] - a[2]), Math.max(0, a[1] - b[3], b[1] - a[3]));
}

function pathsOf(lines: Position[][]): Path[] {
  return lines
    .filter((c) => c.length >= 1)
    .map((c) => {
      const xy = c.map(project);
      return { xy, box: boxOf(xy) };
    });
}

function pointSegment(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function cross(o: XY, a: XY, b: XY): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function segmentsCross(a: XY, b: XY, c: XY, d: XY): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function segmentSegment(a: XY, b: XY, c: XY, d: XY): number {
  if (segmentsCross(a, b, c, d)) return 0;
  return Math.min(pointSegment(a, c, d), pointSegment(b, c, d), pointSegment(c, a, b), pointSegment(d, a, b));
}

/** Shortest distance between two paths (polylines or rings), pruned by `bound` (returns ≥ bound when pruned). */
function pathPath(p: Path, q: Path, bound: number): number {
  let best = bound;
  if (boxGap(p.box, q.box) > best) return Infinity;
  const single = (path: Path) => (path.xy.length === 1 ? [path.xy[0]!, path.xy[0]!] : path.xy);
  const a = single(p);
  const b = single(q);
  for (let i = 1; i < a.length; i++) {
    const s: Box = [
      Math.min(a[i - 1]![0], a[i]![0]),
      Math.min(a[i - 1]![1], a[i]![1]),
      Math.max(a[i - 1]![0], a[i]![0]),
      Math.max(a[i - 1]![1], a[i]![1]),
    ];
    if (boxGap(s, q.box) > best) continue;
    for (let j = 1; j < b.length; j++) {
      const d = segmentSegment(a[i - 1]!, a[i]!, b[j - 1]!, b[j]!);
      if (d < best) {
        best = d;
        if (best === 0) return 0;
      }
    }
  }
  return best === bound ? Infinity : best;
}

type Shape = { kind: 'point'; path: Path; box: Box } | { kind: 'area'; polygon: Polygon | MultiPolygon; rings: Path[]; box: Box };

function shapeOf(g: Geometry): Shape | null {
  if (g.type === 'Point') {
    const path = pathsOf([[g.coordinates]])[0]!;
    return { kind: 'point', path, box: path.box };
  }
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const rings = pathsOf(polys.flat());
    return { kind: 'area', polygon: g, rings, box: boxOf(rings.flatMap((r) => r.xy)) };
  }
  return null;
}

const unproject = (xy: XY): Position => [xy[0] / KM_X, xy[1] / KM_Y];

/** Distance from the shape to a line of one or more paths: 0 when they meet or the line lies inside. */
function shapeToLine(shape: Shape, line: Path[], bound: number): number {
  let best = bound;
  for (const path of line) {
    if (boxGap(shape.box, path.box) > best) continue;
    if (shape.kind === 'area' && booleanPointInPolygon(unproject(path.xy[0]!), shape.polygon)) return 0;
    const targets = shape.kind === 'point' ? [shape.path] : shape.rings;
    for (const t of targets) best = Math.min(best, pathPath(t, path, best));
    if (best === 0) return 0;
  }
  return best;
}

const km = (value: number) => Math.round(value * 10) / 10;
const linePaths = (g: LineString | MultiLineString) => pathsOf(g.type === 'LineString' ? [g.coordinates] : g.coordinates);

/** Access distances for a feature drawn as a point or an area; null for lines and undrawn features. */
export function accessOf(geometry: Geometry | null, network: TransportNetwork, uncertaintyKm: number | null): Access | null {
  const shape = geometry ? shapeOf(geometry) : null;
  if (!shape) return null;
  // Ties go to the name (stations) or id (lines, roads) that sorts first, never to file order.
  const nearest = <T extends { id: string; name: Bilingual }>(items: T[], pathsOfItem: (item: T) => Path[], key: (item: T) => string) => {
    let best: { item: T; km: number } | null = null;
    for (const item of items) {
      const d = shapeToLine(shape, pathsOfItem(item), best ? best.km + 1e-9 : Infinity);
      if (d === Infinity) continue;
      if (!best || d < best.km || (d === best.km && key(item) < key(best.item))) best = { item, km: d };
    }
    return best;
  };
  const station = nearest(
    network.stations,
    (s) => pathsOf([[s.coordinates]]),
    (s) => s.name.zh,
  );
  const line = nearest(
    network.lines.filter((l) => l.route !== 'network'),
    (l) => linePaths(l.geometry),
    (l) => l.id,
  );
  const road = nearest(
    network.roads,
    (r) => linePaths(r.geometry),
    (r) => r.id,
  );
  return {
    station: station && { id: station.item.id, name: station.item.name, km: km(station.km) },
    line: line && { id: line.item.id, name: line.item.name, km: km(line.km), route: line.item.route, colour: line.item.colour },
    road: road && { id: road.item.id, name: road.item.name, km: km(road.km), roadClass: road.item.roadClass },
    from: shape.kind === 'point' ? 'point' : 'area-edge',
    uncertainty_km: uncertaintyKm,
  };
}

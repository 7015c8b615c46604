/**
 * `npm run geodata`: builds everything the app loads from the authored sources and the data
 * packages installed by `npm ci`. `--if-stale` skips the build when every output exists and is
 * newer than every input. `--out DIR` writes under another root (tests use it for determinism).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { adminUnitsFromEcharts } from './districts.ts';
import { DISTRICTS } from '../../src/lib/districts.ts';
import { BASEMAP_SOURCES } from '../../src/lib/attribution.ts';
import { FONTSTACK } from '../../src/lib/style/basemap-style.ts';
import { buildBasemapLayers, validateOrientation } from './basemap.ts';
import { REGION_BOUNDS } from '../../src/lib/region.ts';
import { cutTiles } from './tiles.ts';
import { writePmtiles } from './pmtiles-writer.ts';
import { buildGlyphRanges, charactersOf, rangesFor, RANGE_SIZE } from './glyphs.ts';
import { DataError } from './errors.ts';
import type { EchartsMap } from './echarts.ts';
import { buildGeometries, checkReferences, coverageMarkdown, loadPlanSources, planOutputs, tileLayer } from './plan.ts';
import { loadTransportSources, transportLayers, transportNetwork } from './transport.ts';
import { OsmExtractError, STREETS_FILE, buildStreets, existingStreetLabels, type StreetsResult } from './osm.ts';
import { TRANSPORT_MIN_ZOOM } from '../../src/lib/style/basemap-style.ts';
import { paletteCss } from '../../src/lib/style/palette.ts';
import { checkIntegration, integrationOutputs, loadDocuments, loadIntegrationSources, zhejiangOutline } from './integration.ts';
import { ZHEJIANG_CITIES } from '../../src/lib/zhejiang.ts';
import { APP_ICONS, manifestFile, renderIcon, webManifest } from './app-icons.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

export const BASEMAP_FILE = 'basemap/shanghai.pmtiles';
export const PLAN_TILES_FILE = 'basemap/plan.pmtiles';
export const GLYPH_PREFETCH_FILE = 'basemap/glyph-prefetch.json';
export const MANIFEST_FILE = 'basemap/manifest.json';
export const DISTRICTS_FILE = 'data/districts.geojson';
export const DISTRICTS_ADMIN_FILE = 'data/districts-admin.geojson';
/** Land in the basemap's region (sea erased): what plan shapes are clipped to. */
export const LAND_FILE = 'data/land.geojson';
export const PLAN_FILE = 'data/plan.json';
/** The page palette (src/lib/style/palette.ts), linked from app.html. */
export const PALETTE_FILE = 'data/palette.css';
export const PLAN_GEOJSON_FILE = 'data/plan.geojson';
/** The two-industry integration comparison (000, 004) and 002's demonstrations. */
export const INTEGRATION_FILE = 'data/integration.json';
/** Zhejiang's 11 cities, the comparison page's context map. */
export const ZHEJIANG_FILE = 'data/zhejiang.geojson';
/** The coverage report is committed (reviewable in diffs) and shown on the app's data page. */
export const COVERAGE_REPORT = 'geodata/coverage.md';
const MIN_ZOOM = 6;
const MAX_ZOOM = 12;

const ATTRIBUTION = BASEMAP_SOURCES.map((s) => `${s.what.en}: ${s.source} (${s.licence})`);

/** Every input whose change must rebuild the outputs. */
export function inputFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return [
    ...walk(join(ROOT, 'geodata/sources')),
    ...walk(join(ROOT, 'geodata/build')),
    ...walk(join(ROOT, 'geodata/osm')),
    ...walk(join(ROOT, 'src/lib/plan')),
    ...['src/lib/districts.ts', 'src/lib/zhejiang.ts', 'src/lib/attribution.ts', 'src/lib/style/basemap-style.ts', 'src/lib/style/palette.ts', 'src/lib/i18n/strings.ts', 'static/favicon.svg', 'package-lock.json'].map((f) => join(ROOT, f)),
  ].filter(existsSync);
}

export function isStale(staticDir: string): boolean {
  const manifestPath = join(staticDir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return true;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: { path: string }[] };
  const outputs = [manifestPath, ...manifest.files.map((f) => join(staticDir, f.path))];
  if (!outputs.every(existsSync)) return true;
  const oldestOutput = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const newestInput = Math.max(...inputFiles().map((f) => statSync(f).mtimeMs));
  return newestInput > oldestOutput;
}

export interface BuildReport {
  files: { path: string; bytes: number; sha256: string }[];
  tiles: number;
  glyphRanges: number;
  characters: number;
  planFeatures: number;
  /** The coverage report's text (main() writes it to geodata/coverage.md). */
  coverage: string;
}

export interface BuildOptions {
  /** A street-level layer set built from a deployment's OSM extract (--osm), written with the rest. */
  streets?: StreetsResult;
}

export async function buildGeodata(staticDir: string, options: BuildOptions = {}): Promise<BuildReport> {
  const orientationFile = 'geodata/sources/orientation.geojson';
  const echartsPath = require.resolve('echarts/map/json/province/shanghai.json');
  const echartsMap = JSON.parse(readFileSync(echartsPath, 'utf8')) as EchartsMap;
  const districts = adminUnitsFromEcharts(echartsMap, DISTRICTS, 'echarts/map/json/province/shanghai.json').units;
  if (districts.features.length !== 16) throw new DataError('src/lib/districts.ts', '*', 'code', '16 districts', districts.features.length);

  const orientation = validateOrientation(
    JSON.parse(readFileSync(join(ROOT, orientationFile), 'utf8')) as FeatureCollection<Geometry, Record<string, unknown>>,
    orientationFile,
  );
  const seaWorld = JSON.parse(readFileSync(require.resolve('@geo-maps/earth-seas-10m/map.geo.json'), 'utf8')) as { type: string; geometries?: Geometry[] };
  const { layers, districtsAdmin, districtsLand } = await buildBasemapLayers(districts, seaWorld, orientation);

  const transport = transportNetwork(loadTransportSources(ROOT));

  const plan = loadPlanSources(ROOT);
  checkReferences(plan);
  const land = layers.land as unknown as FeatureCollection<Polygon | MultiPolygon>;
  const planBuilt = buildGeometries(plan, districtsLand, districtsAdmin, land);
  const districtLabelPoints = new Map(
    layers.district_labels.features.map((f) => [String(f.properties?.code), (f.geometry as { coordinates: number[] }).coordinates]),
  );
  const planOut = planOutputs(plan, planBuilt, districtLabelPoints, transport);

  // Zhejiang's cities come from the same ECharts package and the same join as Shanghai's districts.
  const zhejiangSource = 'echarts/map/json/province/zhejiang.json';
  const zhejiang = adminUnitsFromEcharts(JSON.parse(readFileSync(require.resolve(zhejiangSource), 'utf8')) as EchartsMap, ZHEJIANG_CITIES, zhejiangSource);
  const integrationSources = loadIntegrationSources(ROOT, plan.published);
  checkIntegration(integrationSources, plan.modes, loadDocuments(ROOT));
  const integration = integrationOutputs(integrationSources, zhejiang, planBuilt.filter((b) => b.record.modes.length > 0).length);

  // The plan's features have an archive of their own: the map decodes only the tiles in view
  // instead of parsing the whole GeoJSON at load, and a filter change re-lays out these small tiles
  // without touching the basemap's.
  const tiling = { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM, bounds: REGION_BOUNDS };
  const thematicLayers = layers as unknown as Record<string, FeatureCollection>;
  const basemapLayers = { ...thematicLayers, ...transportLayers(transport) };
  const planTiled = { plan: tileLayer(planOut.planGeojson) };
  // Roads and stations are site-scale detail: left out of the overview tiles the first view loads.
  const tiles = cutTiles(basemapLayers, { ...tiling, layerMinZoom: TRANSPORT_MIN_ZOOM });
  const planTiles = cutTiles(planTiled, tiling);
  const layerEntries = [...Object.entries(basemapLayers), ...Object.entries(planTiled)] as [string, FeatureCollection][];
  const vectorLayers = (entries: [string, FeatureCollection][]) =>
    entries.map(([id, fc]) => ({
      id,
      fields: Object.fromEntries([...new Set(fc.features.flatMap((f) => Object.keys(f.properties ?? {})))].sort().map((k) => [k, 'String'])),
    }));
  const header = { minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM, bounds: REGION_BOUNDS, center: [121.47, 31.23, 9] as [number, number, number] };
  const archive = writePmtiles(tiles, {
    ...header,
    metadata: {
      name: 'Shanghai thematic basemap',
      format: 'pbf',
      vector_layers: vectorLayers(Object.entries(basemapLayers)),
      attribution: ATTRIBUTION.join('; '),
    },
  });
  const planArchive = writePmtiles(planTiles, {
    ...header,
    metadata: { name: 'Shanghai 14th Five-Year Plans: industrial layout', format: 'pbf', vector_layers: vectorLayers(Object.entries(planTiled)) },
  });

  const labelsOf = (entries: [string, FeatureCollection][]) =>
    entries.flatMap(([, fc]) => fc.features.flatMap((f) => ['name_zh', 'name_en'].map((k) => String(f.properties?.[k] ?? ''))));
  // Street names, from this build's extract or from the archive an earlier --osm build left, keep
  // their glyphs in the subset.
  const streetLabels = options.streets?.labels ?? (await existingStreetLabels(join(staticDir, STREETS_FILE)));
  const chars = charactersOf([...labelsOf(layerEntries), ...streetLabels]);
  // The ranges the basemap's own labels need at the opening zoom (districts, water, places): the map
  // fetches these as soon as it starts, beside its engine and tiles, instead of after the tiles that
  // name them. Station and road names appear only closer in, so their ranges load on demand.
  const prefetch = [...rangesFor(charactersOf(labelsOf(Object.entries(thematicLayers)))).keys()]
    .sort((a, b) => a - b)
    .map((start) => `${start}-${start + RANGE_SIZE - 1}`);
  const font = readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
  const glyphs = await buildGlyphRanges(font, FONTSTACK, chars);

  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value) + '\n');
  const written: Record<string, Uint8Array> = {
    [BASEMAP_FILE]: archive,
    [PLAN_TILES_FILE]: planArchive,
    // For downloads, later builds (point-in-district checks) and tests: WGS84, cleaned.
    [DISTRICTS_FILE]: json(districtsLand),
    [DISTRICTS_ADMIN_FILE]: json(districtsAdmin),
    [LAND_FILE]: json(land),
    [PLAN_FILE]: json(planOut.planJson),
    [PLAN_GEOJSON_FILE]: json(planOut.planGeojson),
    [INTEGRATION_FILE]: json(integration),
    [ZHEJIANG_FILE]: json(zhejiangOutline(zhejiang.units)),
    [PALETTE_FILE]: new TextEncoder().encode(paletteCss(plan.industries)),
  };
  for (const [name, bytes] of glyphs) written[`fonts/${FONTSTACK}/${name}`] = bytes;
  // the installable app: icons and a manifest per language
  for (const icon of APP_ICONS) written[icon.file] = renderIcon(icon.size, icon.maskable);
  for (const language of ['zh', 'en'] as const) written[manifestFile(language)] = new TextEncoder().encode(webManifest(language));
  if (options.streets) written[STREETS_FILE] = options.streets.archive;
  // every range the subset holds: the map answers any other range as empty, without a request
  const built = [...glyphs.keys()].map((name) => name.replace(/\.pbf$/, '')).sort((a, b) => parseInt(a) - parseInt(b));
  written[GLYPH_PREFETCH_FILE] = json({ fontstack: FONTSTACK, ranges: prefetch, built });

  rmSync(join(staticDir, 'fonts', FONTSTACK), { recursive: true, force: true });
  const files = Object.entries(written)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, bytes]) => {
      const full = join(staticDir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, bytes);
      return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
  const report: BuildReport = {
    files,
    tiles: tiles.length + planTiles.length,
    glyphRanges: glyphs.size,
    characters: chars.size,
    planFeatures: planBuilt.length,
    coverage: coverageMarkdown(planOut.coverage),
  };
  writeFileSync(join(staticDir, MANIFEST_FILE), JSON.stringify({ generator: 'npm run geodata', attribution: ATTRIBUTION, files }, null, 1) + '\n');
  return report;
}

async function main(argv: string[]): Promise<void> {
  const outIndex = argv.indexOf('--out');
  const staticDir = outIndex >= 0 ? resolve(argv[outIndex + 1] ?? '') : join(ROOT, 'static');
  if (argv.includes('--if-stale') && !argv.includes('--osm') && !isStale(staticDir)) {
    console.log('geodata: outputs are up to date (npm run geodata rebuilds them)');
    return;
  }
  const started = performance.now();
  const osmIndex = argv.indexOf('--osm');
  let streets: StreetsResult | undefined;
  if (osmIndex >= 0) {
    const input = argv[osmIndex + 1];
    if (!input) throw new OsmExtractError('--osm needs a file: npm run geodata -- --osm shanghai-latest.osm.pbf');
    console.log(`geodata: building street-level layers from ${input} with tilemaker…`);
    streets = buildStreets(resolve(input), ROOT);
    console.log(`  ${STREETS_FILE}  ${(streets.archive.length / 1024).toFixed(1)} KB  (${streets.tiles} tiles)`);
  }
  const report = await buildGeodata(staticDir, { streets });
  if (outIndex < 0) writeFileSync(join(ROOT, COVERAGE_REPORT), report.coverage);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const archive = report.files.find((f) => f.path === BASEMAP_FILE);
  const glyphBytes = report.files.filter((f) => f.path.startsWith('fonts/')).reduce((a, f) => a + f.bytes, 0);
  console.log(`geodata: wrote to ${relative(process.cwd(), staticDir) || '.'}/`);
  console.log(`  ${BASEMAP_FILE}  ${kb(archive?.bytes ?? 0)}  (${report.tiles} tiles, z${MIN_ZOOM}-${MAX_ZOOM})`);
  console.log(`  fonts/${FONTSTACK}/  ${kb(glyphBytes)}  (${report.glyphRanges} glyph ranges, ${report.characters} label characters)`);
  for (const f of report.files.filter((f) => f.path.startsWith('data/'))) console.log(`  ${f.path}  ${kb(f.bytes)}`);
  console.log(`  ${MANIFEST_FILE}`);
  console.log(`  plan: ${report.planFeatures} features; ${report.coverage.split('\n')[4]}`);
  console.log(`geodata: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    if (err instanceof DataError) console.error(`geodata: data error\n  ${err.message}`);
    else if (err instanceof OsmExtractError) console.error(`geodata: the OSM extract was not used (the basemap is unchanged)\n  ${err.message}`);
    else console.error('geodata: build failed\n', err);
    process.exit(1);
  });
}

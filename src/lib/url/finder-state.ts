/**
 * The site finder's query in the URL (a link reopens the same search), pure and total like the
 * map's codec: any input decodes to a valid query, and each value dropped is reported.
 *
 *   ind=AUTO,IC          3+6 industries          seg=AUTO.nev        segments
 *   min=2                minimum area, km²        at=121.17,31.29     location (a click on the map)
 *   d=310114             location: a district's centre
 *   r=30                 radius, km (1–100)       in=belt-huxi        inside a belt, new town or the pole
 *   metro=2              metro station within, km  road=5             expressway within, km (0.5–30)
 *   sel=robot-park       the result shown         lang=en
 */
import { DEFAULT_LANGUAGE, type Language } from '../i18n/language.ts';
import type { IndustryId } from '../plan/model.ts';
import { INDUSTRY_IDS } from '../plan/vocabulary.ts';
import { ACCESS_LIMITS_KM, DEFAULT_RADIUS_KM } from '../plan/site-finder.ts';
import { VIEW_LIMITS, decodeLanguage, reportRepeats, type DropReason, type DroppedParam } from './view-state.ts';

export interface FinderState {
  language: Language;
  industries: IndustryId[];
  segments: string[];
  minAreaKm2: number | null;
  at: [number, number] | null;
  district: string | null;
  radiusKm: number;
  within: string | null;
  /** "Metro within X km" / "expressway within X km"; null: no such criterion. */
  metroKm: number | null;
  roadKm: number | null;
  selected: string | null;
}

export const DEFAULT_FINDER: Readonly<FinderState> = {
  language: DEFAULT_LANGUAGE,
  industries: [],
  segments: [],
  minAreaKm2: null,
  at: null,
  district: null,
  radiusKm: DEFAULT_RADIUS_KM,
  within: null,
  metroKm: null,
  roadKm: null,
  selected: null,
};

export const RADIUS_LIMITS = [1, 100] as const;

export interface FinderContext {
  segmentIds: ReadonlySet<string>;
  districtCodes: ReadonlySet<string>;
  withinIds: ReadonlySet<string>;
  candidateIds: ReadonlySet<string>;
}

const KNOWN = new Set(['lang', 'ind', 'seg', 'min', 'at', 'd', 'r', 'in', 'metro', 'road', 'sel']);

export function decodeFinder(query: URLSearchParams, context: FinderContext): { state: FinderState; dropped: DroppedParam[] } {
  const dropped: DroppedParam[] = [];
  const state: FinderState = { ...DEFAULT_FINDER, industries: [], segments: [] };
  const drop = (param: string, value: string, reason: DropReason) => dropped.push({ param, value, reason });
  const list = (param: string) =>
    (query.get(param) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);

  state.language = decodeLanguage(query, dropped);
  for (const id of list('ind')) {
    if ((INDUSTRY_IDS as readonly string[]).includes(id)) {
      if (!state.industries.includes(id as IndustryId)) state.industries.push(id as IndustryId);
    } else drop('ind', id, 'drop_industry');
  }
  state.industries = INDUSTRY_IDS.filter((id) => state.industries.includes(id));
  for (const id of list('seg')) {
    if (context.segmentIds.has(id)) {
      if (!state.segments.includes(id)) state.segments.push(id);
    } else drop('seg', id, 'drop_segment');
  }
  const min = query.get('min');
  if (min !== null) {
    const n = Number(min);
    if (min.trim() !== '' && Number.isFinite(n) && n > 0 && n <= 1000) state.minAreaKm2 = n;
    else drop('min', min, 'drop_area');
  }
  const at = query.get('at');
  if (at !== null) {
    const [lon, lat, ...rest] = at.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
    const inBox = (x: number | undefined, [lo, hi]: readonly [number, number]) =>
      x !== undefined && Number.isFinite(x) && x >= lo && x <= hi;
    if (rest.length === 0 && inBox(lon, VIEW_LIMITS.lon) && inBox(lat, VIEW_LIMITS.lat)) state.at = [lon!, lat!];
    else drop('at', at, 'drop_point');
  }
  const d = query.get('d');
  if (d !== null) {
    if (context.districtCodes.has(d)) state.district = d;
    else drop('d', d, 'drop_district');
  }
  if (state.at && state.district) {
    drop('d', state.district, 'drop_pointAndDistrict');
    state.district = null;
  }
  const r = query.get('r');
  if (r !== null) {
    const n = Number(r);
    if (r.trim() !== '' && Number.isFinite(n) && n >= RADIUS_LIMITS[0] && n <= RADIUS_LIMITS[1]) state.radiusKm = n;
    else drop('r', r, 'drop_radius');
  }
  const within = query.get('in');
  if (within !== null) {
    if (context.withinIds.has(within)) state.within = within;
    else drop('in', within, 'drop_within');
  }
  for (const [param, key] of [
    ['metro', 'metroKm'],
    ['road', 'roadKm'],
  ] as const) {
    const raw = query.get(param);
    if (raw === null) continue;
    const n = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(n) && n >= ACCESS_LIMITS_KM[0] && n <= ACCESS_LIMITS_KM[1]) state[key] = n;
    else drop(param, raw, 'drop_accessKm');
  }
  const sel = query.get('sel');
  if (sel !== null) {
    if (context.candidateIds.has(sel)) state.selected = sel;
    else drop('sel', sel, 'drop_candidate');
  }
  for (const key of new Set(query.keys())) if (!KNOWN.has(key)) drop(key, query.get(key) ?? '', 'drop_param');
  reportRepeats(query, dropped);
  return { state, dropped };
}

export function encodeFinder(state: FinderState): string {
  const q = new URLSearchParams();
  if (state.industries.length) q.set('ind', INDUSTRY_IDS.filter((id) => state.industries.includes(id)).join(','));
  if (state.segments.length) q.set('seg', state.segments.join(','));
  if (state.minAreaKm2 !== null) q.set('min', String(state.minAreaKm2));
  if (state.at) q.set('at', state.at.map((x) => Number(x.toFixed(5))).join(','));
  if (state.district) q.set('d', state.district);
  if (state.radiusKm !== DEFAULT_FINDER.radiusKm) q.set('r', String(state.radiusKm));
  if (state.within) q.set('in', state.within);
  if (state.metroKm !== null) q.set('metro', String(state.metroKm));
  if (state.roadKm !== null) q.set('road', String(state.roadKm));
  if (state.selected) q.set('sel', state.selected);
  if (state.language !== DEFAULT_FINDER.language) q.set('lang', state.language);
  return q.toString().replace(/%2C/gi, ',');
}

/**
 * How a feature's access distances read, in either language: one line per fact, then how it was
 * measured, how precise the place is and the stations caveat. The card, the profile pages and the
 * exports all use these lines, so they say the same thing.
 */
import type { Language } from '../i18n/language.ts';
import { t } from '../i18n/strings.ts';
import type { Access } from './access.ts';

export function accessFacts(access: Access, language: Language): string[] {
  const facts: string[] = [];
  if (access.station) facts.push(t(language, 'accessStation', { name: access.station.name[language], km: access.station.km }));
  if (access.line) facts.push(t(language, 'accessLine', { name: access.line.name[language], km: access.line.km }));
  if (access.road) facts.push(t(language, 'accessRoad', { name: access.road.name[language], km: access.road.km }));
  return facts;
}

/** A finder result's access in one short line ("地铁站 0.6 km · 高速/高架 0 km"), or that it is unknown. */
export function candidateAccessText(access: { stationKm: number | null; roadKm: number | null } | null, language: Language): string {
  if (!access) return t(language, 'accessUnknown');
  const parts = [
    access.stationKm !== null ? t(language, 'resultStationKm', { km: access.stationKm }) : '',
    access.roadKm !== null ? t(language, 'resultRoadKm', { km: access.roadKm }) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : t(language, 'accessUnknown');
}

export function accessCaveats(access: Access, language: Language, stationCount: number): string[] {
  return [
    t(language, access.from === 'point' ? 'accessFromPoint' : 'accessFromArea'),
    access.uncertainty_km !== null
      ? t(language, 'accessUncertainty', { km: access.uncertainty_km })
      : t(language, 'accessUncertaintyUnknown'),
    t(language, 'accessStationsCaveat', { stations: stationCount }),
  ];
}

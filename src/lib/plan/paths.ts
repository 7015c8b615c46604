/**
 * Stable, readable addresses of the profile pages. Kept apart from the profile rules (which need
 * turf) so the map page can link to profiles without loading them.
 */
import type { FeatureKind, IndustryId } from './model.ts';
import { INDUSTRY_IDS } from './vocabulary.ts';

export function featurePath(f: { id: string; kind: FeatureKind }): string {
  return f.kind === 'featured-park' ? `/parks/${f.id}` : `/layout/${f.id}`;
}
export const districtPath = (code: string) => `/districts/${code}`;
export const industryPath = (id: IndustryId) => `/industries/${id.toLowerCase()}`;
export function industryFromSlug(slug: string): IndustryId | null {
  const id = slug.toUpperCase();
  return (INDUSTRY_IDS as readonly string[]).includes(id) ? (id as IndustryId) : null;
}

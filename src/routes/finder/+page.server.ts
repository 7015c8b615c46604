import { reachedIndustries } from '$lib/plan/rules';
import { planCandidates } from '$lib/plan/site-finder';
import { industryIndex, industryReachMap } from '$lib/plan/feature-index';
import { simplifiedShape } from '$lib/plan/compare';
import { districtCentres, profileSources } from '$lib/server/profiles';

// The finder ranks in the browser (inputs change results at once); the page ships the candidates,
// the district centres and the shapes a search can be limited to.
export function load() {
  const { plan, features, shapes } = profileSources();
  const candidates = planCandidates(features, (l) => reachedIndustries([l], plan.industries));
  const withinUnits = features
    .filter((f) => f.kind === 'pole' || f.kind === 'belt' || f.kind === 'new-town')
    .map((f) => ({ id: f.id, kind: f.kind, name: f.name, shape: simplifiedShape(shapes.get(f.id) ?? null) }))
    .filter((u) => u.shape !== null);
  const segments = plan.industries.flatMap((i) =>
    i.segments.filter((s) => s.kind === 'manufacturing').map((s) => ({ id: s.id, industry: i.id, name: s.name })),
  );
  return {
    candidates,
    districtCentres: districtCentres(),
    withinUnits,
    segments,
    industries: industryIndex(plan.industries),
    reach: industryReachMap(plan.industries),
    stationCount: plan.transport.stations,
  };
}

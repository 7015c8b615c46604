/**
 * The plan model: every type the product's data has, and the runtime schemas that validate it.
 * The geodata build validates the authored files against these schemas; the app and the tests
 * import the inferred types. One place, so the data and the code cannot drift apart.
 */
import { z } from 'zod';
import {
  DEMONSTRATION_TYPES,
  DOCUMENTS,
  FEATURE_KINDS,
  INDUSTRY_IDS,
  INTEGRATION_DOCS,
  INTEGRATION_THEMES,
  PRECISION_LEVELS,
} from './vocabulary.ts';

// ── Vocabulary ────────────────────────────────────────────────────────────────────────────────

export const IndustryId = z.enum(INDUSTRY_IDS);
export type IndustryId = z.infer<typeof IndustryId>;

export const DocKey = z.enum(['000', '001', '002', '003', '004']);
export type DocKey = z.infer<typeof DocKey>;

export const Name = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Name = z.infer<typeof Name>;

/**
 * A data text a reader sees (a precision basis, a scope, a note, a reason) in both languages: the
 * build rejects a record whose text lacks either (field path ends in .zh or .en).
 */
export const Text = z.object({
  zh: z.string().trim().min(1, 'the Chinese text (zh)'),
  en: z.string().trim().min(1, 'the English text (en)'),
});
export type Text = z.infer<typeof Text>;

// ── Citations: the one citation type ─────────────────────────────────────────────────────────

export const PlanCitation = z
  .object({
    type: z.literal('plan'),
    doc: DocKey,
    /** 1-based inclusive line range in the seed text. */
    lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
    section: z.string().min(1).optional(),
  })
  .refine((c) => c.lines[0] <= c.lines[1], { message: 'line range must run forwards', path: ['lines'] })
  .refine((c) => c.lines[1] <= DOCUMENTS[c.doc].lines, { message: 'line range past the end of the document', path: ['lines'] });

export const PublishedCitation = z.object({
  type: z.literal('published'),
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** Publication date as precise as known: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  url: z.string().url().optional(),
  /** What a reader should know about the source itself (e.g. only part of it is readable), in both languages. */
  note: Text.optional(),
});

export const Citation = z.union([PlanCitation, PublishedCitation]);
export type Citation = z.infer<typeof Citation>;
export type PlanCitationT = z.infer<typeof PlanCitation>;
const Cites = z.array(Citation).min(1, 'at least one citation');

// ── Precision, figures, unverified facts, conflicts ──────────────────────────────────────────

export const Precision = z.object({
  level: z.enum(PRECISION_LEVELS),
  /** How far the drawn geometry may be from the real place. */
  radius_km: z.number().positive().optional(),
  /** Where the geometry comes from, in words a reader understands. */
  basis: Text,
});
export type Precision = z.infer<typeof Precision>;

export const Figure = z
  .object({
    id: z.string().min(1),
    label: Name,
    /** Null where the plan's target is qualitative (倍增, 全国前列 …): then `text_zh` says it. */
    value: z.number().nullable(),
    /** The plan's qualifier: 超过, 左右, 以上, 突破 … */
    qualifier_zh: z.string().optional(),
    text_zh: z.string().optional(),
    unit: z.string(),
    year: z.number().int().min(2000).max(2040),
    kind: z.enum(['target', 'baseline', 'published']),
    binding: z.enum(['预期性', '约束性']).optional(),
    /** What the figure covers (e.g. "first two batches of featured parks", "已供应工业用地"). */
    scope: Text.optional(),
    /**
     * Set where the figure is the output (产值 / 产业规模) of the feature's own firms: only these
     * feed output density. A district-wide chain's output, an investment or a revenue is not.
     */
    measure: z.enum(['output']).optional(),
    /**
     * For an area figure: what the area measures. The plan's density target counts supplied
     * industrial land (已供应工业用地); a park's published area is its whole area; a zone's, new
     * town's or district's area (zone-area) makes a density not comparable with the park target.
     */
    land_basis: z.enum(['whole-area', 'industrial-land', 'zone-area']).optional(),
    cite: Cites,
  })
  .refine((f) => f.value !== null || (f.text_zh ?? '').length > 0, {
    message: 'a figure without a value must say its qualitative target in text_zh',
    path: ['value'],
  })
  .refine((f) => f.measure !== 'output' || ['亿元', '万亿元', '万元'].includes(f.unit), {
    message: 'an output figure is money: 亿元, 万亿元 or 万元',
    path: ['unit'],
  });
export type Figure = z.infer<typeof Figure>;

/** A fact we know but no source gives: shown as unverified, never feeds a figure. */
export const Unverified = z.object({ field: z.string().min(1), value: z.string().min(1), note: Text });
export type Unverified = z.infer<typeof Unverified>;

/** Sources that disagree: all values are kept and shown. */
export const Conflict = z.object({
  field: z.string().min(1),
  values: z.array(z.object({ value: z.string().min(1), cite: Cites })).min(2),
  note: Text,
});
export type Conflict = z.infer<typeof Conflict>;

// ── Industries ────────────────────────────────────────────────────────────────────────────────

export const Segment = z.object({
  id: z.string().regex(/^[A-Z]+\.[a-z0-9-]+$/),
  name: Name,
  /** Set where the segment is itself one of the 3+6 (集成电路 in 电子信息, 生物医药 in 生命健康). */
  same_as: IndustryId.optional(),
  kind: z.enum(['manufacturing', 'service']),
  targets: z.array(Figure),
  cite: Cites,
});
export type Segment = z.infer<typeof Segment>;

export const Industry = z.object({
  id: IndustryId,
  name: Name,
  group: z.enum(['leading', 'key']),
  /** The one colour of this industry everywhere in the product (colour-blind-safe palette). */
  colour: z.string().regex(/^#[0-9a-f]{6}$/),
  segments: z.array(Segment),
  targets: z.array(Figure),
  cite: Cites,
});
export type Industry = z.infer<typeof Industry>;

/** How a feature carries an industry: in the plan's own words, mapped to a 3+6 id. */
export const IndustryLink = z.object({
  industry: IndustryId,
  segment: z.string().optional(),
  /** The plan's wording, e.g. 美丽健康, 北斗导航, 航空及高端装备. */
  term_zh: z.string().min(1),
  /** stated: the plan names this 3+6 industry or segment; interpretive: we mapped the plan's term. */
  basis: z.enum(['stated', 'interpretive']),
  cite: Cites,
});
export type IndustryLink = z.infer<typeof IndustryLink>;

/** Plan terms outside the 3+6 vocabulary and the 3+6 ids we map them to (always interpretive). */
export const TermMapping = z.object({
  term_zh: z.string().min(1),
  industries: z.array(IndustryId),
  segment: z.string().optional(),
  note: Text,
  cite: Cites,
});
export type TermMapping = z.infer<typeof TermMapping>;

// ── Geometry specs the build turns into GeoJSON ───────────────────────────────────────────────

const LngLat = z.tuple([z.number().min(119).max(124), z.number().min(29).max(33)]);
const Ring = z.array(LngLat).min(4);
export const GeometrySpec = z.discriminatedUnion('type', [
  /** Whole districts (their land), e.g. a belt member that the plan names by district. */
  z.object({ type: z.literal('district'), codes: z.array(z.string().regex(/^3101\d\d$/)).min(1) }),
  /** The part of the named districts' land inside `clip`. */
  z.object({ type: z.literal('district-part'), codes: z.array(z.string().regex(/^3101\d\d$/)).min(1), clip: z.array(Ring).min(1) }),
  z.object({ type: z.literal('union'), of: z.array(z.string()).min(1) }),
  z.object({
    type: z.literal('circle'),
    center: LngLat,
    area_km2: z.number().positive().optional(),
    radius_km: z.number().positive().optional(),
  }),
  z.object({ type: z.literal('point'), coordinates: LngLat }),
  z.object({ type: z.literal('polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('line'), coordinates: z.array(LngLat).min(2) }),
  /** Not drawn: no source gives a location good enough to draw. */
  z.object({ type: z.literal('none'), reason: Text }),
]);
export type GeometrySpec = z.infer<typeof GeometrySpec>;

// ── Features of the layouts ───────────────────────────────────────────────────────────────────

export const FeatureKind = z.enum(FEATURE_KINDS);
export type FeatureKind = z.infer<typeof FeatureKind>;

export const Role = z.object({ text_zh: z.string().min(1), cite: Cites });

/** An official status (e.g. municipal featured park, batch 1), as a source states or as inferred. */
export const Designation = z.object({
  programme: z.enum(['municipal-featured-park', 'producer-service-zone', 'service-innovation-zone', 'online-economy-park', 'brand-park']),
  batch: z.number().int().positive().nullable(),
  year: z.number().int().min(2000).max(2040).nullable(),
  basis: z.enum(['stated', 'inferred']),
  cite: Cites,
});
export type Designation = z.infer<typeof Designation>;
export type Role = z.infer<typeof Role>;

export const PlanFeature = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case id (a-z, 0-9, -)'),
  kind: FeatureKind,
  name: Name,
  aliases: z.array(z.string().min(1)).default([]),
  /** District codes the feature lies in, as a source states them (or marked in `unverified`). */
  districts: z.array(z.string().regex(/^3101\d\d$/)),
  parent: z.string().optional(),
  industries: z.array(IndustryLink),
  roles: z.array(Role).default([]),
  figures: z.array(Figure).default([]),
  designations: z.array(Designation).default([]),
  /** Service-oriented manufacturing modes (002 附件1) the feature carries, by mode id. */
  modes: z.array(z.string().regex(/^mode-\d+$/)).default([]),
  /** Published area in km², as a figure with its source (drives area checks and density). */
  area: Figure.refine((f) => f.value === null || f.value > 0, { message: 'an area must be above zero', path: ['value'] }).optional(),
  cite: Cites,
  geometry: GeometrySpec,
  precision: Precision,
  unverified: z.array(Unverified).default([]),
  conflicts: z.array(Conflict).default([]),
});
export type PlanFeature = z.infer<typeof PlanFeature>;

// ── Districts ────────────────────────────────────────────────────────────────────────────────

export const DistrictProfile = z.object({
  code: z.string().regex(/^3101\d\d$/),
  roles: z.array(Role),
  industries: z.array(IndustryLink),
  /** Belt ids the district (or a part of it) belongs to, per 001 L961-987. */
  belts: z.array(z.string()),
  demonstration: z.object({
    values: z.record(z.string(), z.number().nullable()),
    cite: Cites,
  }),
});
export type DistrictProfile = z.infer<typeof DistrictProfile>;

// ── Indicators and modes ─────────────────────────────────────────────────────────────────────

export const Indicator = z.object({
  id: z.string().min(1),
  table: z.enum(['001-main', '003-main', '000-targets', '001-text', '003-text']),
  row: z.number().int().positive().optional(),
  category_zh: z.string().optional(),
  name: Name,
  unit: z.string(),
  target: Figure,
  baseline: Figure.optional(),
});
export type Indicator = z.infer<typeof Indicator>;

/** The words of a record's cited lines that the build finds there (whitespace ignored): the citation resolves. */
const Quote = z.string().trim().min(2, 'a few words of the cited lines (quote_zh)');

/** One of 002's 11 service-oriented manufacturing modes (附件1), with what the notice says it is. */
export const ServiceMode = z.object({
  id: z.string().regex(/^mode-\d+$/),
  name: Name,
  /** The notice's description, shortened; the citation gives the full text. */
  definition: Text,
  quote_zh: Quote,
  /** Industries the mode's description names (研发和设计服务: 集成电路、生物医药、先进材料). */
  industries: z.array(IndustryLink).default([]),
  cite: Cites,
});
export type ServiceMode = z.infer<typeof ServiceMode>;

// ── Two-industry integration (000 Shanghai, 004 Zhejiang) and 002's demonstrations ──────────

const Slug = z.string().regex(/^[a-z0-9-]+$/, 'lower-case id (a-z, 0-9, -)');

/** One row of the side-by-side comparison: a topic both plans may speak to, under a theme. */
export const IntegrationRow = z.object({
  id: Slug,
  theme: z.enum(INTEGRATION_THEMES),
  name: Name,
  /** Why the two plans' items share this row where that is our reading, not the plans' words. */
  alignment: Text.optional(),
});
export type IntegrationRow = z.infer<typeof IntegrationRow>;

/** What one plan says on one row: a summary in both languages, its figures and industries, cited. */
export const IntegrationEntry = z
  .object({
    id: Slug,
    doc: z.enum(INTEGRATION_DOCS),
    row: Slug,
    title: Name,
    summary: Text,
    quote_zh: Quote,
    targets: z.array(Figure).default([]),
    /** The 3+6 industries this item concerns: stated where the plan names it, else interpretive. */
    industries: z.array(IndustryLink).default([]),
    /** Why an interpretive link was made, or why an industry item has no 3+6 counterpart. */
    industry_note: Text.optional(),
    /** 002 modes the item names (000's 服务型制造 field lists several). */
    modes: z.array(z.string().regex(/^mode-\d+$/)).default([]),
    cite: Cites,
  })
  .refine((e) => !e.industries.some((l) => l.basis === 'interpretive') || e.industry_note !== undefined, {
    message: 'an industry_note saying why an interpretive industry link was made',
    path: ['industry_note'],
  });
export type IntegrationEntry = z.infer<typeof IntegrationEntry>;

/** A plan that has nothing on a row, said explicitly (with where it comes closest, if anywhere). */
export const IntegrationAbsence = z.object({
  doc: z.enum(INTEGRATION_DOCS),
  row: Slug,
  note: Text,
  cite: z.array(Citation).default([]),
});
export type IntegrationAbsence = z.infer<typeof IntegrationAbsence>;

export const IntegrationDocument = z.object({
  doc: z.enum(INTEGRATION_DOCS),
  region: Name,
  title: Name,
  status: Text,
  cite: Cites,
});
export type IntegrationDocument = z.infer<typeof IntegrationDocument>;

/** One of 002's demonstration types, the modes it may be selected under, and its conditions. */
export const DemonstrationType = z.object({
  id: z.enum(DEMONSTRATION_TYPES),
  name: Name,
  summary: Text,
  quote_zh: Quote,
  /** The modes as the notice lists them for this type (its wording may differ from 附件1's names). */
  modes: z.array(z.object({ mode: z.string().regex(/^mode-\d+$/), term_zh: z.string().min(1) })).default([]),
  conditions: z.array(z.object({ text: Text, quote_zh: Quote, cite: Cites })).min(1),
  cite: Cites,
});
export type DemonstrationType = z.infer<typeof DemonstrationType>;

/** A place in Zhejiang that 004 names, placed at the precision a source supports. */
export const ZhejiangPlace = z
  .object({
    id: Slug,
    name: Name,
    /** The integration entries (004's 10+X fields, measures) that name the place. */
    entries: z.array(Slug).min(1),
    placement: z.discriminatedUnion('type', [
      /** At the level of a city (地级市): the document names the city, or the place is known to be in it. */
      z.object({
        type: z.literal('city'),
        codes: z.array(z.string()).min(1),
        basis: z.enum(['stated', 'interpretive']),
        note: Text.optional(),
      }),
      z.object({ type: z.literal('none'), reason: Text }),
    ]),
    quote_zh: Quote,
    cite: Cites,
  })
  .refine((p) => p.placement.type !== 'city' || p.placement.basis === 'stated' || p.placement.note !== undefined, {
    message: 'a note saying how an interpretive placement was made',
    path: ['placement', 'note'],
  });
export type ZhejiangPlace = z.infer<typeof ZhejiangPlace>;

/** Everything the build writes to integration.json (the comparison page and the industry profiles read it). */
export const BuiltIntegration = z.object({
  generator: z.string(),
  documents: z.array(IntegrationDocument),
  rows: z.array(IntegrationRow),
  entries: z.array(IntegrationEntry),
  absences: z.array(IntegrationAbsence),
  demonstration_types: z.array(DemonstrationType),
  /** Say so, not invent: no plan line ties a mode to a place, so none is on the map. */
  modes_located: z.object({ count: z.number().int().nonnegative(), note: Text }),
  cities: z.array(z.object({ code: z.string(), name: Name, label_point: z.tuple([z.number(), z.number()]) })),
  places: z.array(ZhejiangPlace),
});
export type BuiltIntegration = z.infer<typeof BuiltIntegration>;

// ── Coverage of the plans' named places ───────────────────────────────────────────────────────

/**
 * One of the plans' named places (the project's gazetteer of 128) and where the map places it:
 * a feature id, `district:<code>` (placed at district level), `citywide:<why>` or `none:<why>`.
 */
export const GazetteerEntry = z
  .object({
    n: z.coerce.number().int().positive(),
    name_zh: z.string().min(1),
    kind: z.string().min(1),
    sources: z.string().min(1),
    placement: z
      .string()
      .regex(/^(district:3101\d\d|citywide:.+|none:.+|[a-z0-9-]+)$/, 'a feature id, district:<code>, citywide:<why> or none:<why>'),
    /** The Chinese of the <why> after citywide: or none: (the English is in `placement`). */
    reason_zh: z.string().trim().optional(),
  })
  .refine((e) => !/^(citywide|none):/.test(e.placement) || (e.reason_zh ?? '').length > 0, {
    message: 'the reason in Chinese (reason_zh) for a citywide: or none: placement',
    path: ['reason_zh'],
  });
export type GazetteerEntry = z.infer<typeof GazetteerEntry>;

/** Where one of the gazetteer's places stands on the map (the build's coverage report). */
export const CoverageRow = z.object({
  n: z.number(),
  name_zh: z.string(),
  status: z.enum(['placed', 'district', 'citywide', 'not-placed']),
  feature: z.string().nullable(),
  precision: z.object({ level: z.string(), radius_km: z.number().nullable() }).nullable(),
  reason: Text.nullable(),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

// ── The built plan (static/data/plan.json) ───────────────────────────────────────────────────

// ── Access distances (computed by the build, src/lib/plan/access.ts) ─────────────────────────

const Nearest = z.object({ id: z.string(), name: Name, km: z.number().nonnegative() });
export const AccessSchema = z.object({
  station: Nearest.nullable(),
  line: Nearest.extend({ route: z.string(), colour: z.string() }).nullable(),
  road: Nearest.extend({ roadClass: z.enum(['expressway', 'elevated']) }).nullable(),
  from: z.enum(['point', 'area-edge']),
  uncertainty_km: z.number().nullable(),
});

/** A plan feature as the geodata build writes it: the authored record plus where it was drawn. */
export const BuiltFeature = PlanFeature.extend({
  group: z.string(),
  /** Area of the drawn shape (clipped to land), km²; null when not drawn as an area. */
  drawn_area_km2: z.number().nullable(),
  label_point: z.tuple([z.number(), z.number()]).nullable(),
  drawn: z.boolean(),
  /** The drawn circle or outline was cut back to land (its figures still use the published area). */
  clipped_to_land: z.boolean(),
  /** Straight-line access distances; null when not located well enough (not drawn, or schematic). */
  access: AccessSchema.nullable(),
});
export type BuiltFeature = z.infer<typeof BuiltFeature>;

/** Everything the build writes to plan.json; the server loader parses it with this schema. */
export const BuiltPlan = z.object({
  generator: z.string(),
  industries: z.array(Industry),
  terms: z.array(TermMapping),
  features: z.array(BuiltFeature),
  districts: z.array(DistrictProfile),
  indicators: z.array(Indicator),
  density: z.object({ target: Figure, baselines: z.array(Figure) }),
  service_zones: z.object({ baseline_density: Figure, target_count: Figure }),
  parks_programme: z.object({
    total_municipal: z.number(),
    total_cite: z.array(Citation),
    target_2025: z.number(),
    target_cite: z.array(Citation),
    held: z.number(),
  }),
  modes: z.array(ServiceMode),
  coverage: z.array(CoverageRow),
  /** What the transport layers hold (for the caveats the UI states beside access distances). */
  transport: z.object({ stations: z.number().int(), lines: z.number().int(), roads: z.number().int(), snapshot: z.string() }),
});
export type BuiltPlan = z.infer<typeof BuiltPlan>;

/**
 * Bad plan data stops the build with the file, the record, the field and what was expected.
 * Each test copies the real plan sources to a temporary root, breaks one thing, and builds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGeometries, checkReferences, loadPlanSources, PLAN_DIR } from '../../geodata/build/plan.ts';
import { dataError } from '../support/errors.ts';
import { builtGeodata } from '../support/geodata.ts';
import { ROOT } from '../support/server.ts';

let districts: Awaited<ReturnType<typeof builtGeodata>>;
beforeAll(async () => {
  districts = await builtGeodata();
}, 180_000);

type Json = Record<string, unknown> & { features: Record<string, unknown>[] };

/** Copies the plan sources, lets `edit` change one file, and runs the whole plan build on it. */
function buildWith(file: string, edit: (doc: Json) => void): () => void {
  const root = mkdtempSync(join(tmpdir(), 'plan-'));
  cpSync(join(ROOT, PLAN_DIR), join(root, PLAN_DIR), { recursive: true });
  const path = join(root, PLAN_DIR, file);
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Json;
  edit(doc);
  writeFileSync(path, JSON.stringify(doc));
  return () => {
    const sources = loadPlanSources(root);
    checkReferences(sources);
    buildGeometries(sources, districts.districtsLand, districts.districtsAdmin, districts.land);
  };
}

const feature = (doc: Json, id: string) => doc.features.find((f) => f.id === id)!;

describe('plan data validation', () => {
  it('accepts the project data as it is', () => {
    expect(() => buildWith('parks.json', () => {})()).not.toThrow();
  });

  it('rejects an unknown industry id', () => {
    const err = dataError(
      buildWith('parks.json', (d) => ((feature(d, 'dongfang-xingang').industries as { industry: string }[])[0]!.industry = 'CHIPS')),
    );
    expect([err.file, err.record, err.field]).toEqual(['parks.json', 'dongfang-xingang', 'industries.0.industry']);
  });

  it('rejects a data text missing either language: a precision basis, a note, a reason', () => {
    type Texted = { precision: { basis: { zh?: string; en?: string } }; unverified: { note: { zh?: string } }[] };
    const noEnglish = dataError(buildWith('parks.json', (d) => delete (feature(d, 'robot-park') as unknown as Texted).precision.basis.en));
    expect([noEnglish.file, noEnglish.record, noEnglish.field]).toEqual(['parks.json', 'robot-park', 'precision.basis.en']);
    const blankChinese = dataError(
      buildWith('parks.json', (d) => ((feature(d, 'ic-design-park') as unknown as Texted).unverified[0]!.note.zh = '  ')),
    );
    expect([blankChinese.record, blankChinese.field]).toEqual(['ic-design-park', 'unverified.0.note.zh']);
    const plainString = dataError(
      buildWith(
        'parks.json',
        (d) => ((feature(d, 'robot-park') as unknown as { precision: { basis: unknown } }).precision.basis = 'English only'),
      ),
    );
    expect(plainString.field).toBe('precision.basis');
  });

  it('rejects a gazetteer row placed as none: or citywide: without its reason in Chinese', () => {
    const root = mkdtempSync(join(tmpdir(), 'plan-'));
    cpSync(join(ROOT, PLAN_DIR), join(root, PLAN_DIR), { recursive: true });
    const path = join(root, PLAN_DIR, 'gazetteer.csv');
    const lines = readFileSync(path, 'utf8').split('\n');
    const row = lines.findIndex((l) => l.startsWith('34,'));
    lines[row] = lines[row]!.replace(/,[^,]*$/, ',');
    writeFileSync(path, lines.join('\n'));
    const err = dataError(() => loadPlanSources(root));
    expect([err.file, err.record, err.field]).toEqual(['gazetteer.csv', 'row 35', 'reason_zh']);
  });

  it('rejects a record without a citation', () => {
    const err = dataError(buildWith('manufacturing.json', (d) => (feature(d, 'belt-huxi').cite = [])));
    expect([err.file, err.record, err.field]).toEqual(['manufacturing.json', 'belt-huxi', 'cite']);
    expect(err.message).toMatch(/at least one citation/);
  });

  it('rejects a citation it cannot read, an unknown published source and lines past the end of a document', () => {
    const shorthand = dataError(buildWith('manufacturing.json', (d) => (feature(d, 'belt-huxi').cite = ['001 line 979'])));
    expect(shorthand.field).toBe('cite.0');
    expect(shorthand.message).toMatch(/001 L961-967/);
    const unknown = dataError(buildWith('parks.json', (d) => (feature(d, 'robot-park').cite = ['src:no-such-source'])));
    expect([unknown.record, unknown.field]).toEqual(['robot-park', 'cite.0']);
    const past = dataError(buildWith('manufacturing.json', (d) => (feature(d, 'belt-huxi').cite = ['001 L1540-1600'])));
    expect(past.message).toMatch(/past the end/);
  });

  it('rejects a point outside its stated district', () => {
    const err = dataError(
      buildWith('context.json', (d) => ((feature(d, 'hongkou-music-valley').geometry as { center: number[] }).center = [121.25, 31.0])),
    );
    expect([err.file, err.record, err.field]).toEqual(['context.json', 'hongkou-music-valley', 'geometry.center']);
    expect(err.message).toMatch(/inside its district/);
  });

  it('rejects a circle whose drawn area is far from the published area', () => {
    const err = dataError(buildWith('parks.json', (d) => ((feature(d, 'robot-park').geometry as { area_km2: number }).area_km2 = 9)));
    expect([err.record, err.field]).toEqual(['robot-park', 'geometry.area_km2']);
    expect(err.message).toMatch(/published 3.09/);
  });

  it('rejects a duplicate id across files', () => {
    const err = dataError(buildWith('context.json', (d) => (feature(d, 'hongkou-music-valley').id = 'robot-park')));
    expect(err.field).toBe('id');
    expect(err.message).toMatch(/unique id/);
  });

  it('rejects malformed geometry: an open ring, a clip that misses its district, coordinates outside the region', () => {
    const open = dataError(
      buildWith('service.json', (d) => {
        const ring = (feature(d, 'caz').geometry as { coordinates: number[][][] }).coordinates[0]!;
        ring[ring.length - 1] = [121.44, 31.22];
      }),
    );
    expect([open.record, open.field]).toEqual(['caz', 'geometry.coordinates']);
    const miss = dataError(
      buildWith(
        'manufacturing.json',
        (d) =>
          ((feature(d, 'yanjiang-changxing').geometry as { clip: number[][][] }).clip = [
            [
              [120.0, 30.0],
              [120.1, 30.0],
              [120.1, 30.1],
              [120.0, 30.0],
            ],
          ]),
      ),
    );
    expect([miss.record, miss.field]).toEqual(['yanjiang-changxing', 'geometry.clip']);
    const far = dataError(
      buildWith('context.json', (d) => ((feature(d, 'hongkou-music-valley').geometry as { center: number[] }).center = [116.4, 39.9])),
    );
    expect(far.field).toBe('geometry.center.0');
  });

  it('rejects a reference to a feature that does not exist', () => {
    const err = dataError(
      buildWith(
        'manufacturing.json',
        (d) => ((feature(d, 'belt-huxi').geometry as { of: string[] }).of = ['huxi-jiading', 'huxi-nowhere']),
      ),
    );
    expect([err.record, err.field, err.found]).toEqual(['belt-huxi', 'geometry.of', 'huxi-nowhere']);
  });

  it('rejects a service-manufacturing mode that 002 does not define', () => {
    const err = dataError(buildWith('service.json', (d) => (feature(d, 'pss-xijiao').modes = ['mode-99'])));
    expect([err.record, err.field, err.found]).toEqual(['pss-xijiao', 'modes', 'mode-99']);
  });

  it('rejects a figure with neither a value nor a qualitative text', () => {
    const err = dataError(buildWith('parks.json', (d) => ((feature(d, 'robot-park').area as { value: null }).value = null)));
    expect(err.field).toBe('area.value');
  });
});

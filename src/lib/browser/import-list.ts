/**
 * Reading a user's list in the browser: the file's bytes decoded in its encoding (detected or
 * chosen), the table read in the coordinate system the user named, and the hint computed against
 * the district outlines. The rules are pure (formats/text-encoding.ts, plan/import-parks.ts); this
 * only strings them together with the browser's file and fetch.
 */
import { decodeTableText, type TextEncodingChoice, type TextEncodingUsed } from '../formats/text-encoding.ts';
import { coordinateHint, parseImport, type CoordinateSystem, type ImportContext, type ImportResult } from '../plan/import-parks.ts';
import { districtLookup } from './district-lookup.ts';

/** What the user chose before loading: the file's encoding and its coordinates' system. */
export interface ImportChoices {
  encoding: TextEncodingChoice;
  coordinates: CoordinateSystem;
}

/** A read list as the panel shows it: the rows, how the text was read, the system, and the hint. */
export type ImportOutcome = ImportResult & {
  filename: string;
  encoding: { used: TextEncodingUsed; detected: boolean } | null;
  coordinates: CoordinateSystem;
  hint: ReturnType<typeof coordinateHint>;
};

/** What was read, kept so the same input can be read again in another coordinate system. */
export interface ImportInput {
  text: string;
  filename: string;
  format: 'csv' | 'tsv' | 'geojson';
  encoding: ImportOutcome['encoding'];
}

export function formatOf(filename: string): ImportInput['format'] {
  if (/\.(geo)?json$/i.test(filename)) return 'geojson';
  if (/\.(tsv|txt)$/i.test(filename)) return 'tsv';
  return 'csv';
}

/** A file's bytes as text; a fatal outcome (with the reason) when they cannot be decoded. */
export async function inputFromFile(file: File, choices: ImportChoices): Promise<ImportInput | ImportOutcome> {
  const decoded = decodeTableText(new Uint8Array(await file.arrayBuffer()), choices.encoding);
  if (!decoded.ok) {
    return {
      accepted: [],
      issues: [],
      fatal: decoded.reason,
      filename: file.name,
      encoding: null,
      coordinates: choices.coordinates,
      hint: null,
    };
  }
  return {
    text: decoded.text,
    filename: file.name,
    format: formatOf(file.name),
    encoding: { used: decoded.encoding, detected: decoded.detected },
  };
}

export async function readList(input: ImportInput, coordinates: CoordinateSystem, ctx: ImportContext): Promise<ImportOutcome> {
  const result = parseImport(input.text, input.filename, ctx, { format: input.format, coordinates });
  let hint: ImportOutcome['hint'] = null;
  if (result.accepted.some((p) => p.original && p.district)) {
    // the hint is a help, not a condition: without the outlines (offline before they were stored) there is none
    hint = await districtLookup()
      .then((inDistrict) => coordinateHint(result.accepted, inDistrict))
      .catch(() => null);
  }
  return { ...result, filename: input.filename, encoding: input.encoding, coordinates, hint };
}

/**
 * One import in the map page: the last input kept so it can be read again (another coordinate
 * system, another sheet, the user's column meanings) and its outcome for the panel; what it reads
 * becomes a list (park or enterprise) in the kept lists, replacing the list the same input made
 * before rather than adding another. The reading is import-list.ts; the lists are imported-lists.
 */
import type { ColumnMapping, CoordinateSystem, ImportContext } from '../plan/import-parks.ts';
import {
  inputFromFile,
  readList,
  rememberMapping,
  type ImportChoices,
  type ImportInput,
  type ImportOutcome,
  type ListKindChoice,
} from './import-list.ts';
import type { ImportedLists } from './imported-lists.svelte.ts';

export class ImportSession {
  /** The last outcome (rows, problems, the mapping step), or null once a list is shown or deleted. */
  // raw: replaced whole, never changed in place — a deep proxy over 100,000 enterprises cost seconds
  result: ImportOutcome | null = $state.raw(null);
  /** The file being read (a 100,000-row list takes seconds): the panel says so meanwhile. */
  reading: string | null = $state(null);
  #input: ImportInput | null = null;
  #kind: ListKindChoice = 'auto';
  /** The list the last input became: read again, it is replaced, not added. */
  #listId: string | null = null;
  readonly #lists: ImportedLists;
  readonly #context: () => ImportContext;
  /** Told before a new park list replaces the shown one (a selection among the old rows goes with them). */
  readonly #parksReplaced: () => void;

  constructor(lists: ImportedLists, context: () => ImportContext, parksReplaced: () => void) {
    this.#lists = lists;
    this.#context = context;
    this.#parksReplaced = parksReplaced;
  }

  async #read(
    input: ImportInput | ImportOutcome,
    coordinates: CoordinateSystem,
    mapping?: ColumnMapping,
    kind = this.#kind,
  ): Promise<void> {
    this.#kind = kind;
    if ('fatal' in input) {
      this.result = input;
      return;
    }
    this.reading = input.filename;
    // let the panel show that it is reading before the (synchronous) reading starts
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      await this.#readInput(input, coordinates, mapping, kind);
    } finally {
      this.reading = null;
    }
  }

  async #readInput(
    input: ImportInput,
    coordinates: CoordinateSystem,
    mapping: ColumnMapping | undefined,
    kind: ListKindChoice,
  ): Promise<void> {
    const last = this.#input;
    const again =
      last !== null && (last === input || (input.kind === 'workbook' && last.kind === 'workbook' && input.sheets === last.sheets));
    this.#input = input;
    const result = await readList(input, coordinates, this.#context(), mapping, kind);
    this.result = result;
    const replaces = again ? this.#listId : null;
    if (result.kind === 'enterprises') {
      if (result.enterprises?.length)
        this.#listId = await this.#lists.keepEnterprises(result.enterprises, result.filename, coordinates, replaces);
    } else if (result.accepted.length) {
      this.#parksReplaced();
      this.#listId = await this.#lists.keep(result.accepted, result.filename, coordinates, replaces);
    }
  }

  async file(file: File, choices: ImportChoices): Promise<void> {
    await this.#read(await inputFromFile(file, choices), choices.coordinates, undefined, choices.listKind);
  }

  /** A table pasted from a spreadsheet (tab-separated), named `filename` in the panel. */
  paste(text: string, filename: string, choices: ImportChoices): Promise<void> {
    return this.#read({ kind: 'text', text, filename, format: 'tsv', encoding: null }, choices.coordinates, undefined, choices.listKind);
  }

  /** The same input in another coordinate system (the hint's button). */
  reread(coordinates: CoordinateSystem): Promise<void> {
    return this.#input ? this.#read(this.#input, coordinates) : Promise.resolve();
  }

  /** The same input with the user's meaning for its headers, remembered for the next list with them. */
  map(mapping: ColumnMapping): Promise<void> {
    if (!this.#input || !this.result?.columns) return Promise.resolve();
    rememberMapping(
      this.result.columns.map((c) => c.header),
      mapping,
    );
    return this.#read(this.#input, this.result.coordinates, mapping);
  }

  /** Another sheet of the same workbook. */
  sheet(sheet: string): Promise<void> {
    const input = this.#input;
    return input?.kind === 'workbook' && this.result ? this.#read({ ...input, sheet }, this.result.coordinates) : Promise.resolve();
  }

  clear(): void {
    this.result = null;
  }
}

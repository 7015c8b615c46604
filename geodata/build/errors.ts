/** A data error that names the file, the record, the field and what was expected. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly record: string,
    readonly field: string,
    readonly expected: string,
    readonly found: unknown,
  ) {
    super(`${file}: record "${record}", field "${field}": expected ${expected}, found ${JSON.stringify(found)}`);
    this.name = 'DataError';
  }
}

import { DataError } from '../../geodata/build/errors.ts';

/** Runs `fn` and returns the DataError it throws; fails if it throws nothing or something else. */
export function dataError(fn: () => unknown): DataError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataError) return err;
    throw err;
  }
  throw new Error('expected a DataError');
}

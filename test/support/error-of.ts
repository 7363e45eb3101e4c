import { WardenError } from '../../src/platform/errors.js';

/** Runs `fn` and returns the WardenError it throws; fails the test if it throws nothing or something else. */
export function errorOf(fn: () => unknown): WardenError {
  try {
    fn();
  } catch (e) {
    if (e instanceof WardenError) return e;
    throw e;
  }
  throw new Error('expected a WardenError');
}

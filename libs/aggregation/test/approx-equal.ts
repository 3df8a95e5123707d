import { expect } from 'vitest';

/** Default relative tolerance: a few hundred ulps of the larger magnitude. */
export const DEFAULT_REL_TOL = 1e-12;

/**
 * The package's ONE tolerance helper for tests: asserts |actual − expected| ≤ tol·max(|actual|,
 * |expected|, 1e-300) (an absolute floor of `absTol` for values that should be zero), and on
 * failure prints value, expected, delta and tolerance.
 */
export function approxEqual(actual: number, expected: number, tol = DEFAULT_REL_TOL, absTol = 0): void {
  const delta = Math.abs(actual - expected);
  const allowed = Math.max(tol * Math.max(Math.abs(actual), Math.abs(expected)), absTol);
  expect(delta <= allowed, `value ${actual}, expected ${expected}, delta ${delta}, tolerance ${allowed}`).toBe(true);
}

import { expect } from 'vitest';

/**
 * The package's one tolerance helper: asserts |actual − expected| ≤ rel · max(|expected|, tiny),
 * printing value, expected, delta and tolerance on failure.
 */
export function expectApproxEqual(actual: number, expected: number, rel: number, what = 'value'): void {
  const delta = Math.abs(actual - expected);
  const tolerance = rel * Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(
    delta <= tolerance,
    `${what}: actual ${actual}, expected ${expected}, delta ${delta}, tolerance ${tolerance} (relative ${rel})`,
  ).toBe(true);
}

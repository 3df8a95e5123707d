import { InputError } from '@persona/core';
import { describe, expect, it } from 'vitest';
import {
  hellingerDistance,
  jensenShannonDivergence,
  kullbackLeiblerDivergence,
  maxAbsoluteError,
  metricsMessage,
  totalVariationDistance,
} from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

const p = [0.5, 0.5];
const q = [0.25, 0.75];

describe('distances between shares, hand-computed (closed forms in the comments)', () => {
  it('total variation distance', () => {
    // ½ (|0.5 − 0.25| + |0.5 − 0.75|) = ½ (0.25 + 0.25) = 0.25
    expectApproxEqual(totalVariationDistance(p, q), 0.25, 1e-15, 'tvd');
    // disjoint supports: ½ (1 + 1) = 1; equal distributions: 0
    expect(totalVariationDistance([1, 0], [0, 1])).toBe(1);
    expect(totalVariationDistance(q, q)).toBe(0);
  });

  it('Hellinger distance, convention sqrt(1 − Σ sqrt(p q)) with range [0, 1]', () => {
    // Σ sqrt(p q) = sqrt(1/8) + sqrt(3/8) = (√2 + √6)/4 = cos 15°, so H = sqrt(1 − cos 15°) = √2 sin 7.5°
    expectApproxEqual(hellingerDistance(p, q), Math.SQRT2 * Math.sin((7.5 * Math.PI) / 180), 1e-14, 'hellinger');
    expect(hellingerDistance([1, 0], [0, 1])).toBe(1);
    expect(hellingerDistance(q, q)).toBe(0);
  });

  it('KL(p ‖ q) in nats, with 0 · log 0 = 0 and q = 0 < p giving Infinity', () => {
    // 0.5 ln(0.5/0.25) + 0.5 ln(0.5/0.75) = 0.5 ln 2 + 0.5 ln(2/3) = 0.5 ln(4/3)
    expectApproxEqual(kullbackLeiblerDivergence(p, q), 0.5 * Math.log(4 / 3), 1e-14, 'kl');
    // p = (0, 1), q = (½, ½): 0 · ln(0/½) + 1 · ln(1/½) = ln 2
    expectApproxEqual(kullbackLeiblerDivergence([0, 1], [0.5, 0.5]), Math.LN2, 1e-15, 'kl zero p');
    expect(kullbackLeiblerDivergence([0.5, 0.5], [1, 0])).toBe(Infinity);
    expect(kullbackLeiblerDivergence(q, q)).toBe(0);
  });

  it('Jensen–Shannon divergence in bits, range [0, 1]', () => {
    // m = (0.375, 0.625). KL(p‖m) = 0.5 log2(0.5/0.375) + 0.5 log2(0.5/0.625) = 0.5 log2(16/15);
    // KL(q‖m) = 0.25 log2(0.25/0.375) + 0.75 log2(0.75/0.625) = 0.25 log2(2/3) + 0.75 log2(6/5).
    const expected = 0.5 * (0.5 * Math.log2(16 / 15) + 0.25 * Math.log2(2 / 3) + 0.75 * Math.log2(6 / 5));
    expectApproxEqual(jensenShannonDivergence(p, q), expected, 1e-13, 'js');
    expect(jensenShannonDivergence([1, 0], [0, 1])).toBe(1);
    expect(jensenShannonDivergence(q, q)).toBe(0);
  });

  it('max absolute error', () => {
    // |0.5 − 0.4| = |0.3 − 0.4| = 0.1, |0.2 − 0.2| = 0
    expectApproxEqual(maxAbsoluteError([0.5, 0.3, 0.2], [0.4, 0.4, 0.2]), 0.1, 1e-14, 'max abs');
  });

  it('rejects arguments that are not two distributions over the same categories', () => {
    expect(() => totalVariationDistance([0.5, 0.5], [1])).toThrow(metricsMessage.distributionLengths(2, 1));
    expect(() => hellingerDistance([], [])).toThrow(metricsMessage.distributionEmpty());
    expect(() => kullbackLeiblerDivergence([0.5, 0.6], [0.5, 0.5])).toThrow(metricsMessage.distributionSum('p', 1.1));
    expect(() => jensenShannonDivergence([0.5, 0.5], [Number.NaN, 1])).toThrow(metricsMessage.distributionEntry('q', 0, Number.NaN));
    expect(() => maxAbsoluteError([1.5, -0.5], [0.5, 0.5])).toThrow(InputError);
  });
});

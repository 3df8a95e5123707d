import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rakeTrim, rakingMessage as message, trimWeights } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';
import { rFixture } from './r-fixture.js';

interface TrimFixture { weights: number[]; lower: number; upper: number; trimmed: number[]; trimmedStrict: number[] }

describe('trimWeights against R survey::trimWeights (the ?trimWeights example; fixture from make-fixtures.R)', () => {
  const f = rFixture<TrimFixture>('trim-apiclus1.json');

  it('one round (strict = FALSE) gives R weights', () => {
    const r = trimWeights(f.weights, { lower: f.lower, upper: f.upper, strict: false });
    // oracle: weights(trimWeights(dclus1g, lower=20, upper=45)) in R
    expectApproxEqual(r.weights, f.trimmed, 1e-12, 'weight');
    expect(r.rounds).toBe(1);
  });

  it('repeated until stable (strict = TRUE) gives R weights and leaves none outside', () => {
    const r = trimWeights(f.weights, { lower: f.lower, upper: f.upper });
    // oracle: weights(trimWeights(dclus1g, lower=20, upper=45, strict=TRUE)) in R
    expectApproxEqual(r.weights, f.trimmedStrict, 1e-12, 'weight');
    expect(r.stable).toBe(true);
    expect(Math.max(...r.weights)).toBeLessThanOrEqual(45);
    expect(Math.min(...r.weights)).toBeGreaterThanOrEqual(20);
  });

  it('proportional redistribution keeps the total and the caps, and the ratios of untouched weights', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 5, maxLength: 60 }), fc.double({ min: 1.2, max: 3, noNaN: true }), (w, ratio) => {
        const r = trimWeights(w, { upperRatio: ratio, redistribute: 'proportional' });
        const sum = w.reduce((a, b) => a + b, 0);
        // closed form: trimming moves weight, never creates it — Σ w is unchanged
        expectApproxEqual(r.weights.reduce((a, b) => a + b, 0), sum, 1e-9, 'total');
        expect(r.stable).toBe(true);
        for (const x of r.weights) expect(x).toBeLessThanOrEqual(r.upper * (1 + 1e-12));
        expectApproxEqual(r.upper, (ratio * sum) / w.length, 1e-12, 'cap');
        // weights never capped keep their ratios (common factor)
        const kept = w.map((x, i) => [x, r.weights[i]] as const).filter(([, y]) => y < r.upper);
        if (kept.length >= 2) expectApproxEqual(kept[1][1] / kept[0][1], kept[1][0] / kept[0][0], 1e-9, 'ratio');
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('caps at a quantile of the weights (R type 7)', () => {
    const w = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const r = trimWeights(w, { upperQuantile: 0.9 });
    // closed form: quantile(1:10, 0.9, type = 7) = 9 + 0.1 × (10 − 9) = 9.1
    expectApproxEqual(r.upper, 9.1, 1e-14, 'cap');
    expect(r.trimmed).toBe(1);
    expect(Math.max(...r.weights)).toBeLessThanOrEqual(9.1);
    expectApproxEqual(r.weights.reduce((a, b) => a + b, 0), 55, 1e-14, 'total');
  });

  it('rejects caps no weighting of this total can meet', () => {
    expect(() => trimWeights([1, 2, 3], { upper: 1.5 })).toThrow(message.trimInfeasible(3, 6, -Infinity, 1.5));
    expect(() => trimWeights([1, 2, 3], {})).toThrow(message.trimNoCap());
  });
});

describe('rakeTrim', () => {
  const input = () => {
    const a = ['x', 'x', 'x', 'x', 'y', 'y', 'y', 'y', 'y', 'y'];
    const b = ['p', 'q', 'q', 'q', 'q', 'q', 'q', 'q', 'q', 'p'];
    const targets = { a: { x: 50, y: 50 }, b: { p: 40, q: 60 } };
    return { variables: [{ name: 'a', values: a }, { name: 'b', values: b }], targets, tol: 1e-9, maxIter: 10_000 };
  };

  it('ends with weights that meet the margins and the cap', () => {
    // a sample where category b is rare: raking alone gives its rows large weights
    const a = ['x', 'x', 'x', 'x', 'y', 'y', 'y', 'y', 'y', 'y'];
    const b = ['p', 'q', 'q', 'q', 'q', 'q', 'q', 'q', 'q', 'p'];
    const targets = { a: { x: 50, y: 50 }, b: { p: 40, q: 60 } };
    const input = { variables: [{ name: 'a', values: a }, { name: 'b', values: b }], targets, tol: 1e-9, maxIter: 10_000 };
    // raking alone gives row 0 the weight 21.43 (seed odds ratio); a cap of 21 is feasible
    const r = rakeTrim({ ...input, trim: { upper: 21 }, maxRounds: 500 });
    expect(r.converged).toBe(true);
    expect(r.capsMet).toBe(true);
    expect(r.rounds).toBeGreaterThan(0);
    expect(Math.max(...r.weights)).toBeLessThanOrEqual(21 * (1 + 1e-9));
    // the margins still hold (definition of convergence)
    expectApproxEqual(r.weights[0] + r.weights[9], 40, 1e-9, 'b = p');
    expectApproxEqual(r.weights.slice(0, 4).reduce((s, x) => s + x, 0), 50, 1e-9, 'a = x');
  });

  it('reports caps that cannot hold together with the margins instead of hiding them', () => {
    // b = p has target 40 on two rows, so a cap of 16 (2 × 16 = 32 < 40) cannot hold
    const r = rakeTrim({ ...input(), trim: { upper: 16 }, maxRounds: 50 });
    expect(r.converged).toBe(true);
    expect(r.capsMet).toBe(false);
    expect(r.rounds).toBe(50);
  });

  it('closed form: one rake → trim round that keeps the margins (additive redistribution, as survey::trimWeights)', () => {
    // SEX 1 and 2 have rows of base weight 1, 2, 5 each and targets 400 each: raking gives 50, 100, 250 per SEX.
    // Caps [60, 200]: 50 → 60 (−10) and 250 → 200 (+50) per SEX; the excess 2 × 40 goes in equal shares to the two
    // inside rows (+40 each, R's trimWeights): 60, 140, 200 — which still sum to 400 per SEX, so re-raking keeps them.
    const variables = [{ name: 'SEX', values: ['1', '1', '1', '2', '2', '2', '3'] }];
    const targets = { SEX: { '1': 400, '2': 400, '3': 0 } };
    const r = rakeTrim({ variables, targets, baseWeights: [1, 2, 5, 1, 2, 5, 1], trim: { lower: 60, upper: 200 } });
    expectApproxEqual(r.weights, [60, 140, 200, 60, 140, 200, 0], 1e-12, 'weight');
    expect([r.trimmed, r.rounds, r.capsMet, r.converged]).toEqual([4, 1, true, true]);
    // Regression: the row of SEX 3 (target 0, weight 0) counted as a unit below the lower cap, was lifted to 60 and
    // zeroed again by every raking, so the loop ran all maxRounds and reported capsMet false.
  });

  it('a lower cap alone (upper none) is resolved and applied', () => {
    const variables = [{ name: 'SEX', values: ['1', '1', '1', '2', '2', '2'] }];
    const r = rakeTrim({ variables, targets: { SEX: { '1': 400, '2': 400 } }, baseWeights: [1, 2, 5, 1, 2, 5], trim: { lower: 60 } });
    // closed form: 50 → 60 (−10 per SEX), the other two rows of each SEX pay 5 each: 60, 95, 245
    expectApproxEqual(r.weights, [60, 95, 245, 60, 95, 245], 1e-12, 'weight');
    expect(r.upper).toBe(Infinity);
    expect(r.capsMet).toBe(true);
  });
});

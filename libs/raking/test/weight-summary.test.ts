import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kishDesignEffect, kishEffectiveSampleSize, rakingMessage as message, weightSummary } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

describe("Kish's effective sample size and design effect", () => {
  it('equals n for equal weights and the closed form for two weight classes', () => {
    expect(kishEffectiveSampleSize(new Float64Array(50).fill(3))).toBe(50);
    // closed form (Kish 1992): n1 rows of weight a and n2 of weight b give (n1 a + n2 b)² / (n1 a² + n2 b²);
    // 30 rows of 1 and 10 of 4: 70² / 190 = 25.789…, deff = 40 / (4900/190) = 1.5510…
    const w = [...new Array(30).fill(1), ...new Array(10).fill(4)];
    expectApproxEqual(kishEffectiveSampleSize(w), 4900 / 190, 1e-15, 'ess');
    expectApproxEqual(kishDesignEffect(w), (40 * 190) / 4900, 1e-15, 'deff');
  });

  it('deff = 1 + CV² with the population CV (Kish 1965 §11.7), for any positive weights', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 1, maxLength: 200 }), (w) => {
        const s = weightSummary(w);
        const mean = w.reduce((a, b) => a + b, 0) / w.length;
        const sd = Math.sqrt(w.reduce((a, b) => a + (b - mean) ** 2, 0) / w.length);
        expectApproxEqual(s.deff, 1 + (sd / mean) ** 2, 1e-9, 'deff');
        if (sd / mean > 1e-6) expectApproxEqual(s.cv, sd / mean, 1e-7, 'cv');
        else expect(s.cv).toBeLessThan(1e-6);
        // closed form n·Σw²/(Σw)², computed here from the weights (all positive, so every row is a unit)
        const sum = w.reduce((a, b) => a + b, 0);
        const sum2 = w.reduce((a, b) => a + b * b, 0);
        expectApproxEqual(s.deff, (w.length * sum2) / (sum * sum), 1e-12, 'deff closed form');
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('zero weights are not units (Kish 1992; R survey: nobs = sum(weights != 0))', () => {
  it('deff and cv are over the nonzero weights; n counts every row', () => {
    // Regression: rows zeroed by a zero target inflated deff (n / ESS with n = all rows).
    // Closed form on the 4 nonzero weights 1,1,2,2: ESS = 36/10, deff = 4·10/36 = 1.111…,
    // mean 1.5, population sd 0.5, cv = 1/3.
    const w = [1, 0, 1, 2, 0, 2];
    const s = weightSummary(w);
    expect([s.n, s.nNonzero]).toEqual([6, 4]);
    expectApproxEqual(s.kishEss, 36 / 10, 1e-15, 'ess');
    expectApproxEqual(s.deff, (4 * 10) / 36, 1e-15, 'deff');
    expectApproxEqual(s.cv, 1 / 3, 1e-15, 'cv');
    expectApproxEqual(kishDesignEffect(w), (4 * 10) / 36, 1e-15, 'kishDesignEffect');
    expect(s.mean).toBe(1); // Σw / n over all rows
  });

  it('every weight 0 (e.g. infeasible bounds): summary without throwing, kishEss/deff/cv NaN', () => {
    const s = weightSummary([0, 0, 0]);
    expect([s.n, s.nNonzero, s.sum, s.min, s.max]).toEqual([3, 0, 0, 0, 0]);
    expect([s.kishEss, s.deff, s.cv].every(Number.isNaN)).toBe(true);
  });
});

describe('huge weights do not overflow the squares (scaled by max |w| first)', () => {
  it('weights 1e300 × [1, 1, 2, 2] give the closed form of [1, 1, 2, 2]', () => {
    // Regression: Σw² overflowed to Infinity, so kishEss, deff and cv were printed as null with exit 0.
    // Closed form (scale-free): ESS = 36/10, deff = 4·10/36, cv = 1/3 (mean 1.5, population sd 0.5).
    const w = [1e300, 1e300, 2e300, 2e300];
    const s = weightSummary(w);
    expectApproxEqual(s.kishEss, 36 / 10, 1e-14, 'ess');
    expectApproxEqual(s.deff, (4 * 10) / 36, 1e-14, 'deff');
    expectApproxEqual(s.cv, 1 / 3, 1e-14, 'cv');
    expectApproxEqual(s.sum, 6e300, 1e-14, 'sum');
    expectApproxEqual(kishEffectiveSampleSize(w), 36 / 10, 1e-14, 'kishEffectiveSampleSize');
    expectApproxEqual(kishDesignEffect(w), (4 * 10) / 36, 1e-14, 'kishDesignEffect');
  });
});

describe('weightSummary', () => {
  it('gives n, sum, min, max and R type-7 quantiles', () => {
    const w = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3.5];
    const s = weightSummary(w);
    expect([s.n, s.sum, s.min, s.max]).toEqual([10, 39.5, 1, 9]);
    // oracle: R> quantile(c(3,1,4,1,5,9,2,6,5,3.5), c(.01,.05,.25,.5,.75,.95,.99))  (type 7)
    //   1.00 1.00 2.25 3.75 5.00 7.65 8.73
    expectApproxEqual(
      [s.quantiles.p01, s.quantiles.p05, s.quantiles.p25, s.quantiles.p50, s.quantiles.p75, s.quantiles.p95, s.quantiles.p99],
      [1, 1, 2.25, 3.75, 5, 7.6499999999999968, 8.7300000000000004],
      1e-14,
      'quantile',
    );
  });

  it('summarises negative (GREG) weights but rejects NaN, naming the row', () => {
    expect(weightSummary([-1, 2, 3]).min).toBe(-1);
    expect(() => weightSummary([1, Number.NaN])).toThrow(message.weightNotFinite(1, Number.NaN));
    expect(() => weightSummary([])).toThrow(message.emptyWeights());
  });
});

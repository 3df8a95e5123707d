import { describe, expect, it } from 'vitest';
import { calibrate, weightSummary } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

const sex = { name: 'sex', values: ['1', '2', '1', '2', '1', '2'] };

describe('calibrate: Newton steps that overflow g', () => {
  // Targets 5.99 / 0.01 on 3 + 3 rows of weight 1: g would have to be 1.997 and 0.0033, outside logit's (0.5, 2),
  // although their mean (6 / 6 = 1) is inside, so the fit runs (no early "infeasible bounds" error) and λ diverges.
  const unreachable = { sex: { '1': 5.99, '2': 0.01 } };

  it('logit with a target outside the bounds stops with finite weights, converged false, after maxIter Newton steps', () => {
    // Regression: step halving used up maxIter and left λ where g was NaN, so weightSummary threw
    // "weight at row 0 is NaN" (exit 2) instead of reporting non-convergence (exit 3).
    const r = calibrate({ variables: [sex], targets: unreachable, method: 'logit', bounds: [0.5, 2], maxIter: 1 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(1); // Newton steps only; halvings are not counted (as survey:::grake's outer loop)
    expect(Array.from(r.weights).every(Number.isFinite)).toBe(true);
    // logit keeps g inside the bounds (Deville & Särndal 1992, case 6): every weight lies in [0.5, 2] × base weight 1
    expect(r.gRange.min).toBeGreaterThanOrEqual(0.5);
    expect(r.gRange.max).toBeLessThanOrEqual(2);
    expect(() => weightSummary(r.weights)).not.toThrow();
  });

  it('with more Newton steps it still cannot reach the target: converged false, weights finite', () => {
    const r = calibrate({ variables: [sex], targets: unreachable, method: 'logit', bounds: [0.5, 2], maxIter: 50 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBeLessThanOrEqual(50);
    expect(Array.from(r.weights).every(Number.isFinite)).toBe(true);
  });
});

describe('calibrate "raking" with bounds: dF is the derivative of the clamped exp', () => {
  it('converges to g = 3.42 / 6 = 0.57 inside bounds [0.5, 2]', () => {
    // Regression: dF tested u against the bounds − 1 (as survey:::cal.raking does), so for g = exp(u) ≈ 0.57
    // (u ≈ −0.56 < 0.5 − 1) the derivative was 0 and Newton stopped at g = 0.5748.
    // Closed form: one variable, equal base weights 1, equal shares: every g = total / n = 3.42 / 6.
    const r = calibrate({
      variables: [sex],
      targets: { sex: { '1': 1.71, '2': 1.71 } },
      method: 'raking',
      bounds: [0.5, 2],
      tol: 1e-10,
      maxIter: 50,
    });
    expect(r.converged).toBe(true);
    expectApproxEqual(r.weights, new Array(6).fill(3.42 / 6), 1e-9, 'weight');
  });
});

describe('calibrate: base weights rescaled as survey:::grake when every target exceeds 20 × its sample total', () => {
  it('targets 5e8 / 5e8 on 3 + 3 rows of weight 1: factor 1e9 / 6, then g = 1 within the bounds', () => {
    // Closed form of grake's rule: ratios population / sample total = (1e9 / 6, 5e8 / 3) (intercept, sex 2), both > 20,
    // mean 1e9 / 6; the rescaled weights already meet the margins, so every weight is 1e9 / 6 and g = 1.
    // (Before the rescaling, logit with bounds [0.5, 2] could not move the total from 6 to 1e9: exit 3.)
    const r = calibrate({ variables: [sex], targets: { sex: { '1': 5e8, '2': 5e8 } }, method: 'logit', bounds: [0.5, 2], maxIter: 50 });
    expect(r.converged).toBe(true);
    expectApproxEqual(r.boundsScale, 1e9 / 6, 1e-15, 'boundsScale');
    expectApproxEqual(r.weights, new Array(6).fill(1e9 / 6), 1e-12, 'weight');
    expectApproxEqual([r.gRange.min, r.gRange.max], [1, 1], 1e-12, 'gRange');
  });
});

describe('calibrate: gRange leaves out the rows a zero target zeroed', () => {
  it('logit with bounds [0.2, 5] and a zero target reports g within the bounds', () => {
    // Regression: cells zeroed by the target 0 (weight 0, base weight 1) were counted, so gRange.min was 0 < 0.2.
    const age = { name: 'age', values: ['a', 'a', 'b', 'b', 'c', 'c'] };
    const r = calibrate({ variables: [sex, age], targets: { sex: { '1': 2, '2': 2 }, age: { a: 1.5, b: 2.5, c: 0 } }, method: 'logit', bounds: [0.2, 5], tol: 1e-10 });
    expect(r.converged).toBe(true);
    expect([r.weights[4], r.weights[5]]).toEqual([0, 0]); // target 0 zeroes its rows
    // oracle: the bounds — logit keeps every calibrated g strictly inside (0.2, 5) (Deville & Särndal 1992, case 6)
    expect(r.gRange.min).toBeGreaterThan(0.2);
    expect(r.gRange.max).toBeLessThan(5);
    // closed form: the a rows must sum to 1.5 and the b rows to 2.5 (one row of each sex in each), so g spans [0.75, 1.25]
    expectApproxEqual([r.gRange.min, r.gRange.max], [0.75, 1.25], 1e-9, 'gRange');
  });
});

import { describe, expect, it } from 'vitest';
import { calibrate, weightSummary } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

const sex = { name: 'sex', values: ['1', '2', '1', '2', '1', '2'] };

describe('calibrate: Newton steps that overflow g', () => {
  it('logit with a target far outside the bounds stops with finite weights, converged false, after maxIter Newton steps', () => {
    // Regression: step halving used up maxIter and left λ where g was NaN, so weightSummary threw
    // "weight at row 0 is NaN" (exit 2) instead of reporting non-convergence (exit 3).
    const r = calibrate({ variables: [sex], targets: { sex: { '1': 5e8, '2': 5e8 } }, method: 'logit', bounds: [0.5, 2], maxIter: 1 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(1); // Newton steps only; halvings are not counted (as survey:::grake's outer loop)
    expect(Array.from(r.weights).every(Number.isFinite)).toBe(true);
    // logit keeps g inside the bounds (Deville & Särndal 1992, case 6): every weight lies in [0.5, 2] × base weight 1
    expect(r.gRange.min).toBeGreaterThanOrEqual(0.5);
    expect(r.gRange.max).toBeLessThanOrEqual(2);
    expect(() => weightSummary(r.weights)).not.toThrow();
  });

  it('with more Newton steps it still cannot reach the target: converged false, weights finite', () => {
    const r = calibrate({ variables: [sex], targets: { sex: { '1': 5e8, '2': 5e8 } }, method: 'logit', bounds: [0.5, 2], maxIter: 50 });
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

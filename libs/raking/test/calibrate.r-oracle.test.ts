import { describe, expect, it } from 'vitest';
import { calibrate, rake, type CalibrationMethod } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';
import { rFixture } from './r-fixture.js';

interface CalibrateFixture {
  call: string;
  variables: { name: string; values: string[] }[];
  baseWeights: number[];
  targets: Record<string, Record<string, number>>;
  cases: { calfun: CalibrationMethod; bounds: [number, number] | null; weights: number[] }[];
}

describe('calibrate against R survey::calibrate (fixtures from test/fixtures/r/make-fixtures.R)', () => {
  for (const file of ['calibrate-apiclus1.json', 'calibrate-apistrat.json']) {
    const f = rFixture<CalibrateFixture>(file);
    for (const c of f.cases) {
      it(`${file}: calfun "${c.calfun}"${c.bounds ? `, bounds ${c.bounds.join(',')}` : ''} gives R's weights to 1e-8`, () => {
        const r = calibrate({
          variables: f.variables,
          baseWeights: f.baseWeights,
          targets: f.targets,
          method: c.calfun,
          ...(c.bounds ? { bounds: c.bounds } : {}),
          tol: 1e-12,
          maxIter: 500,
        });
        expect(r.converged).toBe(true);
        // oracle: weights(calibrate(design, formula, population, calfun=, bounds=, epsilon=1e-13)) in R (f.call)
        expectApproxEqual(r.weights, c.weights, 1e-8, 'weight');
        if (c.bounds) {
          // the g-weights respect the bounds (Deville & Särndal 1992: the bounded distances keep L ≤ g ≤ U)
          expect(r.gRange.min).toBeGreaterThanOrEqual(c.bounds[0] * (1 - 1e-12));
          expect(r.gRange.max).toBeLessThanOrEqual(c.bounds[1] * (1 + 1e-12));
        }
      });
    }
  }

  it('unbounded linear calibration (GREG) is exact after one Newton step', () => {
    const f = rFixture<CalibrateFixture>('calibrate-apistrat.json');
    const r = calibrate({ variables: f.variables, baseWeights: f.baseWeights, targets: f.targets, method: 'linear', tol: 1e-12 });
    // closed form: the linear calibration equations are linear in λ, so Newton solves them in one step
    expect(r.iterations).toBe(1);
    expect(r.negativeWeights).toBe(0);
  });

  it('raking calibration and IPF raking reach the same weights (Deville & Särndal 1992, §3: same fixed point)', () => {
    const f = rFixture<CalibrateFixture>('calibrate-apistrat.json');
    const input = { variables: f.variables, baseWeights: f.baseWeights, targets: f.targets, tol: 1e-12, maxIter: 10_000 };
    const viaNewton = calibrate({ ...input, method: 'raking' });
    const viaIpf = rake(input);
    expectApproxEqual(viaNewton.weights, viaIpf.weights, 1e-9, 'weight');
  });
});

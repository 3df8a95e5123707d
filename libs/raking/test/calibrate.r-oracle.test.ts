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

  describe('bounds with a population total far from the sample total: R rescales the base weights first (survey:::grake)', () => {
    interface BoundsFixture {
      variables: { name: string; values: string[] }[];
      shares: Record<string, Record<string, number>>;
      cases: { total: number; calfun: CalibrationMethod; bounds: [number, number]; rWarnings: string[]; grakeScale: number; weights: number[] }[];
    }
    const f = rFixture<BoundsFixture>('calibrate-bounds-rescaled.json');
    for (const c of f.cases) {
      it(`total ${c.total}, calfun "${c.calfun}", bounds ${c.bounds.join(',')}: R's rescaling factor and weights`, () => {
        const targets = Object.fromEntries(
          Object.entries(f.shares).map(([v, block]) => [v, Object.fromEntries(Object.entries(block).map(([k, p]) => [k, p * c.total]))]),
        );
        const r = calibrate({ variables: f.variables, targets, method: c.calfun, bounds: c.bounds, tol: 1e-12, maxIter: 500 });
        expect(r.converged).toBe(true);
        // oracle: mean(population / colSums(model.matrix(~SEX+AGEGRP) * w)) when its min exceeds 20, else 1 — the
        // rule of survey:::grake, computed in make-fixtures.R; R's own warning prints the factor to 3 digits
        expectApproxEqual(r.boundsScale, c.grakeScale, 1e-12, 'boundsScale');
        if (c.grakeScale !== 1) {
          expect(c.rWarnings).toEqual([`Bounds were set but will be interpreted after rescaling by ${Number(r.boundsScale.toPrecision(3))}`]);
        } else expect(c.rWarnings).toEqual([]);
        // oracle: weights(calibrate(bdes, ~SEX+AGEGRP, pop, calfun=, bounds=, epsilon=1e-10)) in R (f.call)
        expectApproxEqual(r.weights, c.weights, 1e-8, 'weight');
        // the bounds hold for g = weight / (boundsScale × base weight), as R interprets them after rescaling
        expect(r.gRange.min).toBeGreaterThanOrEqual(c.bounds[0] * (1 - 1e-12));
        expect(r.gRange.max).toBeLessThanOrEqual(c.bounds[1] * (1 + 1e-12));
      });
    }
  });

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

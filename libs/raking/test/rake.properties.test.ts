import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calibrate, rake } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

interface Sample {
  variables: { name: string; values: string[] }[];
  baseWeights: number[];
  targets: Record<string, Record<string, number>>;
}

/**
 * A random sample with 1–4 categorical variables (2–4 levels, every level
 * present), positive base weights, and feasible targets: the margins of the
 * base weights times random positive factors (so a positive solution exists).
 */
const sampleArb: fc.Arbitrary<Sample> = fc
  .record({
    levels: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 4 }),
    nRows: fc.integer({ min: 16, max: 60 }),
    seed: fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 60 * 6, maxLength: 60 * 6 }),
  })
  .map(({ levels, nRows, seed }) => {
    let k = 0;
    const u = () => seed[k++ % seed.length];
    const variables = levels.map((m, j) => ({
      name: `V${j}`,
      values: Array.from({ length: nRows }, (_, i) => String(i < m ? i : Math.floor(u() * m))),
    }));
    const baseWeights = Array.from({ length: nRows }, () => 0.5 + 4.5 * u());
    const truth = baseWeights.map((w) => w * (0.3 + 2 * u()));
    const targets: Record<string, Record<string, number>> = {};
    for (const v of variables) {
      const t: Record<string, number> = {};
      v.values.forEach((c, i) => (t[c] = (t[c] ?? 0) + truth[i]));
      targets[v.name] = t;
    }
    return { variables, baseWeights, targets };
  });

function margins(s: Sample, w: ArrayLike<number>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const v of s.variables) {
    const t: Record<string, number> = {};
    v.values.forEach((c, i) => (t[c] = (t[c] ?? 0) + w[i]));
    out[v.name] = t;
  }
  return out;
}

/** Reference IPF on rows, without collapsing (Deming & Stephan 1940, textbook form). */
function rowIpf(s: Sample, sweeps: number): number[] {
  const w = [...s.baseWeights];
  for (let it = 0; it < sweeps; it++) {
    for (const v of s.variables) {
      const m = margins({ ...s, variables: [v] }, w)[v.name];
      v.values.forEach((c, i) => (w[i] *= s.targets[v.name][c] / m[c]));
    }
  }
  return w;
}

const opts = { numRuns: 80, seed: 20240601 };
const tol = 1e-10;
const maxIter = 20_000;

describe('rake: properties', () => {
  it('raked weights reproduce every margin', () => {
    fc.assert(
      fc.property(sampleArb, (s) => {
        const r = rake({ ...s, tol, maxIter });
        expect(r.converged).toBe(true);
        const m = margins(s, r.weights);
        for (const v of s.variables) for (const c of Object.keys(s.targets[v.name])) expectApproxEqual(m[v.name][c], s.targets[v.name][c], 1e-9, `${v.name}=${c}`);
      }),
      opts,
    );
  });

  it('weights are invariant to row order (permuted rows get permuted weights)', () => {
    fc.assert(
      fc.property(sampleArb, fc.integer({ min: 1, max: 1_000_000 }), (s, key) => {
        const n = s.baseWeights.length;
        const perm = Array.from({ length: n }, (_, i) => i).sort((a, b) => ((a * key) % 9973) - ((b * key) % 9973) || a - b);
        const permuted: Sample = {
          variables: s.variables.map((v) => ({ name: v.name, values: perm.map((i) => v.values[i]) })),
          baseWeights: perm.map((i) => s.baseWeights[i]),
          targets: s.targets,
        };
        const a = rake({ ...s, tol, maxIter }).weights;
        const b = rake({ ...permuted, tol, maxIter }).weights;
        expectApproxEqual(Array.from(b), perm.map((i) => a[i]), 1e-8, 'weight');
      }),
      opts,
    );
  });

  it('raking already-raked weights changes nothing: one sweep, converged', () => {
    fc.assert(
      fc.property(sampleArb, (s) => {
        const first = rake({ ...s, tol, maxIter });
        const again = rake({ ...s, baseWeights: first.weights, tol: 1e-8, maxIter });
        expect(again.converged).toBe(true);
        expect(again.iterations).toBe(1);
        expectApproxEqual(again.weights, first.weights, 1e-8, 'weight');
      }),
      opts,
    );
  });

  it('collapsing rows into cells gives the weights of row-level IPF', () => {
    fc.assert(
      fc.property(sampleArb, (s) => {
        const r = rake({ ...s, tol: 1e-14, maxIter: 300 });
        // the same number of sweeps on the rows, without collapsing, gives the same weights
        expectApproxEqual(r.weights, rowIpf(s, r.iterations), 1e-9, 'weight');
      }),
      opts,
    );
  });

  it('raking calibration (Newton) reaches the IPF fixed point (Deville & Särndal 1992)', () => {
    fc.assert(
      fc.property(sampleArb, (s) => {
        const a = rake({ ...s, tol: 1e-12, maxIter });
        const b = calibrate({ ...s, method: 'raking', tol: 1e-12, maxIter: 200 });
        expect(b.converged).toBe(true);
        expectApproxEqual(b.weights, a.weights, 1e-8, 'weight');
      }),
      opts,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { rake } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

/**
 * The worked example of the Wikipedia article "Iterative proportional fitting"
 * (section "Example"): a 4×4 seed table raked to row totals 150, 300, 400, 150
 * and column totals 200, 300, 400, 100. The fitted table is printed (6
 * significant digits) in the documentation of ProportionalFitting.jl
 * (github.com/vankesteren/ProportionalFitting.jl, docs/src/index.md, "Getting started").
 * Each seed cell is one sample row whose base weight is the seed count.
 */
const seed = [
  [40, 30, 20, 10],
  [35, 50, 100, 75],
  [30, 80, 70, 120],
  [20, 30, 40, 50],
];
const printed = [
  [64.5585, 46.2325, 35.3843, 3.82473],
  [49.9679, 68.1594, 156.499, 25.3742],
  [56.7219, 144.428, 145.082, 53.7673],
  [28.7516, 41.18, 63.0347, 17.0337],
];

describe('rake reproduces a published IPF worked example', () => {
  it('fits the Wikipedia 4×4 example to the printed 6 significant digits', () => {
    const row: string[] = [];
    const col: string[] = [];
    const base: number[] = [];
    seed.forEach((r, i) => r.forEach((x, j) => { row.push(String(i + 1)); col.push(String(j + 1)); base.push(x); }));
    const result = rake({
      variables: [{ name: 'row', values: row }, { name: 'col', values: col }],
      baseWeights: base,
      targets: { row: { 1: 150, 2: 300, 3: 400, 4: 150 }, col: { 1: 200, 2: 300, 3: 400, 4: 100 } },
      tol: 1e-12,
    });
    expect(result.converged).toBe(true);
    // oracle: the printed fitted table (6 significant digits → relative error below 5e-6 except the rounding of 41.18 = 41.1800)
    expectApproxEqual(result.weights, printed.flat(), 6e-6, 'fitted cell');
  });
});

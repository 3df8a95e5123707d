import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { expandCellRatios } from '../cells/collapse-cells.js';
import { buildWeightingProblem, DEFAULT_TOL, type WeightingInput, type WeightingProblem } from '../cells/weighting-problem.js';
import { cellRatios, marginFitTracker, type MarginCellFit } from './margin-fit.js';

export interface RakeInput extends WeightingInput {
  /** Most sweeps over the variables (default 1000). */
  readonly maxIter?: number;
}

export interface RakeResult {
  /** One weight per row, in row order. */
  readonly weights: Float64Array;
  /** True when every margin cell is within `tol` (relative) of its target. */
  readonly converged: boolean;
  /** Sweeps performed (one sweep adjusts every variable once). */
  readonly iterations: number;
  /** The largest relative error over all margin cells after the last sweep. */
  readonly maxRelError: number;
  /** `history[i]`: the largest relative error after sweep i + 1. */
  readonly history: number[];
  /** The worst-fitting margin cells (only when not converged, else empty). */
  readonly worstCells: MarginCellFit[];
  /** Number of distinct cells (combinations of categories) the rows collapsed into. */
  readonly cells: number;
}

const DEFAULT_MAX_ITER = 1000;

/**
 * Raking (iterative proportional fitting, Deming & Stephan 1940, "On a least
 * squares adjustment of a sampled frequency table when the expected marginal
 * totals are known", Ann. Math. Statist. 11:427–444): scales the weights of each
 * variable's categories in turn to their targets, sweeping over the variables
 * until every margin holds. Like R's `survey::rake`, each step is a
 * post-stratification on one variable; the fixed point is the raking-ratio
 * calibration of Deville & Särndal (1992).
 *
 * Rows are first collapsed into cells (distinct combinations of categories;
 * a row's final weight is its base weight × its cell's ratio), so the cost is
 * O(rows) once plus O(cells × variables) per sweep.
 *
 * Convergence (CONTRACTS.md): every margin cell has |weighted total − target| /
 * target ≤ `tol` (default 1e-6), checked after each sweep; at most `maxIter`
 * (default 1000) sweeps. Not converging is reported (`converged: false`,
 * `worstCells`), not thrown. A category with target 0 gets weight 0.
 *
 * @throws {InputError} for inconsistent inputs (see `buildWeightingProblem`) or bad options.
 * @example
 * rake({ variables: [{ name: 'sex', values: ['1', '2', '2'] }],
 *        targets: { sex: { '1': 50, '2': 50 } } }).weights  // Float64Array [50, 25, 25]
 */
export function rake(input: RakeInput): RakeResult {
  const maxIter = input.maxIter ?? DEFAULT_MAX_ITER;
  if (!(Number.isInteger(maxIter) && maxIter >= 1)) throw new InputError(message.invalidMaxIter(maxIter), { field: 'maxIter' });
  const tol = input.tol ?? DEFAULT_TOL;
  const problem = buildWeightingProblem(input);
  const w = Float64Array.from(problem.start);
  const fit = rakeCells(problem, w, maxIter, tol);
  return {
    weights: expandCellRatios(problem.cells, cellRatios(problem, w), problem.baseWeights),
    ...fit,
    cells: problem.cells.nCells,
  };
}

/** IPF sweeps on the cell weights `w` (updated in place). */
function rakeCells(problem: WeightingProblem, w: Float64Array, maxIter: number, tol: number) {
  const { cells, target } = problem;
  const k = target.length;
  const nCells = cells.nCells;
  const fit = marginFitTracker(problem, tol);
  let iterations = 0;
  const factor = target.map((t) => new Float64Array(t.length));
  const sums = target.map((t) => new Float64Array(t.length));
  while (iterations < maxIter) {
    iterations++;
    for (let j = 0; j < k; j++) {
      const cj = cells.codes[j];
      const s = sums[j];
      const f = factor[j];
      const tj = target[j];
      s.fill(0);
      for (let c = 0; c < nCells; c++) s[cj[c]] += w[c];
      for (let l = 0; l < s.length; l++) f[l] = s[l] > 0 ? tj[l] / s[l] : 0;
      for (let c = 0; c < nCells; c++) w[c] *= f[cj[c]];
    }
    if (fit.record(w)) break;
  }
  return fit.report(iterations);
}

import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { expandCellRatios } from '../cells/collapse-cells.js';
import { buildWeightingProblem, DEFAULT_TOL, type WeightingInput, type WeightingProblem } from '../cells/weighting-problem.js';
import { cellRatios, marginFitTracker, type MarginCellFit } from '../rake/margin-fit.js';
import { calibrationFunctions, type CalibrationFunction, type CalibrationMethod, type GBounds } from './calibration-function.js';
import { solvePseudoInverse } from './pseudo-inverse.js';
import type { MarginTargets } from '../margins/margin-targets.js';

export interface CalibrateInput extends WeightingInput {
  /** Distance function (default "linear", as `survey::calibrate`). */
  readonly method?: CalibrationMethod;
  /** Bounds [LO, HI] on g = weight / base weight, LO < 1 < HI (default [-Infinity, Infinity]; logit needs finite ones with LO ≥ 0). */
  readonly bounds?: readonly [number, number];
  /** Most Newton steps (default 50, as `survey::calibrate`'s `maxit`). */
  readonly maxIter?: number;
}

export interface CalibrateResult {
  /** One weight per row, in row order. */
  readonly weights: Float64Array;
  readonly converged: boolean;
  /** Newton steps taken (1 for unbounded linear calibration, which is exact in one step); step halvings are not counted. */
  readonly iterations: number;
  /** Largest |weighted total − target| / target over all margin cells. */
  readonly maxRelError: number;
  /** Largest relative error after each Newton step. */
  readonly history: number[];
  /** The worst-fitting margin cells (only when not converged). */
  readonly worstCells: MarginCellFit[];
  readonly method: CalibrationMethod;
  readonly bounds: { readonly lower: number; readonly upper: number };
  /** Rows whose weight is negative (possible for unbounded linear calibration, GREG). */
  readonly negativeWeights: number;
  /**
   * The factor the base weights were multiplied by before calibrating, as `survey:::grake` does when every
   * population total exceeds 20 × its sample total (1 when not rescaled); the bounds apply to the rescaled weights.
   */
  readonly boundsScale: number;
  /**
   * Smallest and largest g = weight / (boundsScale × base weight) — the ratio the bounds constrain — over rows
   * with positive base weight that no zero target zeroed.
   */
  readonly gRange: { readonly min: number; readonly max: number };
  /** Number of distinct cells the rows collapsed into. */
  readonly cells: number;
}

const DEFAULT_CALIBRATION_MAX_ITER = 50;
/** Step halvings per Newton step before giving up on the direction (2^-60 of a step is below double precision of λ). */
const MAX_STEP_HALVINGS = 60;
/** `survey:::grake` rescales the base weights when every population / sample total ratio exceeds this (its SOMETHRESHOLD). */
const RESCALE_THRESHOLD = 20;

/**
 * Calibration on categorical margins (Deville & Särndal 1992, "Calibration
 * estimators in survey sampling", JASA 87:376–382; Deville, Särndal & Sautory
 * 1993), following R's `survey::calibrate` / `survey:::grake`: weights
 * w = d · g(x'λ), where d are base weights, x the category indicators and λ
 * the Lagrange multipliers, found by Newton's method with the Moore–Penrose
 * inverse of Σ d g'(x'λ) x x' (as `MASS::ginv`) and step halving when g
 * overflows. `iterations` counts Newton steps only, not halvings; when up to
 * 60 halvings find no finite g along a step, the last finite λ is kept and the
 * fit stops with `converged: false`, so the weights are always finite. `method` "linear" is GREG (weights may go negative unless
 * bounded: counted in `negativeWeights`), "raking" the multiplicative
 * distance (the fixed point of IPF), "logit" keeps g strictly inside the
 * bounds. Works on collapsed cells; the design matrix is the intercept-free
 * indicator coding (every category of the first variable, all but one of each
 * other), which spans the same space as R's treatment coding.
 *
 * Rescaling, as `survey:::grake`: with the design matrix of R's treatment
 * coding (an intercept, whose population is the total, and every category but
 * a reference one of each variable), when every population total exceeds 20 ×
 * its base-weighted sample total, the base weights are first multiplied by the
 * mean of those ratios (`boundsScale`), and the bounds apply to g = weight /
 * (boundsScale × base weight) — R warns "Bounds were set but will be
 * interpreted after rescaling". Not for unbounded linear calibration (R's
 * `regcalibrate`, which does not rescale; GREG is scale-equivariant anyway).
 * The reference category of a variable is the first of its margin block in
 * key order (JavaScript's: integer-like keys ascending, then the file's
 * order) with a positive target — R's first factor level when the keys are
 * integers or written in sorted order.
 *
 * Differences from R: convergence is CONTRACTS.md's |total − target|/target ≤
 * `tol` (R: |misfit|/(1 + |target|) < epsilon); a category with target 0
 * gets weight 0 and its rows are left out (R cannot calibrate such a margin
 * with calfun "raking"; the result is R's on the sample without those rows);
 * when the bounds cannot contain total / (boundsScale × Σ base weights) — the
 * mean g every weighting that meets the total has — no weighting within them
 * exists, and this is thrown at once instead of iterating (R iterates until
 * `maxit` and fails). Other non-convergence (e.g. bounds too tight for some
 * cell) is reported, not thrown.
 * @throws {InputError} for inconsistent inputs, invalid bounds, or bounds that exclude the mean g.
 */
export function calibrate(input: CalibrateInput): CalibrateResult {
  const methodName = input.method ?? 'linear';
  const calfun = calibrationFunctions[methodName];
  if (calfun === undefined) throw new InputError(message.unknownCalfun(String(methodName)), { field: 'method' });
  const [lower, upper] = input.bounds ?? [-Infinity, Infinity];
  if (!(lower < 1 && upper > 1) || Number.isNaN(lower) || Number.isNaN(upper)) {
    throw new InputError(message.invalidBounds(lower, upper), { field: 'bounds' });
  }
  if (methodName === 'logit' && !(Number.isFinite(lower) && Number.isFinite(upper) && lower >= 0)) {
    throw new InputError(message.logitNeedsBounds(), { field: 'bounds' });
  }
  const maxIter = input.maxIter ?? DEFAULT_CALIBRATION_MAX_ITER;
  if (!(Number.isInteger(maxIter) && maxIter >= 1)) throw new InputError(message.invalidMaxIter(maxIter), { field: 'maxIter' });
  const tol = input.tol ?? DEFAULT_TOL;
  const problem = buildWeightingProblem(input);
  const linearUnbounded = methodName === 'linear' && lower === -Infinity && upper === Infinity;
  const scale = linearUnbounded ? 1 : grakeRescaling(problem, input.targets);
  const d = Float64Array.from(problem.start, (x) => x * scale);
  let dSum = 0;
  for (let c = 0; c < d.length; c++) dSum += d[c];
  const meanG = problem.total / dSum;
  if (meanG < lower || meanG > upper) {
    throw new InputError(message.boundsExcludeTotal(meanG, lower, upper, scale), { file: input.source?.marginsFile, field: 'bounds' });
  }
  const fit = newtonCalibration(problem, d, calfun, { lower, upper }, maxIter, tol);
  const weights = expandCellRatios(problem.cells, cellRatios(problem, fit.w), problem.baseWeights);
  let negativeWeights = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i] < 0) negativeWeights++;
  let gMin = Infinity;
  let gMax = -Infinity;
  for (let c = 0; c < d.length; c++) {
    // cells a zero target zeroed (d = 0) are not calibrated: their weight is 0 whatever the bounds
    if (d[c] > 0) {
      const g = fit.w[c] / d[c];
      gMin = Math.min(gMin, g);
      gMax = Math.max(gMax, g);
    }
  }
  return {
    weights,
    converged: fit.converged,
    iterations: fit.iterations,
    maxRelError: fit.maxRelError,
    history: fit.history,
    worstCells: fit.worstCells,
    method: methodName,
    bounds: { lower, upper },
    negativeWeights,
    boundsScale: scale,
    gRange: { min: gMin, max: gMax },
    cells: problem.cells.nCells,
  };
}

/**
 * The rescaling factor of `survey:::grake`: with R's treatment-coded columns
 * (the intercept, then every category of each variable but the reference one,
 * see {@link calibrate}), the ratios population total / sample total over the
 * starting cell weights; their mean when the smallest exceeds 20, else 1.
 */
function grakeRescaling(problem: WeightingProblem, targets: MarginTargets): number {
  const { cells, start } = problem;
  let startSum = 0;
  for (let c = 0; c < cells.nCells; c++) startSum += start[c];
  const ratios = [problem.total / startSum];
  problem.variables.forEach((v, j) => {
    const sampleTotal = new Float64Array(v.levels.length);
    const cj = cells.codes[j];
    for (let c = 0; c < cells.nCells; c++) sampleTotal[cj[c]] += start[c];
    const code = new Map(v.levels.map((level, l) => [level, l]));
    let reference = true;
    for (const category of Object.keys(targets[v.name])) {
      const l = code.get(category);
      if (l === undefined || !(problem.target[j][l] > 0)) continue;
      if (reference) reference = false;
      else ratios.push(problem.target[j][l] / sampleTotal[l]);
    }
  });
  if (!(Math.min(...ratios) > RESCALE_THRESHOLD)) return 1;
  return ratios.reduce((a, b) => a + b, 0) / ratios.length;
}

/**
 * Newton iterations of `survey:::grake` on the cells from starting cell
 * weights `d`; returns the calibrated cell weights (always finite: a step is
 * halved until g is finite, else undone).
 */
function newtonCalibration(problem: WeightingProblem, d: Float64Array, calfun: CalibrationFunction, bounds: GBounds, maxIter: number, tol: number) {
  const { cells, target } = problem;
  const k = target.length;
  const nCells = cells.nCells;
  // Columns: categories with a positive target; all of the first variable's, all but the first of the others'.
  const colOf: Int32Array[] = [];
  const population: number[] = [];
  target.forEach((tj, j) => {
    const col = new Int32Array(tj.length).fill(-1);
    let skipped = j === 0;
    for (let l = 0; l < tj.length; l++) {
      if (!(tj[l] > 0)) continue;
      if (!skipped) {
        skipped = true;
        continue;
      }
      col[l] = population.length;
      population.push(tj[l]);
    }
    colOf.push(col);
  });
  const p = population.length;
  // cellCols[c * k + j]: the column of variable j's category in cell c, or -1.
  const cellCols = new Int32Array(nCells * k);
  for (let j = 0; j < k; j++) {
    const cj = cells.codes[j];
    for (let c = 0; c < nCells; c++) cellCols[c * k + j] = colOf[j][cj[c]];
  }
  const eta = new Float64Array(p);
  const g = new Float64Array(nCells);
  const deriv = new Float64Array(nCells);
  const evaluate = () => {
    let finite = true;
    for (let c = 0; c < nCells; c++) {
      let u = 0;
      for (let j = 0; j < k; j++) {
        const col = cellCols[c * k + j];
        if (col >= 0) u += eta[col];
      }
      g[c] = 1 + calfun.Fm1(u, bounds);
      deriv[c] = calfun.dF(u, bounds);
      if (!Number.isFinite(g[c]) || !Number.isFinite(deriv[c])) finite = false;
    }
    return finite;
  };
  evaluate();
  const w = new Float64Array(nCells);
  const previous = new Float64Array(p);
  const fit = marginFitTracker(problem, tol);
  let iterations = 0;
  const T = new Float64Array(p * p);
  const misfit = new Float64Array(p);
  while (iterations < maxIter) {
    iterations++;
    T.fill(0);
    for (let i = 0; i < p; i++) misfit[i] = population[i];
    for (let c = 0; c < nCells; c++) {
      const dc = d[c];
      if (dc === 0) continue;
      const h = dc * deriv[c];
      const gw = dc * g[c];
      for (let a = 0; a < k; a++) {
        const ca = cellCols[c * k + a];
        if (ca < 0) continue;
        misfit[ca] -= gw;
        if (h === 0) continue;
        for (let b = 0; b < k; b++) {
          const cb = cellCols[c * k + b];
          if (cb >= 0) T[ca * p + cb] += h;
        }
      }
    }
    const step = solvePseudoInverse(T, misfit, p);
    previous.set(eta);
    for (let i = 0; i < p; i++) eta[i] += step[i];
    let ok = evaluate();
    for (let halvings = 0; !ok && halvings < MAX_STEP_HALVINGS; halvings++) {
      for (let i = 0; i < p; i++) {
        step[i] /= 2;
        eta[i] -= step[i];
      }
      ok = evaluate();
    }
    if (!ok) {
      // No finite point along the Newton direction: keep the last finite λ and stop (not converged).
      eta.set(previous);
      evaluate();
    }
    for (let c = 0; c < nCells; c++) w[c] = d[c] * g[c];
    if (fit.record(w) || !ok) break;
  }
  return { w, ...fit.report(iterations) };
}

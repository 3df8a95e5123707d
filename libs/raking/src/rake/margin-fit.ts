import type { WeightingProblem } from '../cells/weighting-problem.js';

/** A margin cell that misses its target: reported when a weighting does not converge. */
export interface MarginCellFit {
  readonly variable: string;
  readonly category: string;
  readonly target: number;
  readonly achieved: number;
  /** |achieved − target| / target. */
  readonly relError: number;
}

/**
 * The weighted total of every level of every variable, for cell weights `w`:
 * `totals[j][code]`.
 */
export function marginTotals(problem: WeightingProblem, w: Float64Array): Float64Array[] {
  const { cells, target } = problem;
  return cells.codes.map((cj, j) => {
    const t = new Float64Array(target[j].length);
    for (let c = 0; c < cells.nCells; c++) t[cj[c]] += w[c];
    return t;
  });
}

/**
 * The convergence criterion of CONTRACTS.md `persona rake`: the largest
 * |weighted total − target| / target over every margin cell with a positive
 * target (cells with target 0 hold weight 0 exactly).
 */
export function maxRelativeError(problem: WeightingProblem, totals: readonly Float64Array[]): number {
  let worst = 0;
  for (let j = 0; j < totals.length; j++) {
    const tj = problem.target[j];
    const aj = totals[j];
    for (let l = 0; l < tj.length; l++) {
      if (tj[l] > 0) {
        const e = Math.abs(aj[l] - tj[l]) / tj[l];
        if (!(e <= worst)) worst = e;
      }
    }
  }
  return worst;
}

/** The `limit` margin cells with the largest relative error, worst first. */
export function worstMarginCells(problem: WeightingProblem, totals: readonly Float64Array[], limit = 10): MarginCellFit[] {
  const all: MarginCellFit[] = [];
  problem.variables.forEach((v, j) => {
    v.levels.forEach((category, l) => {
      const target = problem.target[j][l];
      if (target > 0) {
        const achieved = totals[j][l];
        all.push({ variable: v.name, category, target, achieved, relError: Math.abs(achieved - target) / target });
      }
    });
  });
  return all.sort((a, b) => b.relError - a.relError).slice(0, limit);
}

/** Per-cell weight ratio (final / base weight sum); 0 for cells with no base weight. */
export function cellRatios(problem: WeightingProblem, w: Float64Array): Float64Array {
  const base = problem.cells.weight;
  const g = new Float64Array(w.length);
  for (let c = 0; c < w.length; c++) g[c] = base[c] > 0 ? w[c] / base[c] : 0;
  return g;
}

/** How an iterative weighting ended: the fields `rake` and `calibrate` report. */
export interface MarginFitReport {
  readonly converged: boolean;
  readonly iterations: number;
  /** The criterion after the last iteration (Infinity when none ran). */
  readonly maxRelError: number;
  /** The criterion after each iteration. */
  readonly history: number[];
  /** The worst margin cells when not converged (empty when converged). */
  readonly worstCells: MarginCellFit[];
}

/**
 * The convergence bookkeeping of an iterative weighting (IPF sweeps, Newton
 * steps): `record(w)` after each iteration computes the margin totals of cell
 * weights `w` and the criterion of {@link maxRelativeError}, keeps its history,
 * and says whether it is ≤ `tol`; `report(iterations)` gives the result, with
 * the worst cells of the last iteration when it did not converge.
 */
export function marginFitTracker(problem: WeightingProblem, tol: number) {
  const history: number[] = [];
  let totals: Float64Array[] = [];
  let err = Infinity;
  return {
    record(w: Float64Array): boolean {
      totals = marginTotals(problem, w);
      err = maxRelativeError(problem, totals);
      history.push(err);
      return err <= tol;
    },
    report(iterations: number): MarginFitReport {
      const converged = err <= tol;
      return { converged, iterations, maxRelError: err, history, worstCells: converged ? [] : worstMarginCells(problem, totals) };
    },
  };
}

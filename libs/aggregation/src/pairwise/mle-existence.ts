import { maximiseLp } from '../social-choice/highs-solver.js';
import { message } from '../messages.js';
import type { PairGraph } from './graph.js';

/** Which tie model's outcome probabilities the recession cone is built from. */
export type ExistenceModel = 'none' | 'davidson' | 'rao-kupper';

/** A direction along which the log-likelihood never decreases (see {@link divergingDirection}). */
export interface DivergingDirection {
  /** Direction of each θ (meaningful up to a common shift), or null when the strengths were held fixed. */
  readonly strengths: Float64Array | null;
  /** Direction of the order effect α (0 when not fitted). */
  readonly orderEffect: number;
  /** Direction of the tie parameter on its log scale, s = log ν or log η (0 when not fitted). */
  readonly tie: number;
}

/**
 * The asymptotic slope of each outcome's log-probability along a direction (u, β, σ) of
 * (θ, α, s), with δ = u_a − u_b + β the direction of the pair's strength difference, as
 * rows `dc·δ + sc·σ ≥ 0` that must ALL hold for the slope to be ≥ 0 (each log-probability
 * is a linear form minus a maximum of linear forms, so "slope ≥ 0" is a conjunction of
 * linear inequalities; coefficients doubled to integers):
 * - plain: log P(a) = −softplus(−d) → δ ≥ 0; log P(b) → −δ ≥ 0.
 * - Davidson, log P(a) = d/2 − log(e^{d/2} + e^{−d/2} + e^s): δ ≥ 0 and δ − 2σ ≥ 0;
 *   b: −δ ≥ 0 and −δ − 2σ ≥ 0; tie (s − log(…)): 2σ − δ ≥ 0 and 2σ + δ ≥ 0.
 * - Rao–Kupper (s = log η > 0, so σ ≥ 0), log P(a) = −softplus(s − d): δ − σ ≥ 0;
 *   b: −δ − σ ≥ 0; tie (log(e^{2s} − 1) − softplus(s − d) − softplus(s + d)): σ − δ ≥ 0 and σ + δ ≥ 0.
 * Each entry is [dc, sc].
 */
const SLOPE_ROWS: Record<ExistenceModel, { a: number[][]; b: number[][]; tie: number[][] }> = {
  none: { a: [[1, 0]], b: [[-1, 0]], tie: [] },
  davidson: {
    a: [[1, 0], [1, -2]],
    b: [[-1, 0], [-1, -2]],
    tie: [[-1, 2], [1, 2]],
  },
  'rao-kupper': { a: [[1, -1]], b: [[-1, -1]], tie: [[-1, 1], [1, 1]] },
};

/**
 * Decides EXACTLY whether the (penalised) log-likelihood of a Bradley–Terry model with ties
 * (Davidson 1970; Rao & Kupper 1967) and/or an order effect has a finite maximiser, by a
 * recession-direction linear program (Rockafellar 1970, Convex Analysis, Thm 27.1: a closed
 * proper concave function attains its supremum on a non-empty bounded set iff it has no
 * non-zero direction of recession; Albert & Anderson 1984 for the logistic special case).
 *
 * Every outcome's log-probability is ≤ 0 and, along a ray, tends to slope "linear form −
 * maximum of linear forms" of the direction x = (u, β, σ). The likelihood has no maximiser iff
 * some direction (θ up to a common shift) makes no observed outcome's slope negative: along it
 * the likelihood never decreases, and since every term is strictly concave along any direction
 * that changes it, the supremum is only approached at infinity. With the slope conditions as
 * rows A x ≥ 0 (see SLOPE_ROWS), the LP maximises 1ᵀA x subject to 0 ≤ A x ≤ 1 with x free
 * (σ ≥ 0 for Rao–Kupper): the optimum is 0 when every feasible direction keeps all rows at 0,
 * and otherwise at least 1 (scale a direction until its largest row is 1), so the threshold ½
 * separates the two cases with a margin far above the solver's tolerance. Only which outcomes
 * were observed matters, not their counts, and the coefficients are small integers. Directions
 * that change no row at all are lines of constancy (α confounded with the strengths), checked
 * separately by
 * {@link orderEffectConfounded}.
 *
 * With `fixStrengths` (a Gaussian prior on θ: any direction that moves θ sends the penalty
 * to −∞) the strengths' direction is held at 0, so only α and the tie parameter can run off.
 * @returns a diverging direction, or null when the maximiser exists.
 */
export async function divergingDirection(
  graph: PairGraph,
  model: ExistenceModel,
  orderEffect: boolean,
  fixStrengths: boolean,
): Promise<DivergingDirection | null> {
  const rows = SLOPE_ROWS[model];
  const hasTie = model !== 'none';
  // Columns: u_0 … u_{n−1} (θ, unless fixed), then b (α), then s (σ).
  const nu = fixStrengths ? 0 : graph.n;
  const colB = orderEffect ? nu : -1;
  const colS = hasTie ? nu + (orderEffect ? 1 : 0) : -1;
  const numCols = nu + (orderEffect ? 1 : 0) + (hasTie ? 1 : 0);
  const start: number[] = [0];
  const index: number[] = [];
  const value: number[] = [];
  const seen = new Set<string>();
  const add = (p: number, [dc, sc]: readonly number[]) => {
    const entries: Array<[number, number]> = [];
    if (!fixStrengths) entries.push([graph.a[p], dc], [graph.b[p], -dc]);
    if (orderEffect) entries.push([colB, dc]);
    if (sc !== 0) entries.push([colS, sc]);
    if (entries.length === 0) return;
    const key = entries.map(([c, v]) => `${c}:${v}`).join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    for (const [c, v] of entries) {
      index.push(c);
      value.push(v);
    }
    start.push(index.length);
  };
  for (let p = 0; p < graph.pairs; p++) {
    if (graph.winA[p] > 0) for (const row of rows.a) add(p, row);
    if (graph.winB[p] > 0) for (const row of rows.b) add(p, row);
    if (graph.tie[p] > 0) for (const row of rows.tie) add(p, row);
  }
  const numRows = start.length - 1;
  if (numRows === 0 || numCols === 0) return null;
  const cost = new Float64Array(numCols);
  for (let k = 0; k < index.length; k++) cost[index[k]] += value[k];
  const colLower = new Float64Array(numCols).fill(-Infinity);
  if (model === 'rao-kupper') colLower[colS] = 0;
  const solution = await maximiseLp({
    cost,
    colLower,
    colUpper: new Float64Array(numCols).fill(Infinity),
    rowLower: new Float64Array(numRows),
    rowUpper: new Float64Array(numRows).fill(1),
    start: Int32Array.from(start),
    index: Int32Array.from(index),
    value: Float64Array.from(value),
  });
  if ('status' in solution) throw new Error(message.lpFailed('Bradley–Terry existence check', solution.status));
  if (!(solution.objective > 0.5)) return null;
  return {
    strengths: fixStrengths ? null : solution.x.slice(0, graph.n),
    orderEffect: orderEffect ? solution.x[colB] : 0,
    tie: hasTie ? solution.x[colS] : 0,
  };
}

/**
 * Whether the order effect α is confounded with the strengths (a line of constancy of the
 * likelihood, so the MLE is not unique): some θ-direction u with u_a − u_b = −1 on every
 * compared (first a, second b) pair exists. That is a potential on the comparison graph
 * where each pair steps down by one from its first to its second item, checked exactly by
 * breadth-first search (e.g. every pair always meets in the same order). Needs a connected
 * graph (checked before: a strongly connected one).
 */
export function orderEffectConfounded(graph: PairGraph): boolean {
  const { n, a, b, adjStart, adjPair } = graph;
  const level = new Float64Array(n).fill(NaN);
  const queue = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (!Number.isNaN(level[root])) continue;
    level[root] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const v = queue[head++];
      for (let k = adjStart[v]; k < adjStart[v + 1]; k++) {
        const p = adjPair[k];
        const w = a[p] === v ? b[p] : a[p];
        const expected = a[p] === v ? level[v] - 1 : level[v] + 1;
        if (Number.isNaN(level[w])) {
          level[w] = expected;
          queue[tail++] = w;
        } else if (level[w] !== expected) {
          return false;
        }
      }
    }
  }
  return true;
}

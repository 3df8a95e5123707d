import { weightSummary } from '@persona/raking';
import type { WeightDiagnostics } from '../check/check-types.js';

/**
 * The share of the total weight carried by the largest `fraction` of the
 * weights: the ⌈fraction · n⌉ largest weights' sum over Σ w. Equal weights give
 * ⌈fraction · n⌉ / n; a value far above `fraction` flags a few dominant rows
 * (the concentration diagnostic of Kish 1992 §4 and of balance's `summary`).
 * @example topWeightShare([1, 1, 1, 7], 0.25) // 7 / 10 = 0.7
 */
export function topWeightShare(weights: ArrayLike<number>, fraction = 0.01): number {
  const n = weights.length;
  const m = Math.max(1, Math.ceil(fraction * n));
  const a = Float64Array.from(weights);
  let total = 0;
  for (let i = 0; i < n; i++) total += a[i];
  selectLargest(a, m);
  let top = 0;
  for (let i = 0; i < m; i++) top += a[i];
  return top / total;
}

/**
 * Partially orders `a` so that its first m entries are its m largest (Hoare's
 * FIND / quickselect, expected O(n); pivot the median of three).
 */
function selectLargest(a: Float64Array, m: number): void {
  let lo = 0;
  let hi = a.length - 1;
  const k = m - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const pivot = median3(a[lo], a[mid], a[hi]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function median3(x: number, y: number, z: number): number {
  return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
}

/**
 * Diagnostics of a weight vector: `weightSummary` of `@persona/raking` (n, sum,
 * min, max, Kish's ESS and design effect, CV, R type-7 quantiles) plus the
 * share of Σ w carried by the top 1 % of the weights.
 * @throws {InputError} as `weightSummary` (empty vector, non-finite weight).
 */
export function weightDiagnostics(weights: ArrayLike<number>): WeightDiagnostics {
  return { ...weightSummary(weights), top1PercentShare: topWeightShare(weights, 0.01) };
}

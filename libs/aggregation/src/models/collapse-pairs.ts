import type { Comparisons } from '../pairwise/comparisons.js';

/** Win counts per unordered pair, with `low < high` item indices. */
export interface PairTable {
  readonly low: Int32Array;
  readonly high: Int32Array;
  /** Weighted wins of `low` over `high`. */
  readonly lowWins: Float64Array;
  /** Weighted comparisons of the pair. */
  readonly total: Float64Array;
}

/**
 * Collapses untied comparisons to one row per unordered pair (positions ignored), in order
 * of first appearance; the binomial likelihood of the rows equals that of the entries.
 * `group` (optional, one value per entry) keeps rows of different groups apart, e.g. judges.
 */
export function collapsePairs(comparisons: Comparisons, group?: Int32Array): PairTable & { readonly group: Int32Array } {
  const n = comparisons.items.length;
  const rowOf = new Map<number, number>();
  const low: number[] = [];
  const high: number[] = [];
  const groups: number[] = [];
  const lowWins: number[] = [];
  const total: number[] = [];
  const { first, second, outcome, count } = comparisons;
  for (let e = 0; e < first.length; e++) {
    const winner = outcome[e] === 0 ? first[e] : second[e];
    const loser = outcome[e] === 0 ? second[e] : first[e];
    const a = Math.min(winner, loser);
    const b = Math.max(winner, loser);
    const g = group === undefined ? 0 : group[e];
    const key = (g * n + a) * n + b;
    let r = rowOf.get(key);
    if (r === undefined) {
      r = low.length;
      rowOf.set(key, r);
      low.push(a);
      high.push(b);
      groups.push(g);
      lowWins.push(0);
      total.push(0);
    }
    if (winner === a) lowWins[r] += count[e];
    total[r] += count[e];
  }
  return {
    low: Int32Array.from(low),
    high: Int32Array.from(high),
    group: Int32Array.from(groups),
    lowWins: Float64Array.from(lowWins),
    total: Float64Array.from(total),
  };
}

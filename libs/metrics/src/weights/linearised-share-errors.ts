/**
 * Per-category sums of a sample inside a domain, from one pass over the rows:
 * what the share estimates and their linearisation variances need.
 */
export interface CategorySums {
  /** Rows per category (all rows, weight 0 included). */
  readonly rows: Float64Array;
  /** Σ w per category. */
  readonly sumW: Float64Array;
  /** Σ w² per category. */
  readonly sumW2: Float64Array;
  /** Rows with positive weight in the whole sample (inside and outside the domain). */
  readonly positiveRows: number;
}

/**
 * Standard errors of weighted category shares within a domain by Taylor
 * linearisation, with each row its own PSU and with-replacement variance: the
 * same numbers as `linearisedShares({ weights }, categories, domain)` of
 * `@persona/raking` (R `svymean(~factor(v), subset(svydesign(ids = ~1, weights = ~w), d))`,
 * Woodruff 1971), from per-category sums in O(categories) instead of
 * O(rows × categories). With influence values z_i = w_i (1[c_i = c] − p_c) / W_D
 * inside the domain D and 0 outside, Σ z = 0, so the variance
 * n/(n − 1) Σ z_i² is
 *
 *     v_c = n/(n − 1) · [(1 − p_c)² S_c + p_c² (S_D − S_c)] / W_D²,
 *
 * S_c = Σ_{i∈c} w_i², S_D = Σ_{i∈D} w_i², W_D = Σ_{i∈D} w_i, n the rows of
 * positive weight (rows of weight 0 are left out, as `linearisedShares` accepts
 * only positive weights). One row gives NaN (n − 1 = 0).
 * @param inside indices of the categories inside the domain.
 * @returns the standard error of each inside category's share, in `inside` order.
 */
export function linearisedShareErrors(sums: CategorySums, inside: readonly number[]): Float64Array {
  let wD = 0;
  let sD = 0;
  for (const j of inside) {
    wD += sums.sumW[j];
    sD += sums.sumW2[j];
  }
  const n = sums.positiveRows;
  const f = n / (n - 1);
  return Float64Array.from(inside, (j) => {
    const p = sums.sumW[j] / wD;
    const sc = sums.sumW2[j];
    return Math.sqrt((f * ((1 - p) * (1 - p) * sc + p * p * (sD - sc))) / (wD * wD));
  });
}

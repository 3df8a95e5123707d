/**
 * Absolute standardized mean difference of a category indicator, as Meta's
 * `balance` package computes it with its default `std_type="target"`
 * (`balance.stats_and_plots.weighted_comparisons_stats.asmd`:
 * |mean_sample,w − mean_target| / sd_target, the absolute Cohen's d with the
 * target's standard deviation). For the indicator of a category with sample
 * share p and target share q the means are p and q, and the target is a
 * population known through its shares, so sd_target = sqrt(q (1 − q)) (the
 * population sd; balance's reliability-weight correction tends to 1 for a
 * population-sized target): ASMD = |p − q| / sqrt(q (1 − q)).
 * Undefined (null) when q is 0 or 1 — balance likewise turns the infinite
 * value into a missing one.
 * @example absoluteStandardizedMeanDifference(0.6, 0.5) // 0.1 / 0.5 = 0.2
 */
export function absoluteStandardizedMeanDifference(p: number, q: number): number | null {
  if (!(q > 0 && q < 1)) return null;
  return Math.abs(p - q) / Math.sqrt(q * (1 - q));
}

/**
 * balance's mean ASMD of one categorical variable: the average over its
 * categories, each weighing 1/(number of categories), skipping undefined
 * values (balance's `_weights_per_covars_names` then `mean(asmd)` treats them as 0;
 * we leave them out and return null when none is defined).
 */
export function meanAsmd(values: readonly (number | null)[]): number | null {
  let s = 0;
  let m = 0;
  for (const v of values) {
    if (v === null) continue;
    s += v;
    m++;
  }
  return m === 0 ? null : s / m;
}

/**
 * Sample quantile by linear interpolation between order statistics: R's
 * default `quantile(x, p, type = 7)` (Hyndman & Fan 1996, definition 7):
 * with sorted x and h = (n − 1) p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 * `sorted` must be sorted ascending and non-empty.
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Piecewise-linear interpolation of (xs[k], ys[k]) at x, constant beyond the
 * first and last knot (no extrapolation outside the ages a source covers).
 * `ys` may be a strided view: the k-th ordinate is `ys[offset + k]`.
 */
export function piecewiseLinear(xs: Float64Array, ys: Float64Array, x: number, offset = 0): number {
  const last = xs.length - 1;
  if (x <= xs[0]!) return ys[offset]!;
  if (x >= xs[last]!) return ys[offset + last]!;
  let k = 0;
  while (x > xs[k + 1]!) k++;
  const t = (x - xs[k]!) / (xs[k + 1]! - xs[k]!);
  return ys[offset + k]! + t * (ys[offset + k + 1]! - ys[offset + k]!);
}

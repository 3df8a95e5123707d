import { InputError } from '@persona/core';
import { message } from '../messages.js';

/** A survey estimate with its sampling variance. */
export interface Estimate {
  readonly estimate: number;
  readonly variance: number;
  /** √variance. */
  readonly se: number;
  /**
   * Design effect: variance over that of a simple random sample of the same size
   * without replacement from a population of Σw units, with the weighted
   * population variance estimated as survey's `svyvar` does (`deff = TRUE` in
   * `survey::svymean`/`svytotal`, Kish 1965 §8.2).
   */
  readonly deff: number;
}

/**
 * Domain membership per unit (`true`/non-zero = in the domain). Estimates for a
 * domain use all units, zero outside it (the domain-estimation convention of
 * survey's `subset`, Lumley 2010 §2.3.1).
 */
export type Domain = ArrayLike<boolean | number>;

/** Checks a per-unit numeric column: right length, finite values. */
export function checkValues(values: ArrayLike<number>, size: number, field: string): void {
  if (values.length !== size) throw new InputError(message.lengthMismatch(field, size, values.length), { field });
  for (let i = 0; i < size; i++) {
    if (!Number.isFinite(values[i]!)) throw new InputError(message.valueNotFinite(values[i]!), { field, index: i });
  }
}

/** Checks a domain column's length. */
export function checkDomain(domain: Domain | undefined, size: number): void {
  if (domain !== undefined && domain.length !== size) {
    throw new InputError(message.lengthMismatch('domain', size, domain.length), { field: 'domain' });
  }
}

/**
 * The variance of the same estimator under simple random sampling without
 * replacement of the domain's n_d units from N̂_d = Σ_d w, as survey's `deff = TRUE`:
 * s² = n_d/(n_d − 1) · Σ_d w (z − z̄)² / Σ_d w with z = y − R̂x (the ratio's
 * residual; z = y for a total), then s²/n_d · (N̂_d − n_d)/N̂_d for a ratio or mean,
 * times X̂_d² … for a total: s² N̂_d²/n_d · (N̂_d − n_d)/N̂_d.
 */
export function srsVariance(
  weights: ArrayLike<number>,
  y: ArrayLike<number> | undefined,
  x: ArrayLike<number> | undefined,
  domain: Domain | undefined,
  kind: 'total' | 'ratio',
): number {
  let n = 0, sw = 0, swy = 0, swx = 0;
  for (let i = 0; i < weights.length; i++) {
    if (domain !== undefined && !domain[i]) continue;
    const w = weights[i]!;
    n++; sw += w; swy += w * (y === undefined ? 1 : y[i]!); swx += w * (x === undefined ? 1 : x[i]!);
  }
  const ratio = swy / swx;
  const centre = kind === 'total' ? swy / sw : 0;
  let ss = 0;
  for (let i = 0; i < weights.length; i++) {
    if (domain !== undefined && !domain[i]) continue;
    const yi = y === undefined ? 1 : y[i]!;
    const z = kind === 'total' ? yi - centre : yi - ratio * (x === undefined ? 1 : x[i]!);
    ss += weights[i]! * z * z;
  }
  const s2 = ((n / (n - 1)) * ss) / sw;
  const fpc = (sw - n) / sw;
  if (kind === 'total') return ((s2 * sw * sw) / n) * fpc;
  const xbar = swx / sw;
  return (s2 / n / (xbar * xbar)) * fpc;
}

import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { checkDomain, checkValues, srsVariance, type Domain, type Estimate } from './estimate.js';

/** Full-sample weights with replicate weights (e.g. ACS PUMS PWGTP and PWGTP1..80). */
export interface ReplicateDesign {
  readonly weights: ArrayLike<number>;
  readonly replicates: readonly ArrayLike<number>[];
  /** Multiplier of Σ_r (θ_r − θ)²; default 4/R, the successive difference replication of the ACS. */
  readonly scale?: number;
}

function checkDesign(design: ReplicateDesign): number {
  const size = design.weights.length;
  checkValues(design.weights, size, 'weights');
  if (design.replicates.length === 0) throw new InputError(message.noReplicates(), { field: 'replicates' });
  design.replicates.forEach((r, j) => {
    if (r.length !== size) throw new InputError(message.lengthMismatch(`replicate ${j + 1}`, size, r.length), { field: 'replicates' });
  });
  const scale = design.scale ?? 4 / design.replicates.length;
  if (!(scale > 0 && Number.isFinite(scale))) throw new InputError(message.replicateScaleInvalid(scale), { field: 'scale' });
  return scale;
}

/** Σ w y d and Σ w x d over the units (y, x ≡ 1 when absent); throws on a non-finite weight. */
function weightedSums(
  w: ArrayLike<number>,
  y: ArrayLike<number> | undefined,
  x: ArrayLike<number> | undefined,
  domain: Domain | undefined,
  field: string,
): [number, number] {
  let sy = 0, sx = 0;
  for (let i = 0; i < w.length; i++) {
    if (domain !== undefined && !domain[i]) continue;
    const wi = w[i]!;
    sy += wi * (y === undefined ? 1 : y[i]!);
    sx += wi * (x === undefined ? 1 : x[i]!);
  }
  if (!Number.isFinite(sy + sx)) {
    for (let i = 0; i < w.length; i++) {
      if (!Number.isFinite(w[i]!)) throw new InputError(message.valueNotFinite(w[i]!), { field, index: i });
    }
  }
  return [sy, sx];
}

function replicateEstimate(
  design: ReplicateDesign,
  estimator: (w: ArrayLike<number>, field: string) => number,
  deffDenominator: number,
): Estimate {
  const scale = checkDesign(design);
  const estimate = estimator(design.weights, 'weights');
  let ss = 0;
  design.replicates.forEach((r, j) => {
    const d = estimator(r, `replicate ${j + 1}`) - estimate;
    ss += d * d;
  });
  const variance = scale * ss;
  return { estimate, variance, se: Math.sqrt(variance), deff: variance / deffDenominator };
}

/**
 * A weighted total Σ_d w y and its replicate variance v = scale · Σ_r (θ_r − θ)²,
 * θ_r the total under replicate weights r. The default scale 4/R is the ACS's
 * successive difference replication (US Census Bureau, *American Community Survey
 * Design and Methodology* (2014), ch. 12; PUMS "Accuracy of the data": SE =
 * √(4/80 Σ (X_r − X)²)), as R `survey::svytotal` on
 * `svrepdesign(type = "successive-difference", mse = TRUE)`.
 *
 * @throws InputError on lengths that differ, non-finite values, no replicates.
 */
export function sdrTotal(design: ReplicateDesign, y: ArrayLike<number>, domain?: Domain): Estimate {
  const size = design.weights.length;
  checkValues(y, size, 'y');
  checkDomain(domain, size);
  return replicateEstimate(
    design,
    (w, field) => weightedSums(w, y, undefined, domain, field)[0],
    srsVariance(design.weights, y, undefined, domain, 'total'),
  );
}

/**
 * A ratio of weighted totals R = Σ_d w y / Σ_d w x with its replicate variance
 * (each replicate recomputes the ratio, as `survey::svyratio` on a replicate design).
 *
 * @throws InputError as {@link sdrTotal}, or when the domain's Σ w x is 0.
 */
export function sdrRatio(design: ReplicateDesign, y: ArrayLike<number>, x: ArrayLike<number> | undefined, domain?: Domain): Estimate {
  const size = design.weights.length;
  checkValues(y, size, 'y');
  if (x !== undefined) checkValues(x, size, 'x');
  checkDomain(domain, size);
  const [, denominator] = weightedSums(design.weights, y, x, domain, 'weights');
  if (denominator === 0) throw new InputError(message.emptyDomain(), { field: 'domain' });
  return replicateEstimate(
    design,
    (w, field) => { const [a, b] = weightedSums(w, y, x, domain, field); return a / b; },
    srsVariance(design.weights, y, x, domain, 'ratio'),
  );
}

/**
 * A weighted mean Σ_d w y / Σ_d w with its replicate variance, as `survey::svymean`
 * on `svrepdesign(type = "successive-difference", mse = TRUE)` (see {@link sdrTotal}).
 */
export function sdrMean(design: ReplicateDesign, y: ArrayLike<number>, domain?: Domain): Estimate {
  return sdrRatio(design, y, undefined, domain);
}

/**
 * Weighted shares of each category (within the domain) with replicate variances:
 * the means of the category indicators, as `svymean(~factor(v), design)`. One pass
 * over the units per weight column, whatever the number of categories.
 *
 * @returns category (as a string, first-seen order) → estimate.
 */
export function sdrShares(design: ReplicateDesign, categories: ArrayLike<string | number>, domain?: Domain): Map<string, Estimate> {
  const scale = checkDesign(design);
  const size = design.weights.length;
  checkDomain(domain, size);
  if (categories.length !== size) throw new InputError(message.lengthMismatch('categories', size, categories.length), { field: 'categories' });
  const index = new Map<string, number>();
  const code = new Int32Array(size);
  let n = 0;
  for (let i = 0; i < size; i++) {
    if (domain !== undefined && !domain[i]) { code[i] = -1; continue; }
    const key = String(categories[i]);
    let c = index.get(key);
    if (c === undefined) { c = index.size; index.set(key, c); }
    code[i] = c;
    n++;
  }
  const k = index.size;
  const shares = (w: ArrayLike<number>, field: string): Float64Array => {
    const t = new Float64Array(k);
    let total = 0;
    for (let i = 0; i < size; i++) {
      const c = code[i]!;
      if (c < 0) continue;
      const wi = w[i]!;
      t[c] += wi;
      total += wi;
    }
    if (!Number.isFinite(total)) weightedSums(w, undefined, undefined, domain, field);
    if (total === 0) throw new InputError(message.emptyDomain(), { field: 'domain' });
    for (let c = 0; c < k; c++) t[c] = t[c]! / total;
    return t;
  };
  checkValues(design.weights, size, 'weights');
  const full = shares(design.weights, 'weights');
  const ss = new Float64Array(k);
  design.replicates.forEach((r, j) => {
    const rep = shares(r, `replicate ${j + 1}`);
    for (let c = 0; c < k; c++) { const d = rep[c]! - full[c]!; ss[c] += d * d; }
  });
  let sw = 0;
  for (let i = 0; i < size; i++) if (code[i]! >= 0) sw += design.weights[i]!;
  const out = new Map<string, Estimate>();
  for (const [key, c] of index) {
    const p = full[c]!;
    const variance = scale * ss[c]!;
    // svyvar of a 0/1 indicator: n/(n − 1) · p(1 − p); SRS-without-replacement variance of the mean.
    const vsrs = ((n / (n - 1)) * p * (1 - p)) / n * ((sw - n) / sw);
    out.set(key, { estimate: p, variance, se: Math.sqrt(variance), deff: variance / vsrs });
  }
  return out;
}

import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { checkWeights } from '../sampling/validate.js';
import { checkDomain, checkValues, srsVariance, type Domain, type Estimate } from './estimate.js';

/**
 * A with-replacement (single-stage) design: weights, optional strata and optional
 * PSUs. Without `psu` every unit is its own PSU; PSU labels are nested within
 * strata (as `svydesign(..., nest = TRUE)`).
 */
export interface LinearisationDesign {
  readonly weights: ArrayLike<number>;
  readonly strata?: ArrayLike<string | number>;
  readonly psu?: ArrayLike<string | number>;
}

interface Structure {
  readonly psuOf: Int32Array;
  readonly stratumOfPsu: Int32Array;
  readonly psuPerStratum: Int32Array;
}

function structure(design: LinearisationDesign): Structure {
  const size = design.weights.length;
  checkWeights(design.weights, 'weights');
  const { strata, psu } = design;
  if (strata !== undefined && strata.length !== size) throw new InputError(message.lengthMismatch('strata', size, strata.length), { field: 'strata' });
  if (psu !== undefined && psu.length !== size) throw new InputError(message.lengthMismatch('psu', size, psu.length), { field: 'psu' });
  const stratumIndex = new Map<string, number>();
  const psuIndex = new Map<string, number>();
  const psuOf = new Int32Array(size);
  const stratumOf: number[] = [];
  for (let i = 0; i < size; i++) {
    const sKey = strata === undefined ? '' : String(strata[i]);
    let s = stratumIndex.get(sKey);
    if (s === undefined) { s = stratumIndex.size; stratumIndex.set(sKey, s); }
    if (psu === undefined) { psuOf[i] = i; stratumOf.push(s); continue; }
    const pKey = `${sKey}\u0000${String(psu[i])}`;
    let j = psuIndex.get(pKey);
    if (j === undefined) { j = psuIndex.size; psuIndex.set(pKey, j); stratumOf.push(s); }
    psuOf[i] = j;
  }
  const psuPerStratum = new Int32Array(stratumIndex.size);
  for (const s of stratumOf) psuPerStratum[s] = psuPerStratum[s]! + 1;
  for (const [key, s] of stratumIndex) {
    if (psuPerStratum[s] === 1) throw new InputError(message.lonelyPsu(key === '' ? '(all)' : key), { field: 'strata' });
  }
  return { psuOf, stratumOfPsu: Int32Array.from(stratumOf), psuPerStratum };
}

/**
 * The with-replacement variance of Σ z_i (z the weighted influence values):
 * Σ_h n_h/(n_h − 1) Σ_j (t_hj − t̄_h)², t_hj the PSU totals of z (Wolter 2007,
 * *Introduction to Variance Estimation*, §6; R `survey:::svyrecvar` one stage).
 */
function withReplacementVariance(z: Float64Array, st: Structure): number {
  const psus = st.stratumOfPsu.length;
  const t = new Float64Array(psus);
  for (let i = 0; i < z.length; i++) t[st.psuOf[i]!] += z[i]!;
  const strata = st.psuPerStratum.length;
  const mean = new Float64Array(strata);
  for (let j = 0; j < psus; j++) mean[st.stratumOfPsu[j]!] += t[j]!;
  for (let h = 0; h < strata; h++) mean[h] = mean[h]! / st.psuPerStratum[h]!;
  const ss = new Float64Array(strata);
  for (let j = 0; j < psus; j++) { const h = st.stratumOfPsu[j]!; const d = t[j]! - mean[h]!; ss[h] += d * d; }
  let v = 0;
  for (let h = 0; h < strata; h++) { const nh = st.psuPerStratum[h]!; v += (nh / (nh - 1)) * ss[h]!; }
  return v;
}

/**
 * A weighted total Σ_d w y with its Taylor-linearisation variance under the
 * with-replacement approximation (z_i = w_i y_i d_i); matches R
 * `svytotal(~y, svydesign(ids = ~1, weights = ~w))` (or with `strata`, `ids`).
 *
 * @throws InputError on a bad weight, lengths that differ, non-finite values, or a stratum with one PSU.
 */
export function linearisedTotal(design: LinearisationDesign, y: ArrayLike<number>, domain?: Domain): Estimate {
  const st = structure(design);
  const { weights } = design;
  const size = weights.length;
  checkValues(y, size, 'y');
  checkDomain(domain, size);
  const z = new Float64Array(size);
  let estimate = 0;
  for (let i = 0; i < size; i++) {
    if (domain !== undefined && !domain[i]) continue;
    z[i] = weights[i]! * y[i]!;
    estimate += z[i]!;
  }
  const variance = withReplacementVariance(z, st);
  return { estimate, variance, se: Math.sqrt(variance), deff: variance / srsVariance(weights, y, undefined, domain, 'total') };
}

/**
 * A ratio R̂ = Σ_d w y / Σ_d w x with its linearisation variance: influence values
 * z_i = w_i d_i (y_i − R̂ x_i) / X̂ (Woodruff 1971; `survey::svyratio`); x ≡ 1 gives
 * the mean of {@link linearisedMean}.
 *
 * @throws InputError as {@link linearisedTotal}, or when the domain's Σ w x is 0.
 */
export function linearisedRatio(design: LinearisationDesign, y: ArrayLike<number>, x: ArrayLike<number> | undefined, domain?: Domain): Estimate {
  const st = structure(design);
  const { weights } = design;
  const size = weights.length;
  checkValues(y, size, 'y');
  if (x !== undefined) checkValues(x, size, 'x');
  checkDomain(domain, size);
  let sy = 0, sx = 0;
  for (let i = 0; i < size; i++) {
    if (domain !== undefined && !domain[i]) continue;
    sy += weights[i]! * y[i]!;
    sx += weights[i]! * (x === undefined ? 1 : x[i]!);
  }
  if (sx === 0) throw new InputError(message.emptyDomain(), { field: 'domain' });
  const ratio = sy / sx;
  const z = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    if (domain !== undefined && !domain[i]) continue;
    z[i] = (weights[i]! * (y[i]! - ratio * (x === undefined ? 1 : x[i]!))) / sx;
  }
  const variance = withReplacementVariance(z, st);
  return { estimate: ratio, variance, se: Math.sqrt(variance), deff: variance / srsVariance(weights, y, x, domain, 'ratio') };
}

/**
 * A weighted mean with its linearisation variance; matches R
 * `svymean(~y, svydesign(ids = ~1, weights = ~w))` (see {@link linearisedRatio}).
 */
export function linearisedMean(design: LinearisationDesign, y: ArrayLike<number>, domain?: Domain): Estimate {
  return linearisedRatio(design, y, undefined, domain);
}

/**
 * Weighted shares of each category (within the domain) with linearisation
 * variances: the means of the category indicators, as `svymean(~factor(v), design)`;
 * influence values z_i = w_i d_i (1[c_i = c] − p̂_c) / N̂_d.
 *
 * @returns category (as a string, first-seen order) → estimate.
 */
export function linearisedShares(design: LinearisationDesign, categories: ArrayLike<string | number>, domain?: Domain): Map<string, Estimate> {
  const st = structure(design);
  const { weights } = design;
  const size = weights.length;
  if (categories.length !== size) throw new InputError(message.lengthMismatch('categories', size, categories.length), { field: 'categories' });
  checkDomain(domain, size);
  const index = new Map<string, number>();
  const code = new Int32Array(size).fill(-1);
  const totals: number[] = [];
  let n = 0, sw = 0;
  for (let i = 0; i < size; i++) {
    if (domain !== undefined && !domain[i]) continue;
    const key = String(categories[i]);
    let c = index.get(key);
    if (c === undefined) { c = index.size; index.set(key, c); totals.push(0); }
    code[i] = c;
    totals[c] += weights[i]!;
    sw += weights[i]!;
    n++;
  }
  if (sw === 0) throw new InputError(message.emptyDomain(), { field: 'domain' });
  const out = new Map<string, Estimate>();
  const z = new Float64Array(size);
  for (const [key, c] of index) {
    const p = totals[c]! / sw;
    for (let i = 0; i < size; i++) z[i] = code[i]! < 0 ? 0 : (weights[i]! * ((code[i] === c ? 1 : 0) - p)) / sw;
    const variance = withReplacementVariance(z, st);
    // svyvar of a 0/1 indicator is n/(n − 1) · p(1 − p); SRS-without-replacement variance of the mean.
    const vsrs = (((n / (n - 1)) * p * (1 - p)) / n) * ((sw - n) / sw);
    out.set(key, { estimate: p, variance, se: Math.sqrt(variance), deff: variance / vsrs });
  }
  return out;
}

import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { choleskyFactor, choleskyInverse, choleskySolve } from './cholesky.js';
import { meanZeroEffects } from './mean-zero.js';
import { validateRankings, type Rankings } from './plackett-luce-rankings.js';
import { choiceStages, stagesLogLik, type ChoiceStages } from './plackett-luce-stages.js';
import { itemsOutsideLargestComponent } from '../graph/strongly-connected.js';

export interface PlackettLuceOptions {
  /**
   * Largest tie the model allows (Davidson–Luce tie order D). Default: the largest tie in
   * the data (1 when there are none, which is the plain Plackett–Luce model).
   */
  maxTieOrder?: number;
  /**
   * Compute standard errors. Default true. Costs a dense (n + D − 2)² information matrix and
   * its inverse (about n³/3 operations; 1,000 items: well under a second), and for a top-k
   * ranking O(n²) per listed position, since every item is in its choice sets.
   */
  standardErrors?: boolean;
  maxIterations?: number;
  /** Converged when every step |Δλ_i| ≤ tolerance · (1 + |λ_i|). Default 1e-10. */
  tolerance?: number;
}

export interface PlackettLuceResult {
  readonly items: readonly string[];
  /** Log-worths λ_i (log α_i), mean zero over items. */
  readonly logWorth: Float64Array;
  /** Standard errors under the mean-zero constraint; null when not requested. */
  readonly se: Float64Array | null;
  /** log δ_k for tie orders k = 2 … D (empty without ties), with standard errors. */
  readonly logTie: Float64Array;
  readonly logTieSe: Float64Array | null;
  readonly logLik: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** `mm` (no ties: Hunter's MM) or `newton` (ties: Newton–Raphson). */
  readonly method: 'mm' | 'newton';
}

const MODEL = 'Plackett–Luce';

/**
 * Plackett–Luce model for rankings (Luce 1959; Plackett 1975): a ranking is a sequence of
 * choices, each item chosen from those remaining with probability α_i / Σ α. Handles full,
 * subset (only the listed items took part) and top-k rankings (all items available, the
 * unlisted ones ranked below), with weights.
 *
 * Without ties it is fitted by Hunter's (2004, §5) MM algorithm, γ_i ← w_i / Σ_j Σ_s
 * [i ∈ S_js] / Σ_{k∈S_js} γ_k. Ties follow the Davidson–Luce model of Firth, Kosmidis &
 * Turner (2019) as in R's PlackettLuce (Turner et al. 2020, eq. 3): a tied group T is chosen
 * from S with probability δ_|T| (Π_{i∈T} α_i)^{1/|T|} / Σ_{k≤D} δ_k Σ_{T'⊆S,|T'|=k}
 * (Π α)^{1/|T'|}; with ties the log-likelihood is maximised by Newton–Raphson. λ = log α
 * is identified by mean zero over items (the `persona bt` convention); standard errors come
 * from the inverse information under that constraint.
 *
 * @throws InputError on malformed rankings, a tie larger than `maxTieOrder`, or rankings
 *   whose comparison graph is not strongly connected (no maximum-likelihood estimate).
 */
export function plackettLuce(rankings: Rankings, options: PlackettLuceOptions = {}): PlackettLuceResult {
  validateRankings(rankings);
  const n = rankings.items.length;
  const largestTie = largestTieSize(rankings);
  const D = options.maxTieOrder ?? largestTie;
  if (!(Number.isInteger(D) && D >= 1)) throw new InputError(message.badTieOrder(D), { field: 'maxTieOrder' });
  if (largestTie > D) throw new InputError(message.tieTooLarge(largestTie, D), { field: 'ranking' });
  checkIdentified(rankings);
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? (D === 1 ? 10_000 : 200);
  const wantSe = options.standardErrors ?? true;

  let theta: Float64Array;
  let iterations: number;
  let converged: boolean;
  let stages: ChoiceStages | null = null;
  let logLik: number;
  if (D === 1) {
    const mm = plackettLuceMM(rankings, maxIterations, tolerance);
    theta = mm.logWorth;
    iterations = mm.iterations;
    converged = mm.converged;
    logLik = mm.logLik;
  } else {
    stages = choiceStages(rankings, D);
    const newton = newtonRaphson(stages, maxIterations, tolerance);
    theta = newton.theta;
    iterations = newton.iterations;
    converged = newton.converged;
    logLik = newton.logLik;
  }
  const p = n - 1 + (D - 1);
  const reduced = new Float64Array(p);
  for (let i = 0; i < n - 1; i++) reduced[i] = theta[i] - theta[n - 1];
  for (let k = 0; k < D - 1; k++) reduced[n - 1 + k] = theta[n + k];
  let covariance: Float64Array = new Float64Array(p * p).fill(NaN);
  if (wantSe) {
    stages ??= choiceStages(rankings, D);
    const info = reducedInformation(stages, theta);
    if (choleskyFactor(info, p)) covariance = choleskyInverse(info, p);
    else converged = false;
  }
  const effects = meanZeroEffects(reduced, covariance, p, 0, n);
  const logTie = reduced.slice(n - 1);
  return {
    items: rankings.items,
    logWorth: effects.values,
    se: wantSe ? effects.se : null,
    logTie,
    logTieSe: wantSe ? logTie.map((_, k) => Math.sqrt(covariance[(n - 1 + k) * p + n - 1 + k])) : null,
    logLik,
    iterations,
    converged,
    method: D === 1 ? 'mm' : 'newton',
  };
}

/**
 * Hunter's (2004, §5) MM iteration for untied rankings, O(total ranking length) per
 * iteration. Returns mean-zero log-worths (full θ of length n).
 */
function plackettLuceMM(rankings: Rankings, maxIterations: number, tolerance: number) {
  const n = rankings.items.length;
  const { offsets, order, weight } = rankings;
  const count = offsets.length - 1;
  const topK = rankings.topK;
  const wins = new Float64Array(n);
  const stagesOf = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    const m = offsets[r + 1] - offsets[r];
    const truncated = topK !== undefined && topK[r] === 1 && m < n;
    stagesOf[r] = truncated ? m : m - 1;
    for (let s = 0; s < stagesOf[r]; s++) wins[order[offsets[r] + s]] += weight[r];
  }
  let gamma = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  const denominator = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    denominator.fill(0);
    let everyone = 0;
    let totalGamma = 0;
    for (let i = 0; i < n; i++) totalGamma += gamma[i];
    for (let r = 0; r < count; r++) {
      const start = offsets[r];
      const end = offsets[r + 1];
      const stages = stagesOf[r];
      const truncated = stages === end - start;
      let denom = 0;
      if (truncated) denom = totalGamma;
      else for (let p = start; p < end; p++) denom += gamma[order[p]];
      const w = weight[r];
      let cumulative = 0;
      for (let s = 0; s < stages; s++) {
        cumulative += w / denom;
        denominator[order[start + s]] += cumulative;
        denom -= gamma[order[start + s]];
      }
      // the last listed item of a subset ranking sits in every stage's set
      if (!truncated) denominator[order[end - 1]] += cumulative;
      else {
        everyone += cumulative;
        for (let s = 0; s < stages; s++) denominator[order[start + s]] -= cumulative;
      }
    }
    let logMean = 0;
    for (let i = 0; i < n; i++) {
      next[i] = wins[i] / (denominator[i] + everyone);
      logMean += Math.log(next[i]);
    }
    logMean /= n;
    const scale = Math.exp(-logMean);
    let small = true;
    for (let i = 0; i < n; i++) {
      next[i] *= scale;
      const a = Math.log(next[i]);
      if (Math.abs(a - Math.log(gamma[i])) > tolerance * (1 + Math.abs(a))) small = false;
    }
    [gamma, next] = [next, gamma];
    if (small) {
      converged = true;
      break;
    }
  }
  const logWorth = gamma.map(Math.log);
  return { logWorth, iterations, converged, logLik: untiedLogLik(rankings, gamma, stagesOf) };
}

function untiedLogLik(rankings: Rankings, gamma: Float64Array, stagesOf: Int32Array): number {
  const { offsets, order, weight } = rankings;
  let totalGamma = 0;
  for (const g of gamma) totalGamma += g;
  let logLik = 0;
  for (let r = 0; r < stagesOf.length; r++) {
    const start = offsets[r];
    const end = offsets[r + 1];
    const truncated = stagesOf[r] === end - start;
    let denom = 0;
    if (truncated) denom = totalGamma;
    else for (let p = start; p < end; p++) denom += gamma[order[p]];
    for (let s = 0; s < stagesOf[r]; s++) {
      const g = gamma[order[start + s]];
      logLik += weight[r] * (Math.log(g) - Math.log(denom));
      denom -= g;
    }
  }
  return logLik;
}

/** Newton–Raphson with step halving on the reduced parameters (λ_{n−1} = 0). */
function newtonRaphson(stages: ChoiceStages, maxIterations: number, tolerance: number) {
  const n = stages.items;
  const P = n + stages.maxTieOrder - 1;
  const p = P - 1;
  const theta = new Float64Array(P);
  const gradient = new Float64Array(P);
  const information = new Float64Array(P * P);
  let logLik = stagesLogLik(stages, theta, gradient, information);
  let iterations = 0;
  let converged = false;
  const trial = new Float64Array(P);
  while (iterations < maxIterations) {
    iterations++;
    const info = reduce(information, P, n);
    if (!choleskyFactor(info, p)) break;
    const step = choleskySolve(info, p, reduceVector(gradient, n));
    let factor = 1;
    let trialLogLik = -Infinity;
    for (let halving = 0; halving < 40; halving++) {
      trial.set(theta);
      for (let k = 0; k < p; k++) trial[k < n - 1 ? k : k + 1] += factor * step[k];
      trialLogLik = stagesLogLik(stages, trial);
      if (trialLogLik >= logLik - 1e-12 * Math.abs(logLik)) break;
      factor /= 2;
    }
    let small = true;
    for (let u = 0; u < P; u++) if (Math.abs(trial[u] - theta[u]) > tolerance * (1 + Math.abs(trial[u]))) small = false;
    theta.set(trial);
    logLik = stagesLogLik(stages, theta, gradient, information);
    if (small && factor === 1) {
      converged = true;
      break;
    }
  }
  return { theta, logLik, iterations, converged };
}

/** Information over the reduced parameters (item n−1 is the reference). */
function reducedInformation(stages: ChoiceStages, theta: Float64Array): Float64Array {
  const P = stages.items + stages.maxTieOrder - 1;
  const gradient = new Float64Array(P);
  const information = new Float64Array(P * P);
  stagesLogLik(stages, theta, gradient, information);
  return reduce(information, P, stages.items);
}

function reduce(matrix: Float64Array, P: number, n: number): Float64Array {
  const p = P - 1;
  const out = new Float64Array(p * p);
  for (let u = 0, ru = 0; u < P; u++) {
    if (u === n - 1) continue;
    for (let v = 0, rv = 0; v < P; v++) {
      if (v === n - 1) continue;
      out[ru * p + rv] = matrix[u * P + v];
      rv++;
    }
    ru++;
  }
  return out;
}

function reduceVector(vector: Float64Array, n: number): Float64Array {
  return Float64Array.from(vector.filter((_, u) => u !== n - 1));
}

function largestTieSize(rankings: Rankings): number {
  const g = rankings.tieGroup;
  if (g === undefined) return 1;
  let largest = 1;
  for (let r = 0; r + 1 < rankings.offsets.length; r++) {
    let run = 1;
    for (let p = rankings.offsets[r] + 1; p < rankings.offsets[r + 1]; p++) {
      run = g[p] === g[p - 1] ? run + 1 : 1;
      if (run > largest) largest = run;
    }
  }
  return largest;
}

/**
 * Hunter's (2004) condition for a finite MLE: in every partition of the items into two
 * nonempty sets, some item of each set is ranked above some item of the other. Edges: each
 * tie group → the next group of the ranking (a top-k ranking's last item → every unlisted
 * item), and both ways between tied items.
 */
function checkIdentified(rankings: Rankings): void {
  const n = rankings.items.length;
  const from: number[] = [];
  const to: number[] = [];
  const { offsets, order, tieGroup, topK } = rankings;
  const listed = new Uint8Array(n);
  for (let r = 0; r + 1 < offsets.length; r++) {
    const start = offsets[r];
    const end = offsets[r + 1];
    const group = (p: number) => (tieGroup === undefined ? p - start : tieGroup[p]);
    let groupStart = start;
    for (let p = start; p < end; p++) {
      if (p > start && group(p) !== group(p - 1)) groupStart = p;
      for (let t = groupStart; t < p; t++) {
        if (group(t) === group(p)) { from.push(order[t], order[p]); to.push(order[p], order[t]); }
      }
      if (p + 1 < end && group(p + 1) !== group(p)) {
        // every member of this group beats every member of the next
        for (let t = groupStart; t <= p; t++) {
          for (let u = p + 1; u < end && group(u) === group(p) + 1; u++) { from.push(order[t]); to.push(order[u]); }
        }
      }
    }
    if (topK !== undefined && topK[r] === 1 && end - start < n) {
      for (let p = start; p < end; p++) listed[order[p]] = 1;
      for (let i = 0; i < n; i++) if (!listed[i]) { from.push(order[end - 1]); to.push(i); }
      for (let p = start; p < end; p++) listed[order[p]] = 0;
    }
  }
  const outside = itemsOutsideLargestComponent(n, Int32Array.from(from), Int32Array.from(to));
  if (outside.length > 0) throw new InputError(message.modelNotIdentified(MODEL, outside.map((i) => rankings.items[i])));
}

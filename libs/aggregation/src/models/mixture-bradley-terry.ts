import { InputError, Rng } from '@persona/core';
import { message } from '../messages.js';
import { collapsePairs } from './collapse-pairs.js';
import { validateJudgedComparisons, type JudgedComparisons } from './judged-comparisons.js';
import { itemsOutsideLargestComponent } from '../graph/strongly-connected.js';

export interface MixtureBradleyTerryOptions {
  /** Number of latent classes K ≥ 1. */
  classes: number;
  /** Random starts; the fit with the highest log-likelihood is kept. Default 10 (K = 1: one start). */
  starts?: number;
  /** Seed of the random starts. Default 0. */
  seed?: number | string;
  /** EM iterations per start. Default 1000. */
  maxIterations?: number;
  /**
   * Converged when the log-likelihood gains less than tolerance · |ℓ| in an iteration.
   * Default 1e-8 (stricter than flexmix's 1e-6 relative default).
   */
  tolerance?: number;
}

export interface MixtureStart {
  readonly logLik: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Log-likelihood after each E-step: non-decreasing (EM ascent property). */
  readonly trace: readonly number[];
}

export interface MixtureBradleyTerryFit {
  readonly classes: number;
  readonly items: readonly string[];
  readonly judges: readonly string[];
  /** Mixing proportions π_k, largest first (classes are ordered by π). */
  readonly mixing: Float64Array;
  /** Log-strengths θ_k of each class, mean zero over items. */
  readonly logStrength: readonly Float64Array[];
  /** Posterior class probabilities, judges × classes, row-major. */
  readonly posterior: Float64Array;
  /** The most probable class of each judge. */
  readonly assignment: Int32Array;
  readonly logLik: number;
  /** Free parameters: K(n − 1) strengths + (K − 1) proportions. */
  readonly parameters: number;
  /** BIC = −2ℓ + parameters · log(number of judges). */
  readonly bic: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Every start, in order, with its log-likelihood trace. */
  readonly starts: readonly MixtureStart[];
}

const MODEL = 'latent-class Bradley–Terry';
/** Inner MM steps per M-step (each raises the expected complete-data log-likelihood). */
const INNER_STEPS = 25;
/** Log-strengths are kept above −FLOOR around the class mean so empty-ish classes stay finite. */
const FLOOR = 50;

/**
 * Latent-class (finite mixture) Bradley–Terry model over judges: each judge g belongs to one of
 * K classes with probabilities π, and all of a judge's comparisons follow Bradley–Terry with
 * that class's strengths, P(i beats j | k) = 1 / (1 + exp(θ_kj − θ_ki)). The likelihood is
 * Π_g Σ_k π_k Π_{c ∈ g} P(c | k) (the judge-level mixture of Dittrich, Hatzinger & Katzenbeisser
 * 1998's latent-class paired-comparison models; McLachlan & Peel 2000, ch. 2).
 *
 * Fitted by EM (Dempster, Laird & Rubin 1977): the E-step gives each judge's posterior class
 * probabilities; the M-step sets π_k to their means and raises each class's weighted
 * Bradley–Terry likelihood by Hunter's (2004) MM steps, so the log-likelihood never falls (a
 * generalised EM; the trace of every start is returned). Several seeded random starts guard
 * against local maxima; classes are reported largest first. θ_k is identified by mean zero.
 * Ties are not modelled.
 *
 * @throws InputError on malformed comparisons, ties, a judge without comparisons, K < 1 or
 *   K > judges, starts < 1, or a pooled comparison graph that is not strongly connected.
 */
export function mixtureBradleyTerry(data: JudgedComparisons, options: MixtureBradleyTerryOptions): MixtureBradleyTerryFit {
  const K = options.classes;
  const startsWanted = options.starts ?? 10;
  validateJudgedComparisons(data, MODEL, false);
  if (!(Number.isInteger(K) && K >= 1)) throw new InputError(message.badClassCount(K), { field: 'classes' });
  if (K > data.judges.length) throw new InputError(message.tooManyClasses(K, data.judges.length), { field: 'classes' });
  if (!(Number.isInteger(startsWanted) && startsWanted >= 1)) throw new InputError(message.badStarts(startsWanted), { field: 'starts' });
  const problem = prepare(data);
  const rng = Rng.fromSeed(options.seed ?? 0).split(`mixture-bt/K=${K}`);
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-8;
  const starts: MixtureStart[] = [];
  let best: EmState | null = null;
  // K = 1 has a single, non-random start (all strengths 0).
  for (let s = 0; s < (K === 1 ? 1 : startsWanted); s++) {
    const state = runEm(problem, K, rng.split(`start=${s}`), maxIterations, tolerance);
    starts.push({ logLik: state.logLik, iterations: state.iterations, converged: state.converged, trace: state.trace });
    if (best === null || state.logLik > best.logLik) best = state;
  }
  return finish(problem, best!, starts, data);
}

interface Problem {
  n: number;
  judges: number;
  /** Rows (judge, unordered pair) grouped by judge: judge g owns rows rowStart[g] … rowStart[g+1] − 1. */
  rowStart: Int32Array;
  pair: Int32Array;
  lowWins: Float64Array;
  highWins: Float64Array;
  /** Unique unordered pairs. */
  pairLow: Int32Array;
  pairHigh: Int32Array;
}

interface EmState {
  theta: Float64Array[];
  mixing: Float64Array;
  posterior: Float64Array;
  logLik: number;
  iterations: number;
  converged: boolean;
  trace: number[];
}

function prepare(data: JudgedComparisons): Problem {
  const n = data.items.length;
  const winners = data.first.map((a, e) => (data.outcome[e] === 0 ? a : data.second[e]));
  const losers = data.first.map((a, e) => (data.outcome[e] === 0 ? data.second[e] : a));
  const outside = itemsOutsideLargestComponent(n, winners, losers);
  if (outside.length > 0) throw new InputError(message.modelNotIdentified(MODEL, outside.map((i) => data.items[i])));
  const rows = collapsePairs(data, data.judge);
  const judges = data.judges.length;
  const rowStart = new Int32Array(judges + 1);
  for (const g of rows.group) rowStart[g + 1]++;
  for (let g = 0; g < judges; g++) rowStart[g + 1] += rowStart[g];
  const fill = rowStart.slice(0, judges);
  const m = rows.low.length;
  const pair = new Int32Array(m);
  const lowWins = new Float64Array(m);
  const highWins = new Float64Array(m);
  const pairId = new Map<number, number>();
  const pairLow: number[] = [];
  const pairHigh: number[] = [];
  for (let r = 0; r < m; r++) {
    const key = rows.low[r] * n + rows.high[r];
    let id = pairId.get(key);
    if (id === undefined) {
      id = pairLow.length;
      pairId.set(key, id);
      pairLow.push(rows.low[r]);
      pairHigh.push(rows.high[r]);
    }
    const slot = fill[rows.group[r]]++;
    pair[slot] = id;
    lowWins[slot] = rows.lowWins[r];
    highWins[slot] = rows.total[r] - rows.lowWins[r];
  }
  return { n, judges, rowStart, pair, lowWins, highWins, pairLow: Int32Array.from(pairLow), pairHigh: Int32Array.from(pairHigh) };
}

function runEm(problem: Problem, K: number, rng: Rng, maxIterations: number, tolerance: number): EmState {
  const { n, judges } = problem;
  const theta = Array.from({ length: K }, () => {
    const t = new Float64Array(n);
    if (K > 1) for (let i = 0; i < n; i++) t[i] = rng.normal();
    return t;
  });
  const mixing = new Float64Array(K).fill(1 / K);
  const posterior = new Float64Array(judges * K);
  const trace: number[] = [];
  let logLik = -Infinity;
  let converged = false;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const next = eStep(problem, theta, mixing, posterior);
    trace.push(next);
    const gain = next - logLik;
    logLik = next;
    if (gain <= tolerance * Math.abs(next)) {
      converged = true;
      break;
    }
    mStep(problem, theta, mixing, posterior);
  }
  return { theta, mixing, posterior, logLik, iterations, converged, trace };
}

/** Fills posterior (judges × K) and returns the observed-data log-likelihood. */
function eStep(problem: Problem, theta: Float64Array[], mixing: Float64Array, posterior: Float64Array): number {
  const K = theta.length;
  const { rowStart, pair, lowWins, highWins, pairLow, pairHigh } = problem;
  const logTerms = new Float64Array(K);
  // log P(low beats high) and log P(high beats low) per class and unique pair
  const pairs = pairLow.length;
  const logLow = new Float64Array(K * pairs);
  const logHigh = new Float64Array(K * pairs);
  for (let k = 0; k < K; k++) {
    const t = theta[k];
    for (let p = 0; p < pairs; p++) {
      const d = t[pairLow[p]] - t[pairHigh[p]];
      logLow[k * pairs + p] = logSigmoid(d);
      logHigh[k * pairs + p] = logSigmoid(-d);
    }
  }
  let total = 0;
  for (let g = 0; g < problem.judges; g++) {
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      const off = k * pairs;
      let l = Math.log(mixing[k]);
      for (let r = rowStart[g]; r < rowStart[g + 1]; r++) {
        if (lowWins[r] > 0) l += lowWins[r] * logLow[off + pair[r]];
        if (highWins[r] > 0) l += highWins[r] * logHigh[off + pair[r]];
      }
      logTerms[k] = l;
      if (l > max) max = l;
    }
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp(logTerms[k] - max);
    const logSum = max + Math.log(sum);
    total += logSum;
    for (let k = 0; k < K; k++) posterior[g * K + k] = Math.exp(logTerms[k] - logSum);
  }
  return total;
}

function mStep(problem: Problem, theta: Float64Array[], mixing: Float64Array, posterior: Float64Array): void {
  const K = theta.length;
  const { n, judges, rowStart, pair, lowWins, highWins, pairLow, pairHigh } = problem;
  const pairs = pairLow.length;
  const wLow = new Float64Array(pairs);
  const wHigh = new Float64Array(pairs);
  const wins = new Float64Array(n);
  const denominator = new Float64Array(n);
  for (let k = 0; k < K; k++) {
    let mass = 0;
    for (let g = 0; g < judges; g++) mass += posterior[g * K + k];
    mixing[k] = mass / judges;
    if (!(mass > 1e-300)) continue;
    wLow.fill(0);
    wHigh.fill(0);
    for (let g = 0; g < judges; g++) {
      const tau = posterior[g * K + k];
      if (tau === 0) continue;
      for (let r = rowStart[g]; r < rowStart[g + 1]; r++) {
        wLow[pair[r]] += tau * lowWins[r];
        wHigh[pair[r]] += tau * highWins[r];
      }
    }
    wins.fill(0);
    for (let p = 0; p < pairs; p++) {
      wins[pairLow[p]] += wLow[p];
      wins[pairHigh[p]] += wHigh[p];
    }
    const t = theta[k];
    const gamma = t.map(Math.exp);
    for (let step = 0; step < INNER_STEPS; step++) {
      denominator.fill(0);
      for (let p = 0; p < pairs; p++) {
        const a = pairLow[p];
        const b = pairHigh[p];
        const share = (wLow[p] + wHigh[p]) / (gamma[a] + gamma[b]);
        denominator[a] += share;
        denominator[b] += share;
      }
      let logMean = 0;
      for (let i = 0; i < n; i++) {
        if (denominator[i] > 0) gamma[i] = wins[i] / denominator[i];
        t[i] = Math.log(gamma[i]);
        logMean += Number.isFinite(t[i]) ? t[i] : 0;
      }
      logMean /= n;
      for (let i = 0; i < n; i++) {
        t[i] = Math.max(t[i] - logMean, -FLOOR);
        gamma[i] = Math.exp(t[i]);
      }
    }
    let mean = 0;
    for (let i = 0; i < n; i++) mean += t[i] / n;
    for (let i = 0; i < n; i++) t[i] -= mean;
  }
}

function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

function finish(problem: Problem, state: EmState, starts: MixtureStart[], data: JudgedComparisons): MixtureBradleyTerryFit {
  const K = state.theta.length;
  const { n, judges } = problem;
  const order = Array.from({ length: K }, (_, k) => k).sort((a, b) => state.mixing[b] - state.mixing[a] || a - b);
  const posterior = new Float64Array(judges * K);
  const assignment = new Int32Array(judges);
  for (let g = 0; g < judges; g++) {
    let bestK = 0;
    order.forEach((k, slot) => {
      posterior[g * K + slot] = state.posterior[g * K + k];
      if (posterior[g * K + slot] > posterior[g * K + bestK]) bestK = slot;
    });
    assignment[g] = bestK;
  }
  const parameters = K * (n - 1) + (K - 1);
  return {
    classes: K,
    items: data.items,
    judges: data.judges,
    mixing: Float64Array.from(order, (k) => state.mixing[k]),
    logStrength: order.map((k) => state.theta[k]),
    posterior,
    assignment,
    logLik: state.logLik,
    parameters,
    bic: -2 * state.logLik + parameters * Math.log(judges),
    iterations: state.iterations,
    converged: state.converged,
    starts,
  };
}

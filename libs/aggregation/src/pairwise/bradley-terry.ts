import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { bradleyTerryPair, evaluateLogLikelihood, parameterLayout, type PairLogLikelihood } from './bradley-terry-likelihood.js';
import type { Comparisons } from './comparisons.js';
import { davidsonPair } from './davidson.js';
import { beatsComponents, pairGraph, type PairGraph } from './graph.js';
import { fitILSR } from './ilsr.js';
import { fitMM } from './mm.js';
import { divergingDirection, orderEffectConfounded, type DivergingDirection } from './mle-existence.js';
import { fitNewton, type IterativeFit } from './newton.js';
import { fitNewtonCG } from './newton-cg.js';
import { raoKupperPair } from './rao-kupper.js';
import { constrainedCovariance } from './standard-errors.js';

export type BradleyTerryMethod = 'mm' | 'ilsr' | 'newton';
export type TieModel = 'none' | 'davidson' | 'rao-kupper';

/** Options of {@link bradleyTerry}. */
export interface BradleyTerryOptions {
  /** Default `newton` (matrix-free Newton–CG for the plain model, dense Newton with ties or an order effect). */
  method?: BradleyTerryMethod;
  /** Default `none`: then the comparisons must have no ties. */
  ties?: TieModel;
  /** Variance of an independent N(0, VAR) prior on each θ (MAP / ridge); default none. */
  prior?: number;
  /** Fit a first-position (home) effect α: d = θ_a − θ_b + α. Needs ordered comparisons. */
  orderEffect?: boolean;
  /** Iteration cap (default 100 for newton, 100,000 for mm and ilsr). */
  maxIter?: number;
  /** Convergence: max relative score ≤ tol (default 1e-10): the largest |score| / information, ≈ the remaining Newton step in log-strength units; see `relativeScore`. */
  tol?: number;
  /**
   * Compute the covariance and standard errors (dense, O(K³)). Default (undefined): computed
   * up to {@link MAX_DENSE_ITEMS} items and skipped above (`se` null, `seOmitted` says why);
   * `true`: required (refused above the limit); `false`: skipped.
   */
  standardErrors?: boolean;
}

/** The result of {@link bradleyTerry}. */
export interface BradleyTerryFit {
  readonly items: readonly string[];
  readonly method: BradleyTerryMethod;
  readonly ties: TieModel;
  /** θ per item, mean zero over items. */
  readonly logStrength: Float64Array;
  /** Standard errors under Σθ = 0 (with a prior: posterior SDs of the centred θ − θ̄, C V Cᵀ); NaN where not identified; null if not computed. */
  readonly se: Float64Array | null;
  /** Why the standard errors were not computed although not declined (more than {@link MAX_DENSE_ITEMS} items). */
  readonly seOmitted?: string;
  /** Covariance of (θ, α, s) (row-major, K × K), θ under Σθ = 0 with and without a prior, or null. */
  readonly covariance: Float64Array | null;
  /** Davidson ν or Rao–Kupper η, when ties are modelled. */
  readonly tieParameter?: number;
  readonly tieParameterSe?: number;
  /** α, when fitted. */
  readonly orderEffect?: number;
  readonly orderEffectSe?: number;
  readonly converged: boolean;
  readonly iterations: number;
  /**
   * Log-likelihood Σ count · log P(outcome) at the estimate (without the prior term). It omits
   * the binomial/multinomial coefficients, so it differs from R's `logLik(BTm(…))` by a
   * constant that depends only on the counts (θ, standard errors and α agree).
   */
  readonly logLik: number;
  readonly maxRelativeScore: number;
  /** 1 where the comparison graph identifies the item without a prior (all items iff strongly connected). */
  readonly identified: Uint8Array;
}

/** Above this many items the dense covariance (8·n² bytes, O(n³) to invert) is skipped by default and refused when required. */
export const MAX_DENSE_ITEMS = 4000;

/** Above this 1-norm condition number the information matrix is taken as numerically singular. */
export const MAX_INFORMATION_CONDITION = 1e12;

const MODELS: Record<TieModel, PairLogLikelihood> = { none: bradleyTerryPair, davidson: davidsonPair, 'rao-kupper': raoKupperPair };

/**
 * Fits the Bradley–Terry model (Bradley & Terry 1952; Zermelo 1929)
 * P(i beats j) = π_i / (π_i + π_j), π = e^θ, with θ identified by **mean zero over
 * items** (BradleyTerry2's `BTm` uses a reference item instead; the two differ by a
 * shift, and the covariances by C V Cᵀ with C = I − 11ᵀ/n).
 *
 * Extensions: ties by Davidson (1970) or Rao & Kupper (1967) with the tie parameter
 * estimated; a first-position (home) effect α as in Agresti (2002, Categorical Data
 * Analysis, §10.6, baseball) and BradleyTerry2's `~ team + at.home`; an N(0, prior)
 * prior on each θ (MAP), which also fits graphs that are not strongly connected.
 * Methods: `mm` (Hunter 2004), `ilsr` (Maystre & Grossglauser 2015), `newton`
 * (truncated Newton–CG on the sparse Laplacian for the plain model; dense Newton, the only
 * method for ties and order effects, fine up to ~2,000 items).
 *
 * Without a prior the MLE exists iff the "beats" graph is strongly connected (Ford
 * 1957; Hunter 2004, Assumption 1); otherwise this throws. With a prior such a graph is
 * fitted, but the standard errors are NaN (CONTRACTS.md: null where the graph does
 * not identify the item; under Σθ = 0 no item is identified then).
 *
 * Ties and an order effect can leave the likelihood without a finite maximum even on a
 * strongly connected graph (e.g. the first-listed item always wins, so α → ∞; or an item that
 * never loses but ties, so its strength and the tie parameter run off together). This is
 * decided exactly before fitting by a recession-direction linear program (see
 * {@link divergingDirection}; HiGHS, loaded on first use) and refused naming the diverging
 * parameters, with `--prior` suggested only when a prior on the strengths would bound them.
 * With an order effect and no prior, α confounded with the strengths (e.g. every pair always
 * meets in the same order) is refused too (see {@link orderEffectConfounded}). The plain model
 * needs no such check: Ford's condition is exact, and a finite MLE however extreme (10¹² wins
 * against 1) is returned. An information matrix with condition number above
 * {@link MAX_INFORMATION_CONDITION} is refused when standard errors are computed.
 *
 * Standard errors are always under Σθ = 0: with a prior, the posterior covariance is
 * centred as C V Cᵀ (see {@link constrainedCovariance}). Above {@link MAX_DENSE_ITEMS} items
 * they are omitted (`se` null, `seOmitted` says why) unless `standardErrors: true` requires them.
 * Asynchronous because the existence check loads the HiGHS solver on first use.
 * @throws {InputError} (as a rejected promise) for bad options, ties without a tie model (or
 *   a tie model without ties), an order effect on unordered comparisons, fewer than 2 items, a
 *   graph that is not strongly connected without a prior, a confounded order effect, a
 *   likelihood without a finite maximum, or standard errors requested above the dense limit.
 */
export async function bradleyTerry(comparisons: Comparisons, options: BradleyTerryOptions = {}): Promise<BradleyTerryFit> {
  const n = comparisons.items.length;
  const ties = options.ties ?? 'none';
  const orderEffect = options.orderEffect ?? false;
  const prior = options.prior ?? Infinity;
  if (!(ties in MODELS)) throw new InputError(message.btUnknownTies(String(ties)), { field: 'ties' });
  if (options.prior !== undefined && !(prior > 0 && Number.isFinite(prior))) throw new InputError(message.btBadPrior(prior), { field: 'prior' });
  if (n < 2) throw new InputError(message.btTooFewItems(n));
  const extended = ties !== 'none' || orderEffect;
  const method = options.method ?? 'newton';
  if (method !== 'mm' && method !== 'ilsr' && method !== 'newton') throw new InputError(message.btUnknownMethod(String(method)), { field: 'method' });
  if (extended && method !== 'newton') throw new InputError(message.btMethodPlainOnly(method), { field: 'method' });
  if (method === 'ilsr' && Number.isFinite(prior)) throw new InputError(message.btIlsrNoPrior(), { field: 'method' });
  if (orderEffect && !comparisons.ordered) throw new InputError(message.btOrderEffectUnordered(), { field: 'order-effect' });
  if (options.standardErrors === true && n > MAX_DENSE_ITEMS) throw new InputError(message.btTooManyForDense(n, MAX_DENSE_ITEMS), { field: 'standardErrors' });
  const seOmitted = options.standardErrors === undefined && n > MAX_DENSE_ITEMS ? message.btSeOmitted(n, MAX_DENSE_ITEMS) : undefined;
  const wantSe = options.standardErrors ?? n <= MAX_DENSE_ITEMS;
  if (extended && n > MAX_DENSE_ITEMS) throw new InputError(message.btExtendedTooLarge(n, MAX_DENSE_ITEMS), { field: 'method' });

  const graph = pairGraph(comparisons, orderEffect);
  if (ties === 'none' && graph.ties > 0) throw new InputError(message.btTiesWithoutModel(graph.ties), { field: 'ties' });
  if (ties !== 'none' && graph.ties === 0) throw new InputError(message.btTieModelWithoutTies(ties), { field: 'ties' });
  const { groups } = beatsComponents(graph, ties !== 'none');
  if (groups.length > 1 && !Number.isFinite(prior)) {
    throw new InputError(message.btNotStronglyConnected(groups.map((g) => g.map((i) => comparisons.items[i]))));
  }
  // Under Σθ = 0 every strength depends on every other: if the graph is not strongly
  // connected, no item is identified without the prior.
  const identified = new Uint8Array(n).fill(groups.length === 1 ? 1 : 0);
  const decisive = sumOf(graph.wins);
  if (ties !== 'none' && decisive === 0) throw new InputError(message.btAllTies(ties), { field: 'ties' });
  if (extended) await checkMaximumExists(graph, ties, orderEffect, Number.isFinite(prior), comparisons.items);

  const model = MODELS[ties];
  const layout = parameterLayout(n, orderEffect, ties !== 'none');
  const x = new Float64Array(layout.size);
  const tieShare = graph.ties / (graph.ties + decisive);
  if (ties === 'davidson') x[layout.tie] = Math.log((2 * tieShare) / (1 - tieShare));
  if (ties === 'rao-kupper') x[layout.tie] = Math.log((1 + tieShare) / (1 - tieShare));
  const maxIter = options.maxIter ?? (method === 'newton' ? 100 : 100_000);
  const control = { prior, maxIter, tol: options.tol ?? 1e-10 };
  let fit: IterativeFit | null;
  if (method === 'mm') fit = fitMM(graph, x, control);
  else if (method === 'ilsr') fit = fitILSR(graph, x, control);
  else if (!extended) fit = fitNewtonCG(graph, x, control);
  else fit = fitNewton(graph, model, layout, x, control, ties === 'rao-kupper' ? (t) => t[layout.tie] > 0 : undefined);
  if (!fit) throw new InputError(message.btSingularInformation());

  const K = layout.size;
  let covariance: Float64Array | null = null;
  if (wantSe) {
    const info = new Float64Array(K * K);
    evaluateLogLikelihood(graph, model, layout, fit.x, prior, new Float64Array(K), info, new Float64Array(6));
    const inverted = constrainedCovariance(info, K, n, !Number.isFinite(prior));
    if (!inverted) throw new InputError(message.btSingularInformation());
    if (!(inverted.condition <= MAX_INFORMATION_CONDITION)) throw new InputError(message.btIllConditioned(inverted.condition));
    covariance = inverted.covariance;
  }
  const sd = (k: number) => (covariance ? Math.sqrt(covariance[k * K + k]) : NaN);
  const se = covariance ? new Float64Array(n) : null;
  if (se) for (let i = 0; i < n; i++) se[i] = identified[i] ? sd(i) : NaN;
  const logLik = evaluateLogLikelihood(graph, model, layout, fit.x, Infinity, null, null, new Float64Array(6));
  const result: BradleyTerryFit = {
    items: comparisons.items,
    method,
    ties,
    logStrength: fit.x.slice(0, n),
    se,
    ...(seOmitted !== undefined ? { seOmitted } : {}),
    covariance,
    converged: fit.converged,
    iterations: fit.iterations,
    logLik,
    maxRelativeScore: fit.maxRelativeScore,
    identified,
    ...(orderEffect ? { orderEffect: fit.x[layout.alpha], orderEffectSe: sd(layout.alpha) } : {}),
    ...(ties !== 'none'
      ? { tieParameter: Math.exp(fit.x[layout.tie]), tieParameterSe: Math.exp(fit.x[layout.tie]) * sd(layout.tie) }
      : {}),
  };
  return result;
}

/**
 * Refuses, exactly, a tie model or order effect whose likelihood has no finite maximiser
 * (see {@link divergingDirection}) or whose order effect is confounded with the strengths.
 * Without a prior, a diverging direction is looked for first over (θ, α, s), then with θ held
 * fixed: if none exists then, a prior on θ would bound the fit and the message says so.
 */
async function checkMaximumExists(graph: PairGraph, ties: TieModel, orderEffect: boolean, hasPrior: boolean, items: readonly string[]): Promise<void> {
  if (!hasPrior) {
    if (orderEffect && orderEffectConfounded(graph)) throw new InputError(message.btSingularInformation());
    const free = await divergingDirection(graph, ties, orderEffect, false);
    if (free === null) return;
    // With θ fixed and no α, the tie parameter cannot run off (see below), so a prior helps.
    const fixed = orderEffect ? await divergingDirection(graph, ties, orderEffect, true) : null;
    const direction = fixed ?? free;
    throw new InputError(message.btNoMaximum(describeDirection(direction, ties, items), fixed === null));
  }
  // With a prior on θ only α and the tie parameter can run off; without α the tie parameter
  // cannot (both ties and decisive outcomes are observed, so its slope rows force σ = 0).
  if (!orderEffect) return;
  const fixed = await divergingDirection(graph, ties, orderEffect, true);
  if (fixed !== null) throw new InputError(message.btNoMaximum(describeDirection(fixed, ties, items), false));
}

/** The parameters a diverging direction moves, in words (the strengths as groups, highest first). */
function describeDirection(direction: DivergingDirection, ties: TieModel, items: readonly string[]): string[] {
  const out: string[] = [];
  const u = direction.strengths;
  if (u !== null) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of u) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    const spread = hi - lo;
    if (spread > 1e-9) {
      const order = Array.from(u.keys()).sort((i, j) => u[j] - u[i] || i - j);
      const groups: string[][] = [];
      let last = Infinity;
      for (const i of order) {
        if (last - u[i] > 1e-7 * spread) groups.push([]);
        groups[groups.length - 1].push(items[i]);
        last = u[i];
      }
      out.push(message.btDivergingStrengths(groups));
    }
  }
  if (Math.abs(direction.orderEffect) > 1e-9) out.push(message.btDivergingOrderEffect(direction.orderEffect > 0));
  // σ ≥ 0 on every diverging direction: Rao–Kupper bounds it, and a Davidson tie row needs 2σ ≥ |δ|.
  if (direction.tie > 1e-9) out.push(message.btDivergingTie(ties === 'davidson' ? 'ν' : 'η'));
  return out;
}

function sumOf(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

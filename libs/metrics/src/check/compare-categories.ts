import { InputError, type Rng } from '@persona/core';
import { kishEffectiveSampleSize, sdrShares } from '@persona/raking';
import { hellingerDistance } from '../distances/hellinger-distance.js';
import { jensenShannonDivergence } from '../distances/jensen-shannon-divergence.js';
import { kullbackLeiblerDivergence } from '../distances/kullback-leibler-divergence.js';
import { maxAbsoluteError } from '../distances/max-absolute-error.js';
import { totalVariationDistance } from '../distances/total-variation-distance.js';
import { message } from '../messages.js';
import { tvdNoiseBand } from '../noise/tvd-noise-band.js';
import { chiSquareGoodnessOfFit } from '../significance/chi-square-goodness-of-fit.js';
import { gTest } from '../significance/g-test.js';
import { absoluteStandardizedMeanDifference, meanAsmd } from '../weights/asmd.js';
import { linearisedShareErrors, type CategorySums } from '../weights/linearised-share-errors.js';
import type { CategoryCheck, VariableCheck } from './check-types.js';

/** One categorical comparison: the sample's rows as codes into `levels`, against target shares. */
export interface CategoricalComparison {
  readonly name: string;
  readonly levels: readonly string[];
  /** codes[row] indexes `levels`. */
  readonly codes: Int32Array;
  /** Target share of each level (summing to 1 over all levels). */
  readonly target: Float64Array;
  /** 1 for a level outside the universe. */
  readonly outside: Uint8Array;
}

export interface ComparisonContext {
  readonly weights?: Float64Array;
  readonly replicateWeights?: readonly ArrayLike<number>[];
  readonly rng: Rng;
  readonly noiseDraws: number;
}

/**
 * Compares a sample's category shares with target shares within the universe:
 * levels marked `outside` are dropped from both sides and the rest renormalised
 * (their share is reported in `notInUniverse`); then every distance, the
 * chi-square and G tests with n_eff (in-universe rows, or their Kish ESS when
 * weighted), the noise band of the TVD, ASMD per category and standard errors
 * of the sample shares (`sdrShares` with replicate weights, else the
 * linearisation of `linearisedShares`: each row its own PSU, with-replacement —
 * survey's `svymean(~factor(v), svydesign(ids = ~1, weights = ~w))`) with the
 * universe as a domain. A category with no rows has share 0 and se 0.
 */
export function compareCategories(c: CategoricalComparison, ctx: ComparisonContext): VariableCheck {
  const { levels, codes, target, outside, name } = c;
  const k = levels.length;
  const w = ctx.weights;
  const sums = categorySums(codes, k, w);
  const { rows, sumW } = sums;
  const inside: number[] = [];
  const niu: string[] = [];
  let wIn = 0, wOut = 0, rowsIn = 0, rowsOut = 0, tIn = 0, tOut = 0;
  for (let j = 0; j < k; j++) {
    if (outside[j]) {
      niu.push(levels[j]);
      wOut += sumW[j];
      rowsOut += rows[j];
      tOut += target[j];
    } else {
      inside.push(j);
      wIn += sumW[j];
      rowsIn += rows[j];
      tIn += target[j];
    }
  }
  if (rowsIn === 0) throw new InputError(message.universeEmpty(name, niu), { field: name });
  if (wIn === 0) throw new InputError(message.universeWeightsZero(name), { field: name });
  if (tIn === 0) throw new InputError(message.targetUniverseEmpty(name, niu), { field: name });
  const m = inside.length;
  const p = new Float64Array(m);
  const pu = new Float64Array(m);
  const q = new Float64Array(m);
  inside.forEach((j, i) => {
    p[i] = sumW[j] / wIn;
    pu[i] = rows[j] / rowsIn;
    q[i] = target[j] / tIn;
  });
  const nEff = w === undefined ? rowsIn : kishEffectiveSampleSize(rowsOut > 0 ? insideWeights(codes, outside, w, rowsIn) : w);
  const chi = chiSquareGoodnessOfFit(p, q, nEff);
  const g = gTest(p, q, nEff);
  const band = tvdNoiseBand(q, nEff, { draws: ctx.noiseDraws, rng: ctx.rng });
  const tvd = totalVariationDistance(p, q);
  const se = shareErrors(codes, outside, inside, sums, ctx);
  const categories: Record<string, CategoryCheck> = {};
  const asmds: (number | null)[] = [];
  const asmdsUnweighted: (number | null)[] = [];
  inside.forEach((j, i) => {
    const asmd = absoluteStandardizedMeanDifference(p[i], q[i]);
    asmds.push(asmd);
    asmdsUnweighted.push(absoluteStandardizedMeanDifference(pu[i], q[i]));
    categories[levels[j]] = {
      sample: p[i],
      target: q[i],
      se: Number.isFinite(se[i]) ? se[i] : null,
      asmd,
      ...(w !== undefined ? { asmdUnweighted: asmdsUnweighted[i] } : {}),
      rows: rows[j],
    };
  });
  return {
    categories,
    tvd,
    hellinger: hellingerDistance(p, q),
    kl: kullbackLeiblerDivergence(p, q),
    js: jensenShannonDivergence(p, q),
    chi2: chi.statistic,
    df: chi.df,
    pValue: chi.pValue,
    gTest: g.statistic,
    gPValue: g.pValue,
    maxAbsError: maxAbsoluteError(p, q),
    noiseTvdP95: band.quantile,
    outsideNoise: tvd > band.quantile,
    nEff,
    rows: rowsIn,
    meanAsmd: meanAsmd(asmds),
    ...(w !== undefined ? { meanAsmdUnweighted: meanAsmd(asmdsUnweighted) } : {}),
    notInUniverse: niu.length === 0 ? null : { categories: niu, sample: (wOut / (wIn + wOut)), target: tOut / (tIn + tOut), rows: rowsOut },
  };
}

/** Rows, Σ w and Σ w² per category, and the rows of positive weight, in one pass. */
function categorySums(codes: Int32Array, k: number, w: Float64Array | undefined): CategorySums {
  const n = codes.length;
  const rows = new Float64Array(k);
  const sumW = new Float64Array(k);
  const sumW2 = new Float64Array(k);
  let positiveRows = n;
  if (w === undefined) {
    for (let i = 0; i < n; i++) rows[codes[i]]++;
    sumW.set(rows);
    sumW2.set(rows);
  } else {
    positiveRows = 0;
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      const x = w[i];
      rows[c]++;
      sumW[c] += x;
      sumW2[c] += x * x;
      if (x > 0) positiveRows++;
    }
  }
  return { rows, sumW, sumW2, positiveRows };
}

/** The weights of the rows inside the universe. */
function insideWeights(codes: Int32Array, outside: Uint8Array, w: Float64Array, rowsIn: number): Float64Array {
  const out = new Float64Array(rowsIn);
  let m = 0;
  for (let i = 0; i < codes.length; i++) if (!outside[codes[i]]) out[m++] = w[i];
  return out;
}

/**
 * Standard errors of the inside categories' shares: with replicate weights,
 * `sdrShares` (successive-difference replication, scale 4/R) over every row with
 * the universe as domain — as R `svymean(~factor(v), subset(svrepdesign(type =
 * "successive-difference", mse = TRUE), d))`, which keeps rows of full-sample
 * weight 0 in the replicates; otherwise the linearisation of `linearisedShares`
 * from the category sums ({@link linearisedShareErrors}).
 */
function shareErrors(codes: Int32Array, outside: Uint8Array, inside: readonly number[], sums: CategorySums, ctx: ComparisonContext): Float64Array {
  const replicates = ctx.replicateWeights;
  if (replicates === undefined || replicates.length === 0) return linearisedShareErrors(sums, inside);
  const weights = ctx.weights ?? new Float64Array(codes.length).fill(1);
  const domain = Uint8Array.from(codes, (c) => (outside[c] ? 0 : 1));
  const estimates = sdrShares({ weights, replicates }, codes, domain);
  return Float64Array.from(inside, (j) => estimates.get(String(j))?.se ?? 0);
}

import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { lpTerms, solveLp } from './highs-solver.js';
import { majorityMatrix } from './majority-matrix.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleSpec } from './rule.js';
import { lotteryResult } from './lottery-result.js';

/** Every maximal lottery of a margin matrix, summarised (see {@link maximalLotteries}). */
export interface MaximalLotteries {
  /** One maximal lottery: the average of the per-candidate maximisers (see {@link maximalLotteries}). */
  readonly lottery: Float64Array;
  /** 1 for each candidate with positive probability in SOME maximal lottery. */
  readonly possible: Uint8Array;
  /** Whether the maximal lottery is unique. */
  readonly unique: boolean;
}

/** Probabilities at or below this are taken as zero (LP solutions are accurate to ~1e-9). */
const ZERO_PROBABILITY = 1e-9;

/**
 * Maximal lotteries (Kreweras 1965; Fishburn 1984, "Probabilistic social choice based on simple
 * voting comparisons"; Brandl, Brandt & Seedig 2016, "Consistent probabilistic social choice"):
 * probability vectors p over candidates with Σ_i p_i M[i][j] ≥ 0 for every candidate j, i.e.
 * the optimal mixed strategies of the symmetric zero-sum game whose payoff matrix is the margin
 * matrix M (M[i*m+j] = weight preferring i to j − weight preferring j to i; the game's value is 0).
 *
 * The optimal set is a polytope, a single point whenever every off-diagonal margin is non-zero
 * with the same parity (Laffond, Laslier & Le Breton 1997), but with even weights or ties it can
 * be larger. So for each candidate i this solves the linear program max p_i s.t.
 * Σ_k p_k M̃[k][j] ≥ 0 (all j), Σ p = 1, p ≥ 0 with HiGHS (M̃ = M scaled by its largest entry):
 * `possible[i]` says whether that maximum is positive (i is in the support of some maximal
 * lottery). `lottery` is the average of the maximisers of the possible candidates — maximal
 * because the optimal set is convex, and its support is exactly the possible candidates, so a
 * relabelling of symmetric candidates gives them equal probability when their maximisers are
 * images of each other. `unique` holds iff no maximiser raises its candidate's probability above
 * `lottery`'s (if two maximal lotteries differ, one puts more mass on some candidate). Entries
 * below 1e-12 are set to 0 and p renormalised; the result is certified:
 * min_j Σ_i p_i M[i][j] ≥ −1e-9·max|M|.
 *
 * @throws Error when HiGHS fails (it cannot for a finite matrix: each LP is feasible and bounded).
 */
export async function maximalLotteries(margins: Float64Array, m: number): Promise<MaximalLotteries> {
  if (margins.length !== m * m) throw new InputError(message.matrixShape(margins.length, m));
  let scale = 0;
  for (let i = 0; i < m * m; i++) {
    if (!Number.isFinite(margins[i])) throw new InputError(message.matrixNotFinite(Math.floor(i / m), i % m));
    scale = Math.max(scale, Math.abs(margins[i]));
  }
  const p = new Float64Array(m);
  if (scale === 0) {
    // every candidate ties with every other: every lottery is maximal; the uniform one is reported
    p.fill(1 / m);
    return { lottery: p, possible: new Uint8Array(m).fill(1), unique: m === 1 };
  }
  const vars = Array.from({ length: m }, (_, i) => `p${i}`);
  const rows: string[] = [];
  const column = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) column[i] = margins[i * m + j] / scale;
    const terms = lpTerms(column, vars);
    if (terms !== '') rows.push(` c${j}: ${terms} >= 0`);
  }
  rows.push(` total: ${vars.join(' + ')} = 1`);
  const constraints = `Subject To\n${rows.join('\n')}\nEnd\n`;
  const possible = new Uint8Array(m);
  const highest = new Float64Array(m);
  let count = 0;
  for (let i = 0; i < m; i++) {
    const solution = await solveLp(`Maximize\n obj: ${vars[i]}\n${constraints}`);
    if ('status' in solution) throw new Error(message.lpFailed('maximal lottery', solution.status));
    highest[i] = solution.values.get(vars[i]) ?? 0;
    if (highest[i] <= ZERO_PROBABILITY) continue;
    possible[i] = 1;
    count++;
    for (let k = 0; k < m; k++) p[k] += solution.values.get(vars[k]) ?? 0;
  }
  let sum = 0;
  for (let i = 0; i < m; i++) {
    p[i] = p[i] / count > 1e-12 ? p[i] : 0;
    sum += p[i];
  }
  for (let i = 0; i < m; i++) p[i] /= sum;
  for (let j = 0; j < m; j++) {
    let payoff = 0;
    for (let i = 0; i < m; i++) payoff += p[i] * margins[i * m + j];
    if (payoff < -1e-9 * scale) throw new Error(message.lpFailed('maximal lottery (certificate)', `payoff ${payoff} against ${j}`));
  }
  let unique = true;
  for (let i = 0; i < m; i++) if (highest[i] > p[i] + ZERO_PROBABILITY) unique = false;
  return { lottery: p, possible, unique };
}

/**
 * One maximal lottery: {@link maximalLotteries}' `lottery` (the average of the per-candidate
 * maximisers, so every candidate in some maximal lottery has positive probability).
 * @example await maximalLottery(new Float64Array([0, 1, -1, -1, 0, 1, 1, -1, 0]), 3) // ≈ [1/3, 1/3, 1/3]
 */
export async function maximalLottery(margins: Float64Array, m: number): Promise<Float64Array> {
  return (await maximalLotteries(margins, m)).lottery;
}

/**
 * The maximal-lottery rule on a profile: {@link maximalLotteries} on the weighted margin matrix
 * (majority-matrix.ts). `lottery` gives each candidate's probability in one maximal lottery (the
 * average of the per-candidate maximisers); `winners` is every candidate with positive
 * probability in SOME maximal lottery (the bipartisan set when the lottery is unique), which is
 * also the support of `lottery`; `unique` says whether the maximal lottery is unique;
 * `ranking` orders candidates by probability in `lottery`.
 */
export async function maximalLotteryResult(profile: Profile): Promise<RuleResult> {
  const { m, margin } = majorityMatrix(profile);
  const result = await maximalLotteries(margin, m);
  return { ...lotteryResult('maximal-lottery', profile.candidates, result.lottery), unique: result.unique };
}

export const maximalLotteryRule: RuleSpec = {
  definition: 'a lottery that no other lottery beats in expected weighted majority margin (Fishburn 1984; LPs via HiGHS); winners are every candidate in the support of some maximal lottery, lottery the average of the per-candidate maximisers, unique:false when several exist (--tiebreak does not apply)',
  kind: 'probabilistic',
  run: (profile) => maximalLotteryResult(profile),
};

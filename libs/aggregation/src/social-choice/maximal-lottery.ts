import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { lpTerms, solveLp } from './highs-solver.js';
import { majorityMatrix } from './majority-matrix.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleSpec } from './rule.js';
import { lotteryResult } from './lottery-result.js';

/**
 * A maximal lottery (Kreweras 1965; Fishburn 1984, "Probabilistic social choice based on simple
 * voting comparisons"; Brandl, Brandt & Seedig 2016, "Consistent probabilistic social choice"):
 * a probability vector p over candidates with Σ_i p_i M[i][j] ≥ 0 for every candidate j, i.e.
 * an optimal mixed strategy of the symmetric zero-sum game whose payoff matrix is the margin
 * matrix M (M[i*m+j] = weight preferring i to j − weight preferring j to i).
 *
 * Solved as the linear program max v s.t. Σ_i p_i M̃[i][j] ≥ v (all j), Σ p = 1, p ≥ 0, with
 * HiGHS (M̃ = M scaled by its largest entry; the game's value is 0). Entries below 1e-12 are
 * set to 0 and p is renormalised. The result is certified: min_j Σ_i p_i M[i][j] ≥ −1e-9·max|M|.
 *
 * Uniqueness: the maximal lottery is unique whenever every off-diagonal margin is non-zero
 * with the same parity, e.g. an odd number of unit-weight voters with strict rankings (Laffond,
 * Laslier & Le Breton 1997); with even weights or ties several maximal lotteries can exist (a
 * convex set) and HiGHS returns one vertex of it — the simplex solution, deterministic for a
 * given input.
 *
 * @throws Error when HiGHS fails (it cannot for a finite matrix: the LP is always feasible and bounded).
 * @example await maximalLottery(new Float64Array([0, 1, -1, -1, 0, 1, 1, -1, 0]), 3) // ≈ [1/3, 1/3, 1/3]
 */
export async function maximalLottery(margins: Float64Array, m: number): Promise<Float64Array> {
  if (margins.length !== m * m) throw new InputError(message.matrixShape(margins.length, m));
  let scale = 0;
  for (let i = 0; i < m * m; i++) {
    if (!Number.isFinite(margins[i])) throw new InputError(message.matrixNotFinite(Math.floor(i / m), i % m));
    scale = Math.max(scale, Math.abs(margins[i]));
  }
  const p = new Float64Array(m);
  if (scale === 0) {
    p.fill(1 / m); // every candidate ties with every other: the uniform lottery is maximal
    return p;
  }
  const vars = Array.from({ length: m }, (_, i) => `p${i}`);
  const rows: string[] = [];
  const column = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < m; i++) column[i] = margins[i * m + j] / scale;
    rows.push(` c${j}: ${lpTerms(column, vars)} - v >= 0`);
  }
  rows.push(` total: ${vars.join(' + ')} = 1`);
  const model = `Maximize\n obj: v\nSubject To\n${rows.join('\n')}\nBounds\n v free\nEnd\n`;
  const solution = await solveLp(model);
  if ('status' in solution) throw new Error(message.lpFailed('maximal lottery', solution.status));
  let sum = 0;
  for (let i = 0; i < m; i++) {
    const x = solution.values.get(vars[i]) ?? 0;
    p[i] = x > 1e-12 ? x : 0;
    sum += p[i];
  }
  for (let i = 0; i < m; i++) p[i] /= sum;
  for (let j = 0; j < m; j++) {
    let payoff = 0;
    for (let i = 0; i < m; i++) payoff += p[i] * margins[i * m + j];
    if (payoff < -1e-9 * scale) throw new Error(message.lpFailed('maximal lottery (certificate)', `payoff ${payoff} against ${j}`));
  }
  return p;
}

/**
 * The maximal-lottery rule on a profile: {@link maximalLottery} on the weighted margin matrix
 * (majority-matrix.ts). `lottery` gives each candidate's probability; `winners` is the support
 * (every candidate with positive probability — the bipartisan set when the lottery is unique);
 * `ranking` orders candidates by probability.
 */
export async function maximalLotteryResult(profile: Profile): Promise<RuleResult> {
  const { m, margin } = majorityMatrix(profile);
  return lotteryResult('maximal-lottery', profile.candidates, await maximalLottery(margin, m));
}

export const maximalLotteryRule: RuleSpec = {
  definition: 'a lottery that no other lottery beats in expected weighted majority margin (Fishburn 1984; LP via HiGHS); winners are its support',
  kind: 'probabilistic',
  run: (profile) => maximalLotteryResult(profile),
};

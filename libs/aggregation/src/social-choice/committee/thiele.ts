import { message } from '../../messages.js';
import { lpNumber, solveLp } from '../highs-solver.js';
import { TIE_TOLERANCE } from '../tolerance.js';
import type { ApprovalElection } from './approval-election.js';

/**
 * Thiele methods (Thiele 1895; Lackner & Skowron 2023, *Multi-Winner Voting with Approval
 * Preferences*): a voter with ℓ approved committee members has utility ω(1) + … + ω(ℓ);
 * the committee maximises the weighted sum of utilities. `omega[ℓ-1]` = ω(ℓ), ℓ = 1..k:
 * PAV ω(ℓ) = 1/ℓ, Chamberlin–Courant ω(1) = 1 and 0 after.
 */
export type ThieleWeights = Float64Array;

/** Σ_g weight_g Σ_{ℓ ≤ |A_g ∩ W|} ω(ℓ) for the committee given as a 0/1 mask. */
export function thieleScore(e: ApprovalElection, member: Uint8Array, omega: ThieleWeights): number {
  let score = 0;
  for (let g = 0; g < e.groups; g++) {
    let u = 0;
    for (let p = e.start[g]; p < e.start[g + 1]; p++) u += member[e.approvals[p]];
    let utility = 0;
    for (let l = 0; l < u && l < omega.length; l++) utility += omega[l];
    score += e.weight[g] * utility;
  }
  return score;
}

/**
 * Sequential Thiele (Lackner & Skowron 2023, "seq-PAV", "greedy CC"): add k candidates
 * one at a time, each maximising the marginal gain Σ_{g ∋ c} weight_g ω(u_g + 1); gains within
 * a relative 1e-10 are ties, broken for the earliest candidate. Returns the selection order.
 */
export function thieleSequential(e: ApprovalElection, k: number, omega: ThieleWeights): Int32Array {
  const u = new Int32Array(e.groups);
  const chosen = new Uint8Array(e.m);
  const gain = new Float64Array(e.m);
  const order = new Int32Array(k);
  const tol = TIE_TOLERANCE * e.totalWeight;
  for (let round = 0; round < k; round++) {
    gain.fill(0);
    for (let g = 0; g < e.groups; g++) {
      const add = u[g] < omega.length ? e.weight[g] * omega[u[g]] : 0;
      if (add === 0) continue;
      for (let p = e.start[g]; p < e.start[g + 1]; p++) gain[e.approvals[p]] += add;
    }
    let best = -1;
    for (let c = 0; c < e.m; c++) if (chosen[c] === 0 && (best < 0 || gain[c] > gain[best] + tol)) best = c;
    chosen[best] = 1;
    order[round] = best;
    for (let g = 0; g < e.groups; g++) {
      for (let p = e.start[g]; p < e.start[g + 1]; p++) if (e.approvals[p] === best) u[g]++;
    }
  }
  return order;
}

/**
 * Swap local search for Thiele methods (Aziz, Elkind, Huang, Lackner, Sánchez-Fernández &
 * Skowron 2018, "On the complexity of extended and proportional justified representation",
 * "ls-PAV"): from `start`, repeatedly make the single swap (c out, d in) that most increases the
 * score, while the increase exceeds `threshold`. With PAV weights and threshold n/k² (n the total
 * weight) the result satisfies EJR (their ls-PAV result) and the search takes polynomially many
 * swaps. Ties between swaps go to the earliest (c, d). Returns the committee mask.
 */
export function thieleLocalSearch(e: ApprovalElection, start: ArrayLike<number>, omega: ThieleWeights, threshold: number): Uint8Array {
  const member = new Uint8Array(e.m);
  for (let i = 0; i < start.length; i++) member[start[i]] = 1;
  const k = start.length;
  const u = new Int32Array(e.groups);
  const om = (l: number): number => (l >= 1 && l <= omega.length ? omega[l - 1] : 0);
  const floor = Math.max(threshold, TIE_TOLERANCE * e.totalWeight);
  const gainIn = new Float64Array(e.m);
  const lossOut = new Float64Array(e.m);
  const cross = new Float64Array(e.m * e.m);
  for (;;) {
    u.fill(0);
    for (let g = 0; g < e.groups; g++) for (let p = e.start[g]; p < e.start[g + 1]; p++) u[g] += member[e.approvals[p]];
    gainIn.fill(0);
    lossOut.fill(0);
    cross.fill(0);
    for (let g = 0; g < e.groups; g++) {
      const w = e.weight[g];
      const up = w * om(u[g] + 1);
      const down = w * om(u[g]);
      const both = up - down;
      for (let p = e.start[g]; p < e.start[g + 1]; p++) {
        const c = e.approvals[p];
        if (member[c] === 1) {
          lossOut[c] += down;
          if (both !== 0) for (let q = e.start[g]; q < e.start[g + 1]; q++) if (member[e.approvals[q]] === 0) cross[c * e.m + e.approvals[q]] += both;
        } else {
          gainIn[c] += up;
        }
      }
    }
    let bestDelta = floor;
    let out = -1;
    let into = -1;
    for (let c = 0; c < e.m; c++) {
      if (member[c] === 0) continue;
      for (let d = 0; d < e.m; d++) {
        if (member[d] === 1) continue;
        const delta = gainIn[d] - lossOut[c] - cross[c * e.m + d];
        if (delta > bestDelta) {
          bestDelta = delta;
          out = c;
          into = d;
        }
      }
    }
    if (out < 0 || k === 0) return member;
    member[out] = 0;
    member[into] = 1;
  }
}

/**
 * Largest enumeration {@link thieleOptimal} does instead of an ILP: exhaustive search when
 * C(m, k) · (voter groups + approvals + m) ≤ this many steps (about 10–20 ms). Small elections are
 * then solved without starting HiGHS, whose set-up, uniqueness check and lexicographic tie
 * search cost up to m + 2 MIP solves (tens to hundreds of ms) even on five candidates.
 */
export const THIELE_EXHAUSTIVE_WORK = 4_000_000;

/** Advances `chosen` (k increasing ids below m) to the next k-subset in lexicographic order; false after the last. */
function nextCombination(chosen: Int32Array, m: number): boolean {
  const k = chosen.length;
  let i = k - 1;
  while (i >= 0 && chosen[i] === m - k + i) i--;
  if (i < 0) return false;
  chosen[i]++;
  for (let j = i + 1; j < k; j++) chosen[j] = chosen[j - 1] + 1;
  return true;
}

/** C(m, k), or Infinity once it exceeds `cap`. */
function binomialCapped(m: number, k: number, cap: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) {
    c = (c * (m - k + i)) / i;
    if (c > cap) return Number.POSITIVE_INFINITY;
  }
  return Math.round(c);
}

/** At most this many tied optimal committees are listed in {@link ThieleOptimum.tied}. */
export const TIED_COMMITTEE_CAP = 10;

/** An optimal Thiele committee and whether it is the only one. */
export interface ThieleOptimum {
  /** The lexicographically first optimal committee (0/1 mask). */
  readonly mask: Uint8Array;
  /** Whether no other committee reaches the optimum (within a relative 1e-10). */
  readonly unique: boolean;
  /**
   * When not unique, optimal committees in lexicographic order, `mask` first: exhaustive search
   * lists up to {@link TIED_COMMITTEE_CAP}; the ILP lists those the solver met (at least two).
   */
  readonly tied: Uint8Array[];
}

/**
 * An optimal Thiele committee by exhaustive search over all C(m, k) committees, in
 * lexicographic order of their sorted member lists; among the committees whose score is within
 * a relative 1e-10 of the optimum it returns the lexicographically first, the same tie-break as
 * the ILP path of {@link thieleOptimal}, and lists up to {@link TIED_COMMITTEE_CAP} of the tied
 * ones. Returns undefined when the search would exceed `maxWork` steps (see
 * {@link THIELE_EXHAUSTIVE_WORK}).
 */
export function thieleExhaustive(e: ApprovalElection, k: number, omega: ThieleWeights, maxWork = THIELE_EXHAUSTIVE_WORK): ThieleOptimum | undefined {
  const perCommittee = e.groups + e.approvals.length + e.m;
  const count = binomialCapped(e.m, k, maxWork / perCommittee);
  if (!Number.isFinite(count)) return undefined;
  const utility = new Float64Array(Math.max(k, omega.length) + 1);
  for (let l = 1; l < utility.length; l++) utility[l] = utility[l - 1] + (l <= omega.length ? omega[l - 1] : 0);
  const member = new Uint8Array(e.m);
  const chosen = Int32Array.from({ length: k }, (_, i) => i);
  const scores = new Float64Array(count);
  let best = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < count; t++) {
    member.fill(0);
    for (let i = 0; i < k; i++) member[chosen[i]] = 1;
    let score = 0;
    for (let g = 0; g < e.groups; g++) {
      let u = 0;
      for (let p = e.start[g]; p < e.start[g + 1]; p++) u += member[e.approvals[p]];
      score += e.weight[g] * utility[u];
    }
    scores[t] = score;
    if (score > best) best = score;
    nextCombination(chosen, e.m);
  }
  const floor = best - TIE_TOLERANCE * e.totalWeight;
  for (let i = 0; i < k; i++) chosen[i] = i;
  const tied: Uint8Array[] = [];
  let ties = 0;
  for (let t = 0; t < count; t++) {
    if (scores[t] >= floor) {
      ties++;
      if (tied.length < TIED_COMMITTEE_CAP) tied.push(maskOfChosen(chosen, e.m));
    }
    nextCombination(chosen, e.m);
  }
  return { mask: tied[0], unique: ties === 1, tied: ties === 1 ? [] : tied };
}

function maskOfChosen(chosen: Int32Array, m: number): Uint8Array {
  const mask = new Uint8Array(m);
  for (let i = 0; i < chosen.length; i++) mask[chosen[i]] = 1;
  return mask;
}

/** Lexicographic order of committees by their sorted member lists (the order of {@link nextCombination}). */
function compareCommittees(a: Uint8Array, b: Uint8Array): number {
  for (let c = 0; c < a.length; c++) if (a[c] !== b[c]) return b[c] - a[c];
  return 0;
}

/**
 * An optimal Thiele committee: by {@link thieleExhaustive} when the election is small enough
 * ({@link THIELE_EXHAUSTIVE_WORK}), otherwise by {@link thieleIlp}. Both return the
 * lexicographically first optimal committee and whether it is unique.
 */
export async function thieleOptimal(e: ApprovalElection, k: number, omega: ThieleWeights): Promise<ThieleOptimum> {
  return thieleExhaustive(e, k, omega) ?? (await thieleIlp(e, k, omega));
}

/**
 * An optimal Thiele committee by integer linear programming (the standard formulation, as in
 * abcvoting's ILP backend): binary x_c, Σ x_c = k; for each voter group
 * continuous y_{g,ℓ} ∈ [0, 1], Σ_ℓ y_{g,ℓ} ≤ Σ_{c ∈ A_g} x_c; maximise Σ weight_g ω(ℓ) y_{g,ℓ}
 * (ω non-increasing, so the y fill in order and need not be integer), solved by HiGHS with
 * `mip_rel_gap` 0. A second solve with the found committee cut off checks that the optimum is
 * unique; if it is not, ties between optimal committees are broken lexicographically: candidates are
 * decided in order, each included when some optimal committee (score within a relative 1e-10 of
 * the optimum, recomputed exactly from the 0/1 solution) contains it and the earlier decisions,
 * which costs up to m further MIP solves. Returns the committee, whether it is unique, and when
 * not the distinct optimal committees the solver met.
 * @throws Error when HiGHS stops without an optimum.
 */
export async function thieleIlp(e: ApprovalElection, k: number, omega: ThieleWeights): Promise<ThieleOptimum> {
  const W = e.totalWeight;
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const xs = Array.from({ length: e.m }, (_, c) => `x${c}`);
  rows.push(` size: ${xs.join(' + ')} = ${k}`);
  for (let g = 0; g < e.groups; g++) {
    const size = e.start[g + 1] - e.start[g];
    const levels = Math.min(size, k, omega.length);
    const ys: string[] = [];
    for (let l = 0; l < levels; l++) {
      if (omega[l] === 0) break;
      const y = `y${g}_${l}`;
      ys.push(y);
      objective.push(`+ ${lpNumber((e.weight[g] / W) * omega[l])} ${y}`);
      bounds.push(` 0 <= ${y} <= 1`);
    }
    if (ys.length === 0) continue;
    const approved: string[] = [];
    for (let p = e.start[g]; p < e.start[g + 1]; p++) approved.push(`- x${e.approvals[p]}`);
    rows.push(` g${g}: ${ys.join(' + ')} ${approved.join(' ')} <= 0`);
  }
  const base = `Maximize\n obj: ${objective.length > 0 ? objective.join(' ') : '0 x0'}\nSubject To\n${rows.join('\n')}\n`;
  const tail = `Bounds\n${bounds.join('\n')}\nBinary\n ${xs.join(' ')}\nEnd\n`;
  const fixed = new Int8Array(e.m).fill(-1);
  const solve = async (extra: string[] = []): Promise<Uint8Array | undefined> => {
    const fixes: string[] = [...extra];
    fixed.forEach((v, c) => {
      if (v >= 0) fixes.push(` f${c}: x${c} = ${v}`);
    });
    const solution = await solveLp(base + (fixes.length > 0 ? `${fixes.join('\n')}\n` : '') + tail);
    if ('status' in solution) {
      if (solution.status === 'Infeasible') return undefined;
      throw new Error(message.lpFailed('Thiele committee', solution.status));
    }
    const member = new Uint8Array(e.m);
    for (let c = 0; c < e.m; c++) member[c] = (solution.values.get(xs[c]) ?? 0) > 0.5 ? 1 : 0;
    return member;
  };
  let current = await solve();
  if (current === undefined) throw new Error(message.lpFailed('Thiele committee', 'Infeasible'));
  const optimum = thieleScore(e, current, omega);
  const tol = TIE_TOLERANCE * W;
  // Usually the optimum is unique: one more solve excluding this committee proves it.
  const inside = xs.filter((_, c) => current![c] === 1);
  const other = await solve([` cut: ${inside.join(' + ')} <= ${k - 1}`]);
  if (other === undefined || thieleScore(e, other, omega) < optimum - tol) return { mask: current, unique: true, tied: [] };
  const met = [current, other];
  let included = 0;
  for (let c = 0; c < e.m && included < k; c++) {
    if (current[c] === 1) {
      fixed[c] = 1;
      included++;
      continue;
    }
    fixed[c] = 1;
    const trial = await solve();
    if (trial !== undefined && thieleScore(e, trial, omega) >= optimum - tol) {
      current = trial;
      met.push(trial);
      included++;
    } else {
      fixed[c] = 0;
    }
  }
  // `current` is the lexicographically first optimum, so it heads the sorted list.
  const tied = met.sort(compareCommittees).filter((mask, i, all) => i === 0 || compareCommittees(all[i - 1], mask) !== 0);
  return { mask: current, unique: false, tied: tied.slice(0, TIED_COMMITTEE_CAP) };
}

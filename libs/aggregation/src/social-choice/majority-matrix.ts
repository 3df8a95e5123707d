import { ballotLevels } from './ballot-levels.js';
import type { Profile } from './profile.js';
import { tieThreshold } from './tolerance.js';

/** Weighted pairwise majority counts of a profile, row-major `m × m`. */
export interface MajorityMatrix {
  readonly m: number;
  /** `support[i*m + j]`: total weight of ballots ranking i strictly above j. */
  readonly support: Float64Array;
  /** `margin[i*m + j] = support[i*m+j] − support[j*m+i]`; exactly 0 when within the tie threshold. */
  readonly margin: Float64Array;
  /** Total weight of all ballots. */
  readonly totalWeight: number;
  /** Differences of weighted totals at most this are ties (see tolerance.ts). */
  readonly tieThreshold: number;
}

const cache = new WeakMap<Profile, MajorityMatrix>();

/**
 * The weighted majority (pairwise) matrix and margin matrix of a profile (Zwicker,
 * "Introduction to the theory of voting", *Handbook of Computational Social Choice*, 2016,
 * the weighted majority graph). Weak orders: a ballot supports i over j when i's level is
 * strictly better; ties and pairs the ballot leaves out contribute to neither. Approval-only
 * ballots count as "approved ≻ not approved". Computed once per profile object (memoised) so
 * that every margin-based rule reuses it.
 *
 * O(n·m²) with branch-free typed-array inner loops, four ballots per pass over the matrix.
 * A strict ranking of every candidate (no ties, none left out) supports exactly one side of
 * each pair, so for those ballots only the upper triangle is accumulated and
 * support(j, i) = their total weight − support(i, j) (half the work); other ballots fill whole
 * rows, skipping the rows of candidates at the bottom level of every ballot in the pass
 * (truncated ballots are cheap).
 */
export function majorityMatrix(profile: Profile): MajorityMatrix {
  const cached = cache.get(profile);
  if (cached !== undefined) return cached;
  const m = profile.candidates.length;
  const support = new Float64Array(m * m);
  const strict: Int32Array[] = [];
  const strictWeight: number[] = [];
  const weak: Int32Array[] = [];
  const weakWeight: number[] = [];
  const seen = new Uint8Array(m);
  let totalWeight = 0;
  let strictTotal = 0;
  for (const ballot of profile.ballots) {
    const levels = ballotLevels(ballot);
    totalWeight += ballot.weight;
    if (isStrictRanking(levels, seen)) {
      strict.push(levels);
      strictWeight.push(ballot.weight);
      strictTotal += ballot.weight;
    } else {
      weak.push(levels);
      weakWeight.push(ballot.weight);
    }
  }
  addStrictRankings(support, m, strict, strictWeight);
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) support[j * m + i] = strictTotal - support[i * m + j];
  addWeakOrders(support, m, weak, weakWeight);
  const threshold = tieThreshold(totalWeight);
  const margin = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      let d = support[i * m + j] - support[j * m + i];
      if (Math.abs(d) <= threshold) d = 0;
      margin[i * m + j] = d;
      margin[j * m + i] = -d;
    }
  }
  const result: MajorityMatrix = { m, support, margin, totalWeight, tieThreshold: threshold };
  cache.set(profile, result);
  return result;
}

/** Whether the levels rank every candidate at a different level (`seen`: m zeros, left zeroed). */
function isStrictRanking(levels: Int32Array, seen: Uint8Array): boolean {
  const m = levels.length;
  let strict = true;
  for (let c = 0; c < m && strict; c++) {
    const l = levels[c];
    if (l >= m || seen[l] === 1) strict = false;
    else seen[l] = 1;
  }
  for (let c = 0; c < m; c++) if (levels[c] < m) seen[levels[c]] = 0;
  return strict;
}

// `(li - lj) >>> 31` is 1 exactly when lj > li (levels are small non-negative integers).

/** Adds strict rankings to the upper triangle of `support` (i < j), four ballots per pass. */
function addStrictRankings(support: Float64Array, m: number, levels: Int32Array[], weight: number[]): void {
  let b = 0;
  for (; b + 4 <= levels.length; b += 4) {
    const [A, B, C, D] = [levels[b], levels[b + 1], levels[b + 2], levels[b + 3]];
    const [wa, wb, wc, wd] = [weight[b], weight[b + 1], weight[b + 2], weight[b + 3]];
    for (let i = 0; i < m; i++) {
      const ai = A[i];
      const bi = B[i];
      const ci = C[i];
      const di = D[i];
      const row = i * m;
      for (let j = i + 1; j < m; j++) {
        support[row + j] += wa * ((ai - A[j]) >>> 31) + wb * ((bi - B[j]) >>> 31) + wc * ((ci - C[j]) >>> 31) + wd * ((di - D[j]) >>> 31);
      }
    }
  }
  for (; b < levels.length; b++) {
    const L = levels[b];
    const w = weight[b];
    for (let i = 0; i < m; i++) {
      const li = L[i];
      const row = i * m;
      for (let j = i + 1; j < m; j++) support[row + j] += w * ((li - L[j]) >>> 31);
    }
  }
}

/**
 * Adds weak orders to every cell of `support`, four ballots per pass; a row is skipped when the
 * candidate is at the bottom level of all four ballots, as nothing lies below it.
 */
function addWeakOrders(support: Float64Array, m: number, levels: Int32Array[], weight: number[]): void {
  let b = 0;
  for (; b + 4 <= levels.length; b += 4) {
    const [A, B, C, D] = [levels[b], levels[b + 1], levels[b + 2], levels[b + 3]];
    const [wa, wb, wc, wd] = [weight[b], weight[b + 1], weight[b + 2], weight[b + 3]];
    const [ba, bb, bc, bd] = [bottomLevel(A), bottomLevel(B), bottomLevel(C), bottomLevel(D)];
    for (let i = 0; i < m; i++) {
      const ai = A[i];
      const bi = B[i];
      const ci = C[i];
      const di = D[i];
      if (ai === ba && bi === bb && ci === bc && di === bd) continue;
      const row = i * m;
      for (let j = 0; j < m; j++) {
        support[row + j] += wa * ((ai - A[j]) >>> 31) + wb * ((bi - B[j]) >>> 31) + wc * ((ci - C[j]) >>> 31) + wd * ((di - D[j]) >>> 31);
      }
    }
  }
  for (; b < levels.length; b++) {
    const L = levels[b];
    const w = weight[b];
    const bottom = bottomLevel(L);
    for (let i = 0; i < m; i++) {
      const li = L[i];
      if (li === bottom) continue;
      const row = i * m;
      for (let j = 0; j < m; j++) support[row + j] += w * ((li - L[j]) >>> 31);
    }
  }
}

function bottomLevel(levels: Int32Array): number {
  let bottom = 0;
  for (let c = 0; c < levels.length; c++) if (levels[c] > bottom) bottom = levels[c];
  return bottom;
}

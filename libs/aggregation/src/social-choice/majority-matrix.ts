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
 * §2.2: the weighted majority graph). Weak orders: a ballot supports i over j when i's level is
 * strictly better; ties and pairs the ballot leaves out contribute to neither. Approval-only
 * ballots count as "approved ≻ not approved". Computed once per profile object (memoised) so
 * that every margin-based rule reuses it; O(n·m²) with a branch-free inner loop that skips
 * each ballot's bottom level.
 */
export function majorityMatrix(profile: Profile): MajorityMatrix {
  const cached = cache.get(profile);
  if (cached !== undefined) return cached;
  const m = profile.candidates.length;
  const support = new Float64Array(m * m);
  let totalWeight = 0;
  for (const ballot of profile.ballots) {
    const w = ballot.weight;
    totalWeight += w;
    const levels = ballotLevels(ballot);
    let bottom = 0;
    for (let c = 0; c < m; c++) if (levels[c] > bottom) bottom = levels[c];
    for (let i = 0; i < m; i++) {
      const li = levels[i];
      if (li === bottom) continue;
      const row = i * m;
      // (li - lj) >>> 31 is 1 exactly when lj > li (levels are small non-negative integers).
      for (let j = 0; j < m; j++) support[row + j] += w * ((li - levels[j]) >>> 31);
    }
  }
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

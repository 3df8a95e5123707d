import { Rng } from '@persona/core';
import { message } from '../messages.js';
import { majorityMatrix, type MajorityMatrix } from './majority-matrix.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleOptions, RuleSpec, TieBreak } from './rule.js';
import { names, rankingFromDominance } from './score-ranking.js';

/** Search states explored, at most, when looking for every winner over all tie-breaking orders. */
export const RANKED_PAIRS_STATE_CAP = 50_000;

/**
 * The locked graph's transitive closure as bitsets: `reach` row a has bit b when a reaches b
 * (a reaches itself), `from` row b has bit a when a reaches b. Locking x → y updates only the
 * pairs it adds (incremental transitive closure, Italiano, "Amortized efficiency of a path
 * retrieval data structure", *TCS* 48, 1986): O(m³/32) over the whole run.
 */
class Closure {
  readonly words: number;
  constructor(
    readonly m: number,
    readonly reach: Uint32Array,
    readonly from: Uint32Array,
  ) {
    this.words = (m + 31) >>> 5;
  }

  static empty(m: number): Closure {
    const words = (m + 31) >>> 5;
    const closure = new Closure(m, new Uint32Array(m * words), new Uint32Array(m * words));
    for (let c = 0; c < m; c++) {
      closure.reach[c * words + (c >>> 5)] |= 1 << (c & 31);
      closure.from[c * words + (c >>> 5)] |= 1 << (c & 31);
    }
    return closure;
  }

  clone(): Closure {
    return new Closure(this.m, this.reach.slice(), this.from.slice());
  }

  reaches(a: number, b: number): boolean {
    return (this.reach[a * this.words + (b >>> 5)] & (1 << (b & 31))) !== 0;
  }

  /** Adds x → y; the caller has checked that y does not reach x. */
  lock(x: number, y: number): void {
    if (this.reaches(x, y)) return;
    const { words, reach, from } = this;
    const fx = x * words;
    const fy = y * words;
    const ry = y * words;
    for (let w = 0; w < words; w++) {
      // a reaches x but not y: everything y reaches becomes reachable from a.
      let bits = from[fx + w] & ~from[fy + w];
      while (bits !== 0) {
        const low = bits & -bits;
        const a = (w << 5) + (31 - Math.clz32(low));
        bits ^= low;
        const ra = a * words;
        for (let v = 0; v < words; v++) {
          let added = reach[ry + v] & ~reach[ra + v];
          if (added === 0) continue;
          reach[ra + v] |= added;
          while (added !== 0) {
            const lowB = added & -added;
            const b = (v << 5) + (31 - Math.clz32(lowB));
            added ^= lowB;
            from[b * words + (a >>> 5)] |= 1 << (a & 31);
          }
        }
      }
    }
  }

  /** Candidates no other candidate reaches (the locked graph's sources). */
  sources(): number[] {
    const out: number[] = [];
    for (let c = 0; c < this.m; c++) {
      let count = 0;
      for (let w = 0; w < this.words; w++) count += popcount(this.from[c * this.words + w]);
      if (count === 1) out.push(c);
    }
    return out;
  }

  /** For each candidate, how many others it reaches. */
  reachedCounts(): Int32Array {
    const out = new Int32Array(this.m);
    for (let c = 0; c < this.m; c++) {
      let count = 0;
      for (let w = 0; w < this.words; w++) count += popcount(this.reach[c * this.words + w]);
      out[c] = count - 1;
    }
    return out;
  }

  key(): string {
    return Array.prototype.join.call(this.reach, ',');
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Pairs with a positive margin, grouped by equal margin (within the tie threshold), largest first. */
function majorityGroups(matrix: MajorityMatrix): Int32Array[] {
  const { m, margin, tieThreshold } = matrix;
  const pairs: number[] = [];
  for (let i = 0; i < m * m; i++) if (margin[i] > 0) pairs.push(i);
  pairs.sort((a, b) => margin[b] - margin[a] || a - b);
  const groups: Int32Array[] = [];
  let start = 0;
  for (let k = 1; k <= pairs.length; k++) {
    if (k === pairs.length || margin[pairs[k]] < margin[pairs[start]] - tieThreshold) {
      groups.push(Int32Array.from(pairs.slice(start, k)));
      start = k;
    }
  }
  return groups;
}

/** Whether the closure plus all `edges` (each fine alone) stays acyclic. */
function jointlyAcyclic(closure: Closure, edges: readonly number[]): boolean {
  const m = closure.m;
  const nodes = [...new Set(edges.flatMap((e) => [Math.floor(e / m), e % m]))];
  const k = nodes.length;
  const adjacent = (u: number, v: number) =>
    u !== v && (closure.reaches(nodes[u], nodes[v]) || edges.includes(nodes[u] * m + nodes[v]));
  const state = new Uint8Array(k); // 0 new, 1 on path, 2 done
  const visit = (u: number): boolean => {
    state[u] = 1;
    for (let v = 0; v < k; v++) {
      if (!adjacent(u, v)) continue;
      if (state[v] === 1) return false;
      if (state[v] === 0 && !visit(v)) return false;
    }
    state[u] = 2;
    return true;
  };
  for (let u = 0; u < k; u++) if (state[u] === 0 && !visit(u)) return false;
  return true;
}

interface RankedPairsOutcome {
  winners: number[];
  /** Closure counts when the outcome does not depend on the tie-breaking order, else null. */
  above: Int32Array | null;
  complete: boolean;
  explored: number;
}

/** Ranked pairs with one tie-breaking order of candidates (`tieOrder[c]` = position of c). */
function rankedPairsWithOrder(matrix: MajorityMatrix, tieOrder: Int32Array): RankedPairsOutcome {
  const { m, margin } = matrix;
  const pairs: number[] = [];
  for (let i = 0; i < m * m; i++) if (margin[i] > 0) pairs.push(i);
  const groups = majorityGroups(matrix);
  const rank = new Float64Array(m * m);
  groups.forEach((group, g) => {
    for (const e of group) rank[e] = g;
  });
  pairs.sort(
    (a, b) =>
      rank[a] - rank[b] ||
      tieOrder[Math.floor(a / m)] - tieOrder[Math.floor(b / m)] ||
      tieOrder[a % m] - tieOrder[b % m],
  );
  const closure = Closure.empty(m);
  for (const e of pairs) {
    const x = Math.floor(e / m);
    const y = e % m;
    if (!closure.reaches(y, x)) closure.lock(x, y);
  }
  return { winners: closure.sources(), above: closure.reachedCounts(), complete: true, explored: 1 };
}

/**
 * Ranked pairs over every tie-breaking order ("parallel universes" tie-breaking): explores the
 * orders in which equal-margin pairs can be locked, branching only where locking the whole
 * group at once would close a cycle, merging identical states and pruning a branch when all its
 * remaining possible winners (the current sources) are already known (Wang et al., "Practical
 * algorithms for multi-stage voting rules with parallel universes tiebreaking", AAAI 2019).
 * Deciding this set is NP-complete (Brill & Fischer, "The price of neutrality for the ranked
 * pairs method", AAAI 2012), so the search stops after `stateCap` states and says so
 * (`complete: false`).
 */
function rankedPairsAllOrders(matrix: MajorityMatrix, stateCap: number): RankedPairsOutcome {
  const m = matrix.m;
  const groups = majorityGroups(matrix);
  const winners = new Set<number>();
  let above: Int32Array | null = null;
  let branched = false;
  let explored = 0;
  const seen = new Set<string>();
  const stack: { closure: Closure; g: number; pending: number[] | null }[] = [{ closure: Closure.empty(m), g: 0, pending: null }];
  while (stack.length > 0) {
    if (explored >= stateCap) {
      return { winners: [...winners].sort((a, b) => a - b), above: null, complete: false, explored };
    }
    explored++;
    let { closure, g, pending } = stack.pop()!;
    if (winners.size > 0 && closure.sources().every((c) => winners.has(c))) continue;
    for (;;) {
      if (pending === null) {
        if (g === groups.length) break;
        pending = Array.from(groups[g]);
      }
      const c = closure;
      pending = pending.filter((e) => !c.reaches(Math.floor(e / m), e % m) && !c.reaches(e % m, Math.floor(e / m)));
      if (pending.length <= 1 || jointlyAcyclic(closure, pending)) {
        for (const e of pending) closure.lock(Math.floor(e / m), e % m);
        g++;
        pending = null;
        continue;
      }
      branched = true;
      for (const e of pending) {
        const rest = pending.filter((f) => f !== e);
        const child = closure.clone();
        child.lock(Math.floor(e / m), e % m);
        const key = `${g}|${rest.join(',')}|${child.key()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        stack.push({ closure: child, g, pending: rest });
      }
      break;
    }
    if (pending === null && g === groups.length) {
      for (const c of closure.sources()) winners.add(c);
      if (!branched) above = closure.reachedCounts();
    }
  }
  return { winners: [...winners].sort((a, b) => a - b), above: branched ? null : above, complete: true, explored };
}

/**
 * Ranked pairs (Tideman, "Independence of clones as a criterion for voting rules", *Social
 * Choice and Welfare* 4, 1987): take the pairs with a positive weighted margin from the largest
 * margin down and lock each unless it closes a cycle with those already locked; the winners are
 * the locked graph's sources (several only when zero margins leave pairs unlocked).
 *
 * Ties among equal margins (CONTRACTS.md `--tiebreak`):
 * - `none`: every candidate that wins under SOME order of the tied pairs (pref_voting's
 *   `ranked_pairs`), found by a capped search — see `tieSearchComplete`;
 * - `lexicographic` / `random`: the tied pairs are ordered by a tie-breaking ranking of the
 *   candidates (Zavist & Tideman, "Complete independence of clones in the ranked pairs rule",
 *   *Social Choice and Welfare* 6, 1989): the profile's candidate order, or a seeded uniform
 *   permutation; pairs compare by their winner's position, then their loser's.
 *
 * `ranking` (candidates by how many they reach in the locked graph, a weak order extending it)
 * is given when it does not depend on how ties are broken, or when ties are broken.
 * @param stateCap search states explored at most with `none` (default {@link RANKED_PAIRS_STATE_CAP});
 *   when reached, the result has `tieSearchComplete: false`, a `warning`, and the winners found so far.
 */
export function rankedPairs(profile: Profile, tiebreak: TieBreak = 'none', seed = 0, stateCap = RANKED_PAIRS_STATE_CAP): RuleResult {
  const matrix = majorityMatrix(profile);
  const m = matrix.m;
  let outcome: RankedPairsOutcome;
  if (tiebreak === 'none') {
    outcome = rankedPairsAllOrders(matrix, stateCap);
  } else {
    const order = Int32Array.from({ length: m }, (_, c) => c);
    if (tiebreak === 'random') {
      const rng = Rng.fromSeed(seed).split('ranked-pairs');
      for (let i = m - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    const position = new Int32Array(m);
    order.forEach((c, p) => {
      position[c] = p;
    });
    outcome = rankedPairsWithOrder(matrix, position);
  }
  const result: RuleResult = { rule: 'ranked-pairs', winners: names(profile.candidates, outcome.winners) };
  if (outcome.above !== null) result.ranking = rankingFromDominance(profile.candidates, outcome.above);
  if (!outcome.complete) {
    result.tieSearchComplete = false;
    result.warning = message.rankedPairsSearchCapped(outcome.explored);
  }
  return result;
}

export const rankedPairsRule: RuleSpec = {
  definition:
    'lock pairwise majorities from the largest margin down, skipping any that closes a cycle; the top of the locked order wins (Tideman 1987). Equal margins: --tiebreak none gives every winner over all lock orders; lexicographic/random lock them in the Zavist–Tideman TBRC order of pairs (winner\'s position in candidates or a seeded permutation, then the loser\'s), so the winner need not be the earliest tied candidate',
  kind: 'single',
  run: (profile, options: RuleOptions) => rankedPairs(profile, options.tiebreak, options.seed),
};

import type { Rankings } from './plackett-luce-rankings.js';

/**
 * The choice stages of a set of rankings, each a choice among alternatives: the
 * Plackett–Luce model read as a sequence of conditional-logit choices (Luce 1959;
 * Critchlow & Fligner 1991). At each stage the remaining set S (the listed items, or every
 * item for a top-k ranking) offers as alternatives every subset T ⊆ S with 1 ≤ |T| ≤ D, and
 * the next tie group of the ranking is the alternative chosen; stages stop when fewer than
 * two items remain. With D = 1 the alternatives are single items (no ties).
 */
export interface ChoiceStages {
  readonly items: number;
  readonly maxTieOrder: number;
  /** Stage s offers alternatives altStart[s] … altStart[s+1] − 1. */
  readonly altStart: Int32Array;
  /** Alternative a has members memberStart[a] … memberStart[a+1] − 1 of `members`. */
  readonly memberStart: Int32Array;
  readonly members: Int32Array;
  /** The chosen alternative of each stage (an index into alternatives). */
  readonly chosen: Int32Array;
  readonly weight: Float64Array;
}

/** Expands rankings into {@link ChoiceStages} with tie order at most `maxTieOrder`. */
export function choiceStages(rankings: Rankings, maxTieOrder: number): ChoiceStages {
  const n = rankings.items.length;
  const altStart: number[] = [0];
  const memberStart: number[] = [0];
  const members: number[] = [];
  const chosen: number[] = [];
  const weight: number[] = [];
  const count = rankings.offsets.length - 1;
  const inRanking = new Uint8Array(n);
  for (let r = 0; r < count; r++) {
    const start = rankings.offsets[r];
    const end = rankings.offsets[r + 1];
    const truncated = rankings.topK !== undefined && rankings.topK[r] === 1;
    let remaining: number[];
    if (truncated) {
      remaining = Array.from({ length: n }, (_, i) => i);
    } else {
      remaining = Array.from(rankings.order.subarray(start, end));
    }
    let p = start;
    while (p < end && remaining.length >= 2) {
      const group = rankings.tieGroup === undefined ? -1 : rankings.tieGroup[p];
      let q = p + 1;
      while (q < end && group >= 0 && rankings.tieGroup![q] === group) q++;
      for (let t = p; t < q; t++) inRanking[rankings.order[t]] = 1;
      const chosenSize = q - p;
      const maxSize = Math.min(maxTieOrder, remaining.length);
      let chosenAlt = -1;
      for (let k = 1; k <= maxSize; k++) {
        forEachSubset(remaining, k, (subset) => {
          if (k === chosenSize && subset.every((i) => inRanking[i] === 1)) chosenAlt = memberStart.length - 1;
          for (const i of subset) members.push(i);
          memberStart.push(members.length);
        });
      }
      altStart.push(memberStart.length - 1);
      chosen.push(chosenAlt);
      weight.push(rankings.weight[r]);
      remaining = remaining.filter((i) => inRanking[i] === 0);
      for (let t = p; t < q; t++) inRanking[rankings.order[t]] = 0;
      p = q;
    }
  }
  return {
    items: n,
    maxTieOrder,
    altStart: Int32Array.from(altStart),
    memberStart: Int32Array.from(memberStart),
    members: Int32Array.from(members),
    chosen: Int32Array.from(chosen),
    weight: Float64Array.from(weight),
  };
}

/** Calls `visit` with every k-subset of `set` in lexicographic order of positions. */
function forEachSubset(set: readonly number[], k: number, visit: (subset: number[]) => void): void {
  const index = Array.from({ length: k }, (_, i) => i);
  const n = set.length;
  for (;;) {
    visit(index.map((i) => set[i]));
    let i = k - 1;
    while (i >= 0 && index[i] === n - k + i) i--;
    if (i < 0) return;
    index[i]++;
    for (let j = i + 1; j < k; j++) index[j] = index[j - 1] + 1;
  }
}

/**
 * Log-likelihood of the stages at full parameters θ = (λ_0 … λ_{n−1}, log δ_2 … log δ_D):
 * alternative T has linear predictor log δ_|T| + mean_{i∈T} λ_i (δ_1 = 1), the Davidson–Luce
 * form (Firth, Kosmidis & Turner 2019; Turner et al. 2020, eq. 3). When `gradient` and
 * `information` are given (lengths P and P² with P = n + D − 1) they receive the score and
 * the information (minus the Hessian; observed = expected for this canonical model).
 */
export function stagesLogLik(
  stages: ChoiceStages,
  theta: Float64Array,
  gradient?: Float64Array,
  information?: Float64Array,
): number {
  const n = stages.items;
  const P = n + stages.maxTieOrder - 1;
  const { altStart, memberStart, members, chosen, weight } = stages;
  gradient?.fill(0);
  information?.fill(0);
  let logLik = 0;
  const eta: number[] = [];
  const mean = new Float64Array(P);
  const touched: number[] = [];
  const mark = new Uint8Array(P);
  for (let s = 0; s < chosen.length; s++) {
    const a0 = altStart[s];
    const a1 = altStart[s + 1];
    eta.length = 0;
    let max = -Infinity;
    for (let a = a0; a < a1; a++) {
      const m0 = memberStart[a];
      const size = memberStart[a + 1] - m0;
      let sum = 0;
      for (let t = m0; t < m0 + size; t++) sum += theta[members[t]];
      const e = sum / size + (size > 1 ? theta[n + size - 2] : 0);
      eta.push(e);
      if (e > max) max = e;
    }
    let total = 0;
    for (let a = 0; a < eta.length; a++) total += Math.exp(eta[a] - max);
    const logTotal = max + Math.log(total);
    const w = weight[s];
    logLik += w * (eta[chosen[s] - a0] - logTotal);
    if (gradient === undefined) continue;
    // score: w (x_chosen − Σ_a p_a x_a); information: w (Σ_a p_a x_a x_aᵀ − x̄ x̄ᵀ)
    touched.length = 0;
    for (let a = a0; a < a1; a++) {
      const prob = Math.exp(eta[a - a0] - logTotal);
      const m0 = memberStart[a];
      const size = memberStart[a + 1] - m0;
      const x = 1 / size;
      for (let t = m0; t < m0 + size; t++) {
        const u = members[t];
        if (!mark[u]) { mark[u] = 1; touched.push(u); }
        mean[u] += prob * x;
        if (information !== undefined) {
          for (let v = m0; v < m0 + size; v++) information[u * P + members[v]] += w * prob * x * x;
          if (size > 1) {
            const d = n + size - 2;
            information[u * P + d] += w * prob * x;
            information[d * P + u] += w * prob * x;
          }
        }
      }
      if (size > 1) {
        const d = n + size - 2;
        if (!mark[d]) { mark[d] = 1; touched.push(d); }
        mean[d] += prob;
        if (information !== undefined) information[d * P + d] += w * prob;
      }
      if (a === chosen[s]) {
        for (let t = m0; t < m0 + size; t++) gradient[members[t]] += w * x;
        if (size > 1) gradient[n + size - 2] += w;
      }
    }
    for (const u of touched) {
      gradient[u] -= w * mean[u];
      if (information !== undefined) for (const v of touched) information[u * P + v] -= w * mean[u] * mean[v];
    }
    for (const u of touched) { mean[u] = 0; mark[u] = 0; }
  }
  return logLik;
}

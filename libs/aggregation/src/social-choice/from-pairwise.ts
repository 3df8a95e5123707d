import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { bradleyTerry } from '../pairwise/bradley-terry.js';
import type { Comparisons } from '../pairwise/comparisons.js';
import type { Ballot, Profile } from './profile.js';

/** One row of per-judge paired comparisons (a persona judging two items). */
export interface JudgeComparison {
  readonly judge: string;
  readonly itemA: string;
  readonly itemB: string;
  /** `a`: itemA preferred; `b`: itemB preferred; `tie`. */
  readonly outcome: 'a' | 'b' | 'tie';
  /** Multiplicity (default 1), a positive real. */
  readonly count?: number;
}

export interface PairwiseProfileOptions {
  /**
   * How a judge's comparisons become her weak order:
   * - `copeland` (default): per pair of items the judge compared, the item she preferred more
   *   often wins the pair (equal counts: a tie); score = pairs won − pairs lost; equal scores
   *   share a level;
   * - `bradley-terry`: the judge's own Bradley–Terry fit (pairwise/bradley-terry.ts; Davidson
   *   ties when she reported any) with an N(0, `prior`) ridge prior on each log-strength so that
   *   every judge is fitted even when her comparisons are not strongly connected; items whose
   *   log-strengths differ by less than 1e-6 share a level.
   */
  readonly method?: 'copeland' | 'bradley-terry';
  /** Candidate order of the profile (default: items in order of first appearance). */
  readonly candidates?: readonly string[];
  /** Prior variance of the ridge prior for `bradley-terry` (default 10: weak). */
  readonly prior?: number;
}

/** The profile, the judges in ballot order, and judges whose Bradley–Terry fit did not converge. */
export interface PairwiseProfile {
  readonly profile: Profile;
  readonly judges: string[];
  readonly unconverged: string[];
}

const BT_LEVEL_TOLERANCE = 1e-6;

/**
 * Builds a weighted profile from per-judge paired comparisons (PERSONA, Castricato et al. 2024:
 * each persona judges pairs of responses): one weak-order ballot per judge, weighted by her
 * survey weight `weights[judge]`. A ballot ranks only the items the judge compared; the items she
 * never saw are left out, so (profile convention) they share one level below all she ranked.
 * Judges listed in `weights` without comparisons give no ballot. Ballots follow the judges'
 * order of first appearance in `rows`.
 * Asynchronous because `bradleyTerry` is (it may load the HiGHS solver; see bradley-terry.ts).
 * @throws InputError (as a rejected promise; record = row index) for an unknown item (when `candidates` is given), an
 *   item compared with itself, a bad outcome or count, or a judge without a positive finite weight.
 * @example await profileFromPairwise([{ judge: 'p1', itemA: 'x', itemB: 'y', outcome: 'a' }], { p1: 2 })
 *   // one ballot x > y with weight 2
 */
export async function profileFromPairwise(
  rows: readonly JudgeComparison[],
  weights: Readonly<Record<string, number>>,
  options: PairwiseProfileOptions = {},
): Promise<PairwiseProfile> {
  const method = options.method ?? 'copeland';
  const candidates: string[] = options.candidates !== undefined ? [...options.candidates] : [];
  const itemIndex = new Map(candidates.map((c, i) => [c, i] as const));
  const fixedItems = options.candidates !== undefined;
  const judgeRows = new Map<string, { a: number; b: number; outcome: number; count: number }[]>();
  rows.forEach((row, index) => {
    const item = (name: string, field: string): number => {
      let id = itemIndex.get(name);
      if (id === undefined) {
        if (fixedItems) throw new InputError(message.pairwiseUnknownItem(name), { index, field });
        id = candidates.length;
        candidates.push(name);
        itemIndex.set(name, id);
      }
      return id;
    };
    const a = item(row.itemA, 'item_a');
    const b = item(row.itemB, 'item_b');
    if (a === b) throw new InputError(message.modelSelfComparison(row.itemA), { index, field: 'item_b' });
    const outcome = row.outcome === 'a' ? 0 : row.outcome === 'b' ? 1 : row.outcome === 'tie' ? 2 : -1;
    if (outcome < 0) throw new InputError(message.pairwiseBadOutcome(String(row.outcome)), { index, field: 'outcome' });
    const count = row.count ?? 1;
    if (!(count > 0 && Number.isFinite(count))) throw new InputError(message.modelBadCount(count), { index, field: 'count' });
    const weight = Object.hasOwn(weights, row.judge) ? weights[row.judge] : undefined;
    if (weight === undefined) throw new InputError(message.judgeNoWeight(row.judge), { index, field: 'judge' });
    if (!(weight > 0 && Number.isFinite(weight))) throw new InputError(message.badJudgeWeight(row.judge, weight), { index, field: 'weight' });
    let list = judgeRows.get(row.judge);
    if (list === undefined) judgeRows.set(row.judge, (list = []));
    list.push({ a, b, outcome, count });
  });
  const m = candidates.length;
  const ballots: Ballot[] = [];
  const judges: string[] = [];
  const unconverged: string[] = [];
  for (const [judge, list] of judgeRows) {
    const seen: number[] = [];
    const local = new Int32Array(m).fill(-1);
    for (const r of list) for (const c of [r.a, r.b]) if (local[c] < 0) { local[c] = seen.length; seen.push(c); }
    const scores = method === 'copeland' ? copelandWithin(list, local, seen.length) : undefined;
    let strengths: Float64Array | undefined;
    if (method === 'bradley-terry' && list.every((r) => r.outcome === 2)) {
      // Only ties: no strength can differ (Davidson's model has no finite tie parameter here), so every item she compared is tied.
      strengths = new Float64Array(seen.length);
    } else if (method === 'bradley-terry') {
      const fit = await bradleyTerry(judgeComparisons(list, local, seen, candidates), {
        prior: options.prior ?? 10,
        ties: list.some((r) => r.outcome === 2) ? 'davidson' : 'none',
        method: 'newton',
        standardErrors: false,
      });
      if (!fit.converged) unconverged.push(judge);
      strengths = fit.logStrength;
    }
    const value = scores ?? strengths!;
    const tolerance = method === 'copeland' ? 0.5 : BT_LEVEL_TOLERANCE;
    const order = Array.from({ length: seen.length }, (_, i) => i).sort((x, y) => value[y] - value[x] || seen[x] - seen[y]);
    const levels = new Int32Array(m);
    let level = 0;
    for (let p = 0; p < order.length; p++) {
      if (p > 0 && value[order[p - 1]] - value[order[p]] > tolerance) level++;
      levels[seen[order[p]]] = level;
    }
    for (let c = 0; c < m; c++) if (local[c] < 0) levels[c] = order.length === 0 ? 0 : level + 1;
    ballots.push({ levels, weight: weights[judge] });
    judges.push(judge);
  }
  return { profile: { candidates, ballots }, judges, unconverged };
}

/** Copeland score within one judge: per compared pair, +1 to the item preferred more often, −1 to the other. */
function copelandWithin(list: readonly { a: number; b: number; outcome: number; count: number }[], local: Int32Array, size: number): Float64Array {
  const net = new Map<number, number>(); // key lo*size+hi (local ids), value: (lo preferred) − (hi preferred)
  for (const r of list) {
    const x = local[r.a];
    const y = local[r.b];
    const lo = Math.min(x, y);
    const hi = Math.max(x, y);
    const key = lo * size + hi;
    const sign = r.outcome === 2 ? 0 : (r.outcome === 0) === (x === lo) ? 1 : -1;
    net.set(key, (net.get(key) ?? 0) + sign * r.count);
  }
  const scores = new Float64Array(size);
  for (const [key, d] of net) {
    const lo = Math.floor(key / size);
    const hi = key % size;
    if (d > 0) { scores[lo]++; scores[hi]--; }
    else if (d < 0) { scores[hi]++; scores[lo]--; }
  }
  return scores;
}

/** One judge's comparisons over her own items (local ids), as `Comparisons` for the BT fitter. */
function judgeComparisons(
  list: readonly { a: number; b: number; outcome: number; count: number }[],
  local: Int32Array,
  seen: readonly number[],
  candidates: readonly string[],
): Comparisons {
  return {
    items: seen.map((c) => candidates[c]),
    first: Int32Array.from(list, (r) => local[r.a]),
    second: Int32Array.from(list, (r) => local[r.b]),
    outcome: Uint8Array.from(list, (r) => r.outcome),
    count: Float64Array.from(list, (r) => r.count),
    ordered: true,
  };
}

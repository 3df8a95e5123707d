import { InputError } from '@persona/core';
import { message } from '../messages.js';

/**
 * Rankings in typed arrays (compressed rows). Ranking r lists items `order[offsets[r]] …
 * order[offsets[r+1] − 1]`, best first. Two kinds:
 * - a subset ranking (the default; a full ranking when it lists every item): only the listed
 *   items took part;
 * - a top-k ranking (`topK[r] = 1`): every item was available, the listed ones were chosen
 *   first in that order, and the rest are ranked below them, unordered.
 * `tieGroup` (optional) numbers the tie groups within each ranking, 0, 1, 2, … best first:
 * positions with the same group are tied.
 */
export interface Rankings {
  readonly items: readonly string[];
  readonly offsets: Int32Array;
  readonly order: Int32Array;
  readonly tieGroup?: Int32Array;
  readonly topK?: Uint8Array;
  /** Weight (multiplicity) of each ranking: positive reals. */
  readonly weight: Float64Array;
}

/** One ranking as a weak order, best first: a name, or a list of tied names. */
export type RankingList = readonly (string | readonly string[])[];

/**
 * Builds {@link Rankings} from weak orders written as the `persona aggregate` profile's
 * `ranking` field (an inner list is a tie). `topK[r]` marks top-k rankings.
 *
 * @throws InputError (with the ranking's `index`) for an unknown or repeated item, a ranking
 *   with too few items, a non-positive weight, or ties in a top-k ranking.
 */
export function rankingsFromLists(
  items: readonly string[],
  lists: readonly RankingList[],
  options: { weights?: readonly number[]; topK?: readonly boolean[] } = {},
): Rankings {
  const id = new Map(items.map((name, i) => [name, i]));
  const offsets = new Int32Array(lists.length + 1);
  const order: number[] = [];
  const group: number[] = [];
  const topK = new Uint8Array(lists.length);
  const weight = new Float64Array(lists.length);
  let anyTie = false;
  lists.forEach((list, r) => {
    const seen = new Set<number>();
    list.forEach((element, g) => {
      const names = typeof element === 'string' ? [element] : element;
      if (names.length > 1) anyTie = true;
      for (const name of names) {
        const i = id.get(name);
        if (i === undefined) throw new InputError(message.rankingUnknownItem(name), { index: r, field: 'ranking' });
        if (seen.has(i)) throw new InputError(message.rankingDuplicateItem(name), { index: r, field: 'ranking' });
        seen.add(i);
        order.push(i);
        group.push(g);
      }
    });
    offsets[r + 1] = order.length;
    topK[r] = options.topK?.[r] ? 1 : 0;
    weight[r] = options.weights?.[r] ?? 1;
  });
  const rankings: Rankings = {
    items,
    offsets,
    order: Int32Array.from(order),
    weight,
    topK,
    ...(anyTie ? { tieGroup: Int32Array.from(group) } : {}),
  };
  validateRankings(rankings);
  return rankings;
}

/**
 * Checks a {@link Rankings} value: at least one ranking, item indices in range and not
 * repeated within a ranking, at least 2 items per subset ranking (1 for a top-k ranking of
 * fewer than all items), positive finite weights, well-formed tie groups, and no ties in
 * top-k rankings.
 */
export function validateRankings(rankings: Rankings): void {
  const { items, offsets, order, tieGroup, topK, weight } = rankings;
  const n = items.length;
  const count = offsets.length - 1;
  if (count < 1) throw new InputError(message.noRankings());
  const seen = new Int32Array(n).fill(-1);
  for (let r = 0; r < count; r++) {
    const where = { index: r, field: 'ranking' };
    const start = offsets[r];
    const end = offsets[r + 1];
    const length = end - start;
    const truncated = topK !== undefined && topK[r] === 1 && length < n;
    if (length < (truncated ? 1 : 2)) throw new InputError(message.rankingTooShort(length), where);
    if (!(weight[r] > 0 && Number.isFinite(weight[r]))) throw new InputError(message.badWeight(weight[r]), { index: r, field: 'weight' });
    for (let p = start; p < end; p++) {
      const i = order[p];
      if (!(i >= 0 && i < n)) throw new InputError(message.modelBadItemIndex(i, n), where);
      if (seen[i] === r) throw new InputError(message.rankingDuplicateItem(items[i]), where);
      seen[i] = r;
      if (tieGroup !== undefined) {
        const g = tieGroup[p];
        const previous = p === start ? -1 : tieGroup[p - 1];
        if (g !== previous && g !== previous + 1) throw new InputError(message.rankingTieGroups(), where);
        if (truncated && g === previous) throw new InputError(message.tiesInTopK(), where);
      }
    }
  }
}

import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { Comparisons } from '../pairwise/comparisons.js';

/**
 * Checks a {@link Comparisons} value before a model uses it: equal array lengths, item
 * indices in range, no item compared with itself, positive finite counts, at least one
 * entry, and (unless `allowTies`) no tie outcomes. Throws {@link InputError} naming the
 * entry (`index`) and field.
 */
export function validateComparisons(comparisons: Comparisons, model: string, allowTies: boolean): void {
  const { items, first, second, outcome, count } = comparisons;
  const m = first.length;
  if (m === 0) throw new InputError(message.modelNoComparisons(model));
  for (const [field, array] of [['second', second], ['outcome', outcome], ['count', count]] as const) {
    if (array.length !== m) throw new InputError(message.modelArrayLength(field, m, array.length), { field });
  }
  const n = items.length;
  for (let e = 0; e < m; e++) {
    const a = first[e];
    const b = second[e];
    if (!(a >= 0 && a < n)) throw new InputError(message.modelBadItemIndex(a, n), { index: e, field: 'first' });
    if (!(b >= 0 && b < n)) throw new InputError(message.modelBadItemIndex(b, n), { index: e, field: 'second' });
    if (a === b) throw new InputError(message.modelSelfComparison(items[a]), { index: e, field: 'second' });
    const c = count[e];
    if (!(c > 0 && Number.isFinite(c))) throw new InputError(message.modelBadCount(c), { index: e, field: 'count' });
    const o = outcome[e];
    if (o === 2 && !allowTies) throw new InputError(message.modelTiesNotModelled(model), { index: e, field: 'outcome' });
    if (o > 2) throw new InputError(message.modelTiesNotModelled(model), { index: e, field: 'outcome' });
  }
}

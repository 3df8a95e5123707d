import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { Comparisons } from '../pairwise/comparisons.js';
import { validateComparisons } from './validate-comparisons.js';

/**
 * Paired comparisons with the judge (persona) who made each entry: `judge[e]` indexes
 * `judges`. An entry's count is the number of times that judge made that comparison.
 */
export interface JudgedComparisons extends Comparisons {
  readonly judge: Int32Array;
  readonly judges: readonly string[];
}

/**
 * Checks the comparisons (see {@link validateComparisons}) and the judge column: one judge
 * index per entry, in range, and every listed judge with at least one comparison. Returns
 * the number of entries per judge.
 */
export function validateJudgedComparisons(data: JudgedComparisons, model: string, allowTies: boolean): Int32Array {
  validateComparisons(data, model, allowTies);
  const m = data.first.length;
  if (data.judge.length !== m) throw new InputError(message.judgeLength(m, data.judge.length), { field: 'judge' });
  const k = data.judges.length;
  const entries = new Int32Array(k);
  for (let e = 0; e < m; e++) {
    const g = data.judge[e];
    if (!(g >= 0 && g < k)) throw new InputError(message.badJudgeIndex(g, k), { index: e, field: 'judge' });
    entries[g]++;
  }
  for (let g = 0; g < k; g++) {
    if (entries[g] === 0) throw new InputError(message.judgeWithoutComparisons(data.judges[g]), { field: 'judge' });
  }
  return entries;
}

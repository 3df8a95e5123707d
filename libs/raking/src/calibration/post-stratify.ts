import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { encodeVariable, type CategoricalVariable } from '../cells/categorical-variable.js';
import { collapseCells, expandCellRatios } from '../cells/collapse-cells.js';
import type { InputSource } from '../margins/input-source.js';
import { checkBaseWeights } from '../weights/base-weights.js';

/** One post-stratum: a category of every variable (in `variables` order) and its population count. */
export interface PostStratum {
  readonly key: readonly string[];
  readonly target: number;
}

export interface PostStratifyInput {
  /** The variables whose full cross-classification forms the post-strata. */
  readonly variables: readonly CategoricalVariable[];
  readonly baseWeights?: ArrayLike<number>;
  /** Every cell of the cross-classification that occurs in the sample needs a target (0 drops its rows). */
  readonly strata: readonly PostStratum[];
  readonly source?: InputSource;
}

/**
 * Post-stratification (Holt & Smith 1979; Lohr, Sampling: Design and Analysis,
 * §4.4; R's `survey::postStratify`): within each cell of the full
 * cross-classification of `variables`, scales the base weights so that they
 * sum to the cell's population count: w_i = d_i · N_h / Σ_{i∈h} d_i. Exact, no
 * iteration. Returns one weight per row in row order.
 * @throws {InputError} for a sample cell without target, a positive target no
 *   row with positive weight can reach, a duplicate or malformed stratum key, or bad base weights.
 */
export function postStratify(input: PostStratifyInput): Float64Array {
  const source = input.source ?? {};
  if (input.variables.length === 0) throw new InputError(message.noVariables(), { file: source.marginsFile });
  const nRows = input.variables[0].values.length;
  const baseWeights = input.baseWeights === undefined ? undefined : checkBaseWeights(input.baseWeights, nRows, source);
  const encoded = input.variables.map((v) => encodeVariable(v, nRows));
  const cells = collapseCells(encoded.map((v) => v.codes), encoded.map((v) => v.levels.length), nRows, baseWeights);
  const k = encoded.length;
  const label = (key: readonly string[]) => encoded.map((v, j) => `${v.name}=${JSON.stringify(key[j])}`).join(' × ');
  const targetOf = new Map<string, number>();
  input.strata.forEach((s, index) => {
    if (s.key.length !== k) throw new InputError(message.postStratumKeyLength(index, s.key.length, k), { file: source.marginsFile, index });
    if (!(typeof s.target === 'number' && s.target >= 0 && Number.isFinite(s.target))) {
      throw new InputError(message.targetNotNumber(label(s.key), '', s.target), { file: source.marginsFile, index });
    }
    const id = JSON.stringify(s.key);
    if (targetOf.has(id)) throw new InputError(message.postStratumDuplicate(label(s.key)), { file: source.marginsFile, index });
    targetOf.set(id, s.target);
  });
  const ratio = new Float64Array(cells.nCells);
  const seen = new Set<string>();
  for (let c = 0; c < cells.nCells; c++) {
    const key = encoded.map((v, j) => v.levels[cells.codes[j][c]]);
    const id = JSON.stringify(key);
    const target = targetOf.get(id);
    if (target === undefined) {
      throw new InputError(message.postStratumWithoutTarget(label(key), cells.firstRow[c]), { file: source.sampleFile });
    }
    if (cells.weight[c] > 0) {
      ratio[c] = target / cells.weight[c];
      seen.add(id);
    }
  }
  for (const s of input.strata) {
    if (s.target > 0 && !seen.has(JSON.stringify(s.key))) {
      throw new InputError(message.postStratumNotInSample(label(s.key), s.target), { file: source.marginsFile });
    }
  }
  return expandCellRatios(cells, ratio, baseWeights);
}

import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { alignTargets } from '../margins/align-targets.js';
import { checkTotalsAgree } from '../margins/check-totals.js';
import type { InputSource } from '../margins/input-source.js';
import type { MarginTargets } from '../margins/margin-targets.js';
import { checkBaseWeights } from '../weights/base-weights.js';
import { encodeVariable, type CategoricalVariable, type EncodedVariable } from './categorical-variable.js';
import { collapseCells, type Cells } from './collapse-cells.js';

/** What raking and calibration take: the sample's categorical variables, base weights and margin targets. */
export interface WeightingInput {
  /** The variables to weight on, one value per row; each needs a block in `targets`. */
  readonly variables: readonly CategoricalVariable[];
  /** Base (design) weights, one per row, finite and ≥ 0; every row weighs 1 when absent. */
  readonly baseWeights?: ArrayLike<number>;
  /** variable → category → population count (see `parseMargins` for the MARGINS.json form). */
  readonly targets: MarginTargets;
  /** Convergence tolerance on every margin cell's relative error (default 1e-6); also the tolerance for margin totals to agree. */
  readonly tol?: number;
  /** Where the inputs came from, for error messages. */
  readonly source?: InputSource;
}

/** A checked weighting problem on collapsed cells. */
export interface WeightingProblem {
  readonly nRows: number;
  readonly variables: readonly EncodedVariable[];
  readonly cells: Cells;
  /** `target[j][code]`: the target of each level of variable j. */
  readonly target: readonly Float64Array[];
  /** Cell weights to start from: the base weight sums, 0 for cells in a category whose target is 0. */
  readonly start: Float64Array;
  readonly baseWeights: Float64Array | undefined;
  /** The population total (the mean of the variables' target sums). */
  readonly total: number;
}

export const DEFAULT_TOL = 1e-6;

/**
 * Encodes and collapses the sample and aligns the targets with its categories.
 * Categories compare as strings. A target of 0 zeroes its rows.
 * @throws {InputError} for bad base weights; a margin variable missing from the sample or a
 *   sample variable without margin; a sample category without target; a positive target no
 *   row can reach (category absent, or only on zero-weight rows); disagreeing margin totals.
 */
export function buildWeightingProblem(input: WeightingInput): WeightingProblem {
  const source = input.source ?? {};
  const tol = input.tol ?? DEFAULT_TOL;
  if (!(tol > 0 && Number.isFinite(tol))) throw new InputError(message.invalidTol(tol), { field: 'tol' });
  const marginWhere = (name?: string) => ({
    file: source.marginsFile,
    ...(name !== undefined ? { field: `margins.${name}` } : {}),
  });
  if (input.variables.length === 0) throw new InputError(message.noVariables(), marginWhere());
  const nRows = input.variables[0].values.length;
  const names = input.variables.map((v) => v.name);
  for (const name of Object.keys(input.targets)) {
    if (!names.includes(name)) throw new InputError(message.variableNotInSample(name, names), marginWhere(name));
  }
  const baseWeights =
    input.baseWeights === undefined ? undefined : checkBaseWeights(input.baseWeights, nRows, source);

  const variables: EncodedVariable[] = [];
  const target: Float64Array[] = [];
  const sums: { name: string; sum: number }[] = [];
  for (const v of input.variables) {
    const block = Object.hasOwn(input.targets, v.name) ? input.targets[v.name] : undefined;
    if (block === undefined) throw new InputError(message.variableWithoutMargin(v.name, Object.keys(input.targets)), marginWhere());
    const encoded = encodeVariable(v, nRows);
    const { target: t, sum } = alignTargets(encoded, block, source);
    variables.push(encoded);
    target.push(t);
    sums.push({ name: v.name, sum });
  }
  checkTotalsAgree(sums, tol, marginWhere());
  const cells = collapseCells(
    variables.map((v) => v.codes),
    variables.map((v) => v.levels.length),
    nRows,
    baseWeights,
  );
  const start = Float64Array.from(cells.weight);
  for (let j = 0; j < variables.length; j++) {
    const cj = cells.codes[j];
    const tj = target[j];
    for (let c = 0; c < cells.nCells; c++) if (tj[cj[c]] === 0) start[c] = 0;
  }
  checkReachable(variables, cells, target, start, marginWhere);
  const total = sums.reduce((s, b) => s + b.sum, 0) / sums.length;
  return { nRows, variables, cells, target, start, baseWeights, total };
}

/** Every positive target needs a cell with positive starting weight in its category. */
function checkReachable(
  variables: readonly EncodedVariable[],
  cells: Cells,
  target: readonly Float64Array[],
  start: Float64Array,
  marginWhere: (name?: string) => object,
): void {
  for (let j = 0; j < variables.length; j++) {
    const reach = new Uint8Array(variables[j].levels.length);
    const cj = cells.codes[j];
    for (let c = 0; c < cells.nCells; c++) if (start[c] > 0) reach[cj[c]] = 1;
    for (let l = 0; l < reach.length; l++) {
      if (target[j][l] > 0 && !reach[l]) {
        throw new InputError(message.targetCategoryNoWeight(variables[j].name, variables[j].levels[l], target[j][l]), marginWhere(variables[j].name));
      }
    }
  }
}

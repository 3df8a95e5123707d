import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { encodeVariable, type CategoricalVariable } from '../cells/categorical-variable.js';
import { DEFAULT_TOL } from '../cells/weighting-problem.js';
import { checkBaseWeights } from '../weights/base-weights.js';
import { alignTargets } from './align-targets.js';
import { checkTotalsAgree } from './check-totals.js';
import type { InputSource } from './input-source.js';
import { readMarginsDocument } from './read-margins-document.js';
import type { MarginTargets } from './margin-targets.js';

/** The columns of a sample as strings (structurally `Table` of `@persona/core`). */
export interface SampleColumns {
  readonly names: readonly string[];
  readonly nRows: number;
  column(name: string): ArrayLike<string>;
  has(name: string): boolean;
}

export interface ParseMarginsOptions {
  /** Base weights of the sample (rows weigh 1 when absent): without `total`, share blocks scale to their sum. */
  readonly baseWeights?: ArrayLike<number>;
  /** Tolerance for count blocks to agree with each other and with `total` (default 1e-6, as `--tol`). */
  readonly tol?: number;
  /** File names for error messages; `marginsFile` is the MARGINS.json path. */
  readonly source?: InputSource;
}

export interface ParsedMargins {
  /** The population total every block was resolved to. */
  readonly total: number;
  /** Where `total` came from: the `total` field, the count blocks (when every block holds counts), or the sample's weighted total (when some block holds shares). */
  readonly totalFrom: 'total' | 'counts' | 'sample';
  /** variable → category → count, in the file's order. */
  readonly targets: MarginTargets;
  /** How each block was read. */
  readonly kinds: Readonly<Record<string, 'shares' | 'counts'>>;
  /** The margin variables as sample columns, ready for `rake`/`calibrate`. */
  readonly variables: CategoricalVariable[];
}

/**
 * Reads the MARGINS.json form of CONTRACTS.md `persona rake` (its structure by
 * `readMarginsDocument`) and checks it against the sample:
 *
 *     { "total": 1000, "margins": { "SEX": { "1": 0.49, "2": 0.51 }, "AGEGRP": { "1": 210, "2": 340, "3": 450 } } }
 *
 * - A block summing to 1 (within 1e-9) holds shares, scaled to `total`. Without
 *   `total`, shares scale to the sample's weighted total (Σ base weights, or the
 *   row count), as the contract says.
 * - Any other block holds counts. Count blocks must agree with each other, and with
 *   `total` when given, within `tol` (relative). Without `total`, when share and
 *   count blocks are mixed, the count blocks' common total must also agree with the
 *   sample's weighted total within `tol`: otherwise the share blocks and the count
 *   blocks describe different populations, no weighting meets both, and the error
 *   says to give `"total"` (rather than raking to a guaranteed non-convergence).
 * - Category keys are compared as strings with the sample's values (`"01"` ≠ `"1"`);
 *   every sample category needs a target (0 drops its rows), and a positive target
 *   needs sample rows.
 * @throws {InputError} naming the margins file and field (or sample file, row and column).
 */
export function parseMargins(json: unknown, sample: SampleColumns, options: ParseMarginsOptions = {}): ParsedMargins {
  const source = options.source ?? {};
  const tol = options.tol ?? DEFAULT_TOL;
  const where = (field?: string) => ({ file: source.marginsFile, ...(field !== undefined ? { field } : {}) });
  const { total: rawTotal, blocks } = readMarginsDocument(json, source);
  for (const b of blocks) {
    if (!sample.has(b.name)) throw new InputError(message.variableNotInSample(b.name, sample.names), where(`margins.${b.name}`));
  }

  const counts = blocks.filter((b) => !b.shares);
  let total: number;
  let totalFrom: ParsedMargins['totalFrom'];
  if (rawTotal !== undefined) {
    checkTotalsAgree([{ name: 'total', sum: rawTotal }, ...counts], tol, where());
    total = rawTotal;
    totalFrom = 'total';
  } else if (counts.length === blocks.length) {
    checkTotalsAgree(counts, tol, where());
    total = counts.reduce((s, b) => s + b.sum, 0) / counts.length;
    totalFrom = 'counts';
  } else {
    total = sampleTotal(sample.nRows, options.baseWeights, source);
    totalFrom = 'sample';
    if (counts.length > 0) {
      checkTotalsAgree(counts, tol, where());
      const countTotal = counts.reduce((s, b) => s + b.sum, 0) / counts.length;
      if (Math.abs(countTotal - total) / total > tol) {
        const shares = blocks.filter((b) => b.shares).map((b) => b.name);
        throw new InputError(message.sharesTotalAmbiguous(shares, counts.map((b) => b.name), countTotal, total, tol), where());
      }
    }
  }

  const targets: Record<string, Record<string, number>> = {};
  const kinds: Record<string, 'shares' | 'counts'> = {};
  const variables: CategoricalVariable[] = [];
  for (const b of blocks) {
    const resolved: Record<string, number> = {};
    for (let k = 0; k < b.categories.length; k++) resolved[b.categories[k]] = b.shares ? b.values[k] * total : b.values[k];
    const variable = { name: b.name, values: sample.column(b.name) };
    alignTargets(encodeVariable(variable, sample.nRows), resolved, source);
    targets[b.name] = resolved;
    kinds[b.name] = b.shares ? 'shares' : 'counts';
    variables.push(variable);
  }
  return { total, totalFrom, targets, kinds, variables };
}

function sampleTotal(nRows: number, baseWeights: ArrayLike<number> | undefined, source: InputSource): number {
  if (baseWeights === undefined) return nRows;
  const w = checkBaseWeights(baseWeights, nRows, source);
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i];
  return s;
}

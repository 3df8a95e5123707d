import { InputError } from '@persona/core';
import { calibrate, parseMargins, rake, rakeTrim, weightSummary, type MarginCellFit, type RakeInput, type WeightSummary } from '@persona/raking';
import { deriveRecodes } from '../inputs/derive-recodes.js';
import type { SampleInput } from '../inputs/load-sample.js';
import type { MarginsInput } from '../inputs/read-margins.js';

/** The weighting methods of `persona rake --method`. */
export const WEIGHTING_METHODS = ['raking', 'linear', 'logit'] as const;
export type WeightingMethod = (typeof WEIGHTING_METHODS)[number];

/** CONTRACTS.md defaults of `persona rake`: raking, tol 1e-6, 1000 iterations. */
export const DEFAULT_FIT: FitOptions = { method: 'raking', maxIter: 1000, tol: 1e-6 };

export interface FitOptions {
  readonly method: WeightingMethod;
  /** Bounds [LO, HI] on weight / base weight; none by default. */
  readonly bounds?: readonly [number, number];
  readonly maxIter: number;
  readonly tol: number;
  /** Absolute caps [LO, HI] on the raked weights (-Infinity/Infinity for none): the rake–trim loop (`rakeTrim`); raking only. */
  readonly trim?: readonly [number, number];
}

export interface FitResult {
  readonly converged: boolean;
  readonly iterations: number;
  readonly maxRelError: number;
  readonly weights: Float64Array;
  readonly summary: WeightSummary;
  /** The population total the margins resolved to. */
  readonly total: number;
  /** Worst-fitting margin cells when not converged. */
  readonly worstCells: readonly MarginCellFit[];
  /** The margin variables, and those derived from census recodes. */
  readonly variables: readonly string[];
  readonly derived: readonly string[];
  /** Calibration only (`calibrate`): rows with a negative weight (GREG) and the range of g = weight / base weight. */
  readonly calibration?: {
    readonly negativeWeights: number;
    /** The base weights' rescaling factor before the bounds apply (as `survey:::grake`; 1 when not rescaled). */
    readonly boundsScale: number;
    /** Range of g = weight / (boundsScale × base weight) over the calibrated rows. */
    readonly gRange: { readonly min: number; readonly max: number };
  };
  /** Trimming (`rakeTrim`): the caps, weights outside them after the first raking, rake → trim rounds, and whether the caps hold. */
  readonly trim?: { readonly lower: number; readonly upper: number; readonly trimmed: number; readonly rounds: number; readonly capsMet: boolean };
}

/**
 * Weights a sample to margins, as `persona rake` does: derives census recodes
 * the margins name but the sample lacks, checks the margins against the
 * sample (`parseMargins`), then rakes (IPF, `rake`) — or, for `linear` and
 * `logit` and whenever bounds are given, calibrates (`calibrate`, Deville &
 * Särndal 1992, as R's `survey::calibrate`); with `trim`, runs the rake–trim
 * loop (`rakeTrim`: R's `survey::trimWeights` with absolute `lower`/`upper`,
 * `strict = TRUE`, then raking again, until the raked weights lie within the caps).
 * @throws {InputError} for any inconsistency between sample and margins, or caps no weighting of the total can meet.
 */
export function fitWeights(sample: SampleInput, margins: MarginsInput, options: FitOptions): FitResult {
  const derived = deriveRecodes(sample.table, margins.variables);
  const source = {
    marginsFile: margins.source,
    sampleFile: sample.table.source,
    weightField: sample.weightColumn,
    lineOf: (row: number) => sample.table.lineOf(row),
  };
  const parsed = parseMargins(margins.document, sample.table, { baseWeights: sample.baseWeights, tol: options.tol, source });
  const input = {
    variables: parsed.variables,
    baseWeights: sample.baseWeights,
    targets: parsed.targets,
    tol: options.tol,
    maxIter: options.maxIter,
    source,
  };
  const calibrated = options.method === 'raking' && options.bounds === undefined ? undefined : calibrate({ ...input, method: options.method, bounds: options.bounds });
  const trimmed = calibrated !== undefined || options.trim === undefined ? undefined : trimRaked(input, options.trim);
  const fit = calibrated ?? trimmed ?? rake(input);
  return {
    converged: fit.converged,
    iterations: fit.iterations,
    maxRelError: fit.maxRelError,
    weights: fit.weights,
    summary: weightSummary(fit.weights),
    total: parsed.total,
    worstCells: fit.worstCells,
    variables: parsed.variables.map((v) => v.name),
    derived,
    ...(calibrated ? { calibration: { negativeWeights: calibrated.negativeWeights, boundsScale: calibrated.boundsScale, gRange: calibrated.gRange } } : {}),
    ...(trimmed
      ? { trim: { lower: trimmed.lower, upper: trimmed.upper, trimmed: trimmed.trimmed, rounds: trimmed.rounds, capsMet: trimmed.capsMet } }
      : {}),
  };
}

/** `rakeTrim` with absolute caps; its errors about the caps (which have no location) name `--trim`. */
function trimRaked(input: RakeInput, [lower, upper]: readonly [number, number]) {
  try {
    return rakeTrim({ ...input, trim: { ...(lower > -Infinity ? { lower } : {}), ...(upper < Infinity ? { upper } : {}), strict: true } });
  } catch (error) {
    if (error instanceof InputError && Object.keys(error.location).length === 0) throw error.at({ field: '--trim' });
    throw error;
  }
}

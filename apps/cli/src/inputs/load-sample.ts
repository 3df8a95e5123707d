import { imputeHotDeck, loadPumsSeed, PUMS_SEED_WEIGHT_MULTIPLIER } from '@persona/census';
import { InputError, readTable } from '@persona/core';
import { message } from '../messages.js';
import { SampleTable } from './sample-table.js';

/** Describes the embedded seed in outputs and messages. */
export const EMBEDDED_SEED = 'embedded ACS 2024 1-year PUMS seed (data/census/acs2024_1yr_person_us_1in100hh.csv)';

/** Seed of the hot-deck imputation that fills the CA/TX rows of the embedded seed (fixed, so defaults are reproducible). */
export const SEED_IMPUTATION_SEED = 1;

/** A sample with its base weights. */
export interface SampleInput {
  readonly table: SampleTable;
  /** Base (design) weights, or undefined when every row weighs 1. */
  readonly baseWeights: Float64Array | undefined;
  /** The column the base weights came from (`PWGTP×100` for the embedded seed). */
  readonly weightColumn: string | undefined;
}

/**
 * Reads `--sample FILE` (CSV, JSONL, JSON or Parquet, gzip allowed) with base
 * weights from `--weight COL` (every row weighs 1 without it); without a
 * file, the embedded national PUMS seed (34,415 persons), its California and
 * Texas rows completed by hot-deck imputation (seed {@link SEED_IMPUTATION_SEED}),
 * weighted by PWGTP × 100 (the seed is a 1-in-100 household sample) unless
 * `--weight` names another column.
 * @throws {InputError} for an unreadable or malformed file, a file without data rows, an unknown weight
 *   column, or a blank or non-numeric weight (naming the row and line).
 */
export async function loadSample(path: string | undefined, weight: string | undefined): Promise<SampleInput> {
  if (path === undefined) {
    const seed = await loadPumsSeed();
    const imputed = imputeHotDeck(seed, { seed: SEED_IMPUTATION_SEED }).table;
    const table = SampleTable.fromPums(imputed, EMBEDDED_SEED);
    if (weight !== undefined) return { table, baseWeights: table.weights(weight), weightColumn: weight };
    const pwgtp = table.weights('PWGTP');
    for (let i = 0; i < pwgtp.length; i++) pwgtp[i] *= PUMS_SEED_WEIGHT_MULTIPLIER;
    return { table, baseWeights: pwgtp, weightColumn: `PWGTP×${PUMS_SEED_WEIGHT_MULTIPLIER}` };
  }
  const table = SampleTable.fromTable(await readTable(path, { required: weight === undefined ? [] : [weight] }));
  if (table.nRows === 0) throw new InputError(message.sampleNoRows(), { file: path });
  return { table, baseWeights: weight === undefined ? undefined : table.weights(weight), weightColumn: weight };
}

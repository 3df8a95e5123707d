import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { JudgedComparisons } from './judged-comparisons.js';
import { mixtureBradleyTerry, type MixtureBradleyTerryFit, type MixtureBradleyTerryOptions } from './mixture-bradley-terry.js';

export interface MixtureSelection {
  /** One fit per K tried, in the order given. */
  readonly fits: readonly MixtureBradleyTerryFit[];
  /** BIC per K tried. */
  readonly bic: readonly { classes: number; bic: number; logLik: number }[];
  /** The K with the smallest BIC (the smaller K on an exact tie). */
  readonly chosen: number;
  readonly best: MixtureBradleyTerryFit;
}

/**
 * Chooses the number of latent classes of {@link mixtureBradleyTerry} by BIC
 * (Schwarz 1978): fits every K in `classes` (default 1…4) with the same seed and starts and
 * keeps the smallest −2ℓ + p log(number of judges).
 *
 * @throws InputError as {@link mixtureBradleyTerry}, or on an empty list of K.
 */
export function selectMixtureClasses(
  data: JudgedComparisons,
  options: Omit<MixtureBradleyTerryOptions, 'classes'> & { classes?: readonly number[] } = {},
): MixtureSelection {
  const ks = options.classes ?? [1, 2, 3, 4];
  if (ks.length === 0) throw new InputError(message.badClassCount(Number.NaN), { field: 'classes' });
  const fits = ks.map((classes) => mixtureBradleyTerry(data, { ...options, classes }));
  let best = fits[0];
  for (const fit of fits) if (fit.bic < best.bic || (fit.bic === best.bic && fit.classes < best.classes)) best = fit;
  return {
    fits,
    bic: fits.map((f) => ({ classes: f.classes, bic: f.bic, logLik: f.logLik })),
    chosen: best.classes,
    best,
  };
}

import { InputError, Rng } from '@persona/core';
import { quantileSorted } from '@persona/raking';
import { message } from '../messages.js';
import { multinomialVariate } from '../sampling/multinomial-variate.js';

export interface NoiseBandOptions {
  /** Number of simulated samples (default 2000). */
  readonly draws?: number;
  /** Seed or generator of the draws (default seed 1). */
  readonly rng?: Rng;
  readonly seed?: number | string;
  /** The quantile reported (default 0.95). */
  readonly level?: number;
}

export interface NoiseBand {
  /** The `level` quantile of the simulated TVDs (R type 7). */
  readonly quantile: number;
  /** The sample size each draw used: n_eff rounded to the nearest integer (at least 1). */
  readonly size: number;
  readonly draws: number;
}

/** Default number of noise draws (CONTRACTS.md `--noise-draws`). */
export const DEFAULT_NOISE_DRAWS = 2000;

/**
 * The sampling-noise band of the total variation distance: how far from the
 * targets q the shares of a simple random sample of n_eff units drawn from q
 * fall, by simulation. Each draw is one Multinomial(round(n_eff), q) sample
 * (sequential conditional binomials, exact); its TVD to q is recorded, and
 * the `level` quantile of the draws (R `quantile(type = 7)`, Hyndman & Fan
 * 1996 definition 7) is returned. n_eff is rounded to the nearest integer
 * (half up, at least 1) because a multinomial needs an integer size; for a
 * weighted sample pass Kish's ESS, so the band is that of an equal-probability
 * sample of the same effective size.
 * @throws {InputError} for invalid draws, level or n_eff.
 */
export function tvdNoiseBand(q: ArrayLike<number>, nEff: number, options: NoiseBandOptions = {}): NoiseBand {
  const draws = options.draws ?? DEFAULT_NOISE_DRAWS;
  if (!(Number.isInteger(draws) && draws >= 1)) throw new InputError(message.invalidNoiseDraws(draws), { field: 'noiseDraws' });
  const level = options.level ?? 0.95;
  if (!(level >= 0 && level <= 1)) throw new InputError(message.invalidLevel(level), { field: 'level' });
  if (!(nEff > 0 && Number.isFinite(nEff))) throw new InputError(message.invalidNEff(nEff));
  const rng = options.rng ?? Rng.fromSeed(options.seed ?? 1);
  const size = Math.max(1, Math.round(nEff));
  const k = q.length;
  const counts = new Int32Array(k);
  const tvds = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    multinomialVariate(rng, size, q, counts);
    let s = 0;
    for (let i = 0; i < k; i++) s += Math.abs(counts[i] / size - q[i]);
    tvds[d] = s / 2;
  }
  tvds.sort();
  return { quantile: quantileSorted(tvds, level), size, draws };
}

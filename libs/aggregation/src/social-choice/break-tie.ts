import { Rng } from '@persona/core';
import type { RuleOptions } from './rule.js';

/**
 * The winner chosen among `tied` (listed in the profile's candidate order) under a
 * `--tiebreak` mode other than `none` (rule.ts {@link TieBreak}): `lexicographic` takes the
 * first, `random` draws uniformly from `Rng.fromSeed(seed).split('tiebreak')`.
 */
export function breakTie(tied: readonly string[], options: Pick<RuleOptions, 'tiebreak' | 'seed'>): string {
  return options.tiebreak === 'random' ? tied[Rng.fromSeed(options.seed).split('tiebreak').int(tied.length)] : tied[0];
}

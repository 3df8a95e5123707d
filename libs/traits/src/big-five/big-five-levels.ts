import { normalCdf } from './normal-cdf.js';

/** PERSONA's five levels, lowest first (FORMAT.md: "Extremely Low / Low / Average / High / Extremely High"). */
export const BIG_FIVE_LEVELS = ['Extremely Low', 'Low', 'Average', 'High', 'Extremely High'] as const;

export type BigFiveLevel = (typeof BIG_FIVE_LEVELS)[number];

/**
 * The level of a score `z` (in SD units of the population metric) given four
 * increasing cut points: `z < cuts[0]` is Extremely Low, `cuts[0] ≤ z < cuts[1]`
 * Low, `cuts[1] ≤ z ≤ cuts[2]` Average, `cuts[2] < z ≤ cuts[3]` High, above
 * Extremely High (the bands are symmetric: a score on a cut goes to the
 * band nearer the mean).
 *
 * The default cuts of data/traits/big-five.json are −1.5, −0.5, 0.5, 1.5 SD:
 * the T-score bands of the NEO PI-R profile sheet (Costa & McCrae 1992,
 * Professional Manual: very low < 35, low 35–44, average 45–55, high 56–65,
 * very high > 65, with T = 50 + 10z), i.e. 6.7 % / 24.2 % / 38.3 % / 24.2 % / 6.7 %
 * of a standard normal population.
 *
 * @example
 * bigFiveLevel(0.7, [-1.5, -0.5, 0.5, 1.5]); // 'High'
 */
export function bigFiveLevel(z: number, cuts: ArrayLike<number>): BigFiveLevel {
  if (z < cuts[0]!) return 'Extremely Low';
  if (z < cuts[1]!) return 'Low';
  if (z <= cuts[2]!) return 'Average';
  if (z <= cuts[3]!) return 'High';
  return 'Extremely High';
}

/**
 * The share of a N(mean, 1) population in each level for `cuts`:
 * Φ(c₁ − μ), Φ(c₂ − μ) − Φ(c₁ − μ), …, 1 − Φ(c₄ − μ) (closed form).
 *
 * @example
 * levelProportions([-1.5, -0.5, 0.5, 1.5]); // [0.0668, 0.2417, 0.3829, 0.2417, 0.0668]
 */
export function levelProportions(cuts: readonly number[], mean = 0): number[] {
  const p = cuts.map((c) => normalCdf(c - mean));
  return [p[0]!, p[1]! - p[0]!, p[2]! - p[1]!, p[3]! - p[2]!, 1 - p[3]!];
}

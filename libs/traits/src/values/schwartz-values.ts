/**
 * Schwartz's ten basic values in their circular order (Schwartz 1992;
 * Schwartz et al. 2012), which is also the order of every value-score array
 * of this library. Their angles on the circle are data (data/traits/schwartz.json).
 */
export const SCHWARTZ_VALUES = [
  'self-direction',
  'stimulation',
  'hedonism',
  'achievement',
  'power',
  'security',
  'conformity',
  'tradition',
  'benevolence',
  'universalism',
] as const;

export type SchwartzValue = (typeof SCHWARTZ_VALUES)[number];

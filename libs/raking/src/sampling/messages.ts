/**
 * Every user-facing message of the sampling and variance-estimation parts of
 * `@persona/raking`, in one place so that tests assert on the text the user sees.
 */
export const samplingMessage = {
  invalidWeight: (value: number) =>
    `invalid weight: expected a finite number > 0. Value: \`${String(value)}\`.`,
  invalidInclusionProbability: (value: number) =>
    `invalid inclusion probability: expected a number in [0, 1]. Value: \`${String(value)}\`.`,
  invalidSampleSize: (n: number) =>
    `invalid sample size: expected a positive integer. Value: \`${String(n)}\`.`,
  sampleSizeExceedsPopulation: (n: number, size: number) =>
    `invalid sample size: ${n} units cannot be drawn without replacement from ${size}.`,
  emptyPopulation: () => 'invalid population: expected at least one unit, got none.',
  lengthMismatch: (what: string, expected: number, actual: number) =>
    `invalid ${what}: expected ${expected} values (one per unit), got ${actual}.`,
  unknownColumn: (column: string, available: readonly string[]) =>
    `Unrecognized column: ${column} (the population has: ${available.slice(0, 40).join(', ')}${available.length > 40 ? ', …' : ''})`,
  unknownStratum: (stratum: string) =>
    `Unrecognized stratum: ${stratum} (it has no unit in the population)`,
  stratumSizeExceeded: (stratum: string, requested: number, size: number) =>
    `invalid allocation: stratum ${stratum} has ${size} units, ${requested} cannot be drawn without replacement.`,
  invalidStratumSize: (stratum: string, requested: number) =>
    `invalid allocation for stratum ${stratum}: expected an integer ≥ 0. Value: \`${String(requested)}\`.`,
  invalidSortKey: (value: number) => `invalid sort key: expected a finite number. Value: \`${String(value)}\`.`,
  noBalancingVariable: () => 'invalid balancing variables: expected at least one column name.',
  balancingColumnLength: (column: number, expected: number, actual: number) =>
    `invalid balancing column ${column}: expected ${expected} values (one per unit), got ${actual}.`,
  noReplicates: () => 'invalid replicate weights: expected at least one replicate weight column.',
  invalidScale: (scale: number) =>
    `invalid replicate variance scale: expected a finite number > 0. Value: \`${String(scale)}\`.`,
  notANumber: (value: string) => `invalid number: expected a finite number. Value: \`${value}\`.`,
  invalidValue: (value: number) => `invalid value: expected a finite number. Value: \`${String(value)}\`.`,
  emptyDomain: () => 'empty domain: the denominator (weighted total of the domain) is 0.',
  lonelyPsu: (stratum: string) =>
    `stratum ${stratum} has a single PSU: its variance cannot be estimated (as survey's options(survey.lonely.psu = "fail")).`,
} as const;

/**
 * Every user-facing message of `@persona/raking` (margins, raking and
 * calibration, trimming, sampling designs, variance estimation), in one place
 * so that tests assert on the same text the user sees. Messages say what was
 * expected and what was found; the location (file, line, field, row index) is
 * added by `InputError`.
 */
const quote = (s: string) => JSON.stringify(s);
/** A value read from JSON, as the user wrote it; a number too large for a double (1e400) parses to ±Infinity. */
const shown = (value: unknown) =>
  typeof value === 'number' && !Number.isFinite(value) && !Number.isNaN(value)
    ? `${value > 0 ? '' : '-'}Infinity: the number in the file is not finite (its magnitude exceeds the largest double, about 1.8e308, as 1e400 does)`
    : (JSON.stringify(value) ?? String(value));
const list = (xs: readonly string[], max = 20) =>
  xs.slice(0, max).map(quote).join(', ') + (xs.length > max ? `, … (${xs.length} in all)` : '');

export const message = {
  // ---- MARGINS.json structure --------------------------------------------------------------
  marginsNotJson: (detail: string) => `expected a JSON document, but it does not parse: ${detail}`,
  marginsNotObject: () => 'expected a JSON object of the form { "total": N, "margins": { "VAR": { "category": target } } }',
  marginsMissing: () => 'expected a "margins" object mapping each variable to { "category": target }',
  marginsEmpty: () => 'expected at least one variable in "margins"',
  blockNotObject: (variable: string) => `expected the margin of ${quote(variable)} to be an object { "category": target }`,
  blockEmpty: (variable: string) => `expected at least one category in the margin of ${quote(variable)}`,
  targetNotNumber: (variable: string, category: string, value: unknown) =>
    `expected the target of ${quote(variable)} = ${quote(category)} to be a finite number ≥ 0, got ${shown(value)}`,
  totalInvalid: (value: unknown) => `expected "total" to be a finite number > 0, got ${shown(value)}`,
  blockSumNotFinite: (variable: string) =>
    `the targets of ${quote(variable)} sum to more than the largest double (about 1.8e308): expected a finite total`,
  duplicateKey: (key: string) => `the key ${quote(key)} appears more than once: expected each key once (JSON would keep only the last value)`,
  blockSumZero: (variable: string) => `the targets of ${quote(variable)} sum to 0: expected a positive total`,
  countTotalsDisagree: (blocks: readonly { name: string; sum: number }[], tol: number) =>
    `margin totals disagree (relative tolerance ${tol}): ${blocks.map((b) => `${b.name} sums to ${b.sum}`).join(', ')}; ` +
    'every margin must describe the same population total (give shares, or counts that add up to the same total)',
  sharesTotalAmbiguous: (shares: readonly string[], counts: readonly string[], countTotal: number, sampleTotal: number, tol: number) =>
    `without "total", the share block${shares.length === 1 ? '' : 's'} ${list(shares)} scale${shares.length === 1 ? 's' : ''} to the sample's weighted total ${sampleTotal}, ` +
    `but the count block${counts.length === 1 ? '' : 's'} ${list(counts)} sum${counts.length === 1 ? 's' : ''} to ${countTotal} ` +
    `(relative tolerance ${tol}): no weighting meets both; add "total": ${countTotal} to the margins file (the population the shares are of)`,

  // ---- margins against the sample -----------------------------------------------------------
  variableNotInSample: (variable: string, available: readonly string[]) =>
    `margin variable ${quote(variable)} is not a column of the sample (the sample has: ${list(available, 40)})`,
  variableWithoutMargin: (variable: string, margins: readonly string[]) =>
    `variable ${quote(variable)} has no margin (the margins give: ${list(margins, 40)})`,
  noVariables: () => 'expected at least one margin variable to rake on',
  columnLength: (variable: string, length: number, expected: number) =>
    `column ${quote(variable)} has ${length} values, expected ${expected} (one per row)`,
  codeOutOfRange: (variable: string, row: number, code: number, nLevels: number) =>
    `coded column ${quote(variable)} has code ${code} at row ${row}, expected an integer in [0, ${nLevels})`,
  sampleCategoryWithoutTarget: (variable: string, category: string, row: number, rows: number, known: readonly string[], hint: string | undefined) =>
    `the sample has ${quote(variable)} = ${quote(category)} (${rows} row${rows === 1 ? '' : 's'}, first at row ${row}) but the margins give no target for it` +
    (hint ? `; ${hint}` : '') +
    `. Margin categories: ${list(known)}. Give it a target (0 drops those rows) or recode the sample`,
  targetCategoryNotInSample: (variable: string, category: string, target: number, hint: string | undefined) =>
    `infeasible: the margins give ${quote(variable)} = ${quote(category)} a target of ${target}, but no sample row has that category, so no weighting can reach it` +
    (hint ? `; ${hint}` : ''),
  targetCategoryNoWeight: (variable: string, category: string, target: number) =>
    `infeasible: the margins give ${quote(variable)} = ${quote(category)} a target of ${target}, but every sample row with that category ` +
    'has base weight 0 or another category whose target is 0, so no weighting can reach it',
  keyMismatchHint: (given: string, sample: string) =>
    `category keys are compared as strings: ${quote(given)} and ${quote(sample)} differ — did you mean ${quote(sample)}?`,

  // ---- base weights ---------------------------------------------------------------------------
  baseWeightsLength: (length: number, expected: number) => `expected one base weight per row (${expected}), got ${length}`,
  baseWeightInvalid: (row: number, value: number) =>
    `base weight at row ${row} is ${String(value)}: expected a finite number ≥ 0`,
  baseWeightNotNumber: (row: number, raw: string) =>
    `base weight at row ${row} is ${quote(raw)}: expected a finite number ≥ 0`,
  baseWeightsAllZero: () => 'every base weight is 0: expected some positive weight',

  // ---- options ----------------------------------------------------------------------------------
  invalidTol: (tol: number) => `expected tol to be a finite number > 0, got ${String(tol)}`,
  invalidMaxIter: (maxIter: number) => `expected maxIter to be an integer ≥ 1, got ${String(maxIter)}`,
  invalidBounds: (lower: number, upper: number) =>
    `expected bounds LO,HI on the weight ratio with LO < 1 < HI (LO may be -Infinity, HI Infinity), got ${lower},${upper}`,
  boundsExcludeTotal: (meanG: number, lower: number, upper: number, scale: number) =>
    `infeasible bounds: the margins' total is ${meanG} × the sum of the base weights` +
    (scale !== 1 ? ` after rescaling them by ${scale} (as survey::calibrate does when every target exceeds 20 × its sample total)` : '') +
    `, outside the bounds [${lower}, ${upper}] on weight / base weight, so no weighting within the bounds reaches the total; ` +
    `expected bounds LO ≤ ${meanG} ≤ HI (or base weights summing to about the total)`,
  logitNeedsBounds: () => 'logit calibration needs finite bounds LO,HI with 0 ≤ LO < 1 < HI (as survey::calibrate requires)',
  unknownCalfun: (name: string) => `unknown calibration method ${quote(name)}: expected "linear", "raking" or "logit"`,

  // ---- post-stratification ----------------------------------------------------------------------
  postStratumKeyLength: (index: number, length: number, expected: number) =>
    `post-stratum ${index} has a key of ${length} categories, expected ${expected} (one per variable)`,
  postStratumDuplicate: (key: string) => `post-stratum ${key} is given twice`,
  postStratumWithoutTarget: (key: string, row: number) =>
    `the sample has the cell ${key} (first at row ${row}) but the post-strata give no target for it; give it a target (0 drops those rows)`,
  postStratumNotInSample: (key: string, target: number) =>
    `infeasible: post-stratum ${key} has a target of ${target} but no sample row with positive weight falls in it`,

  // ---- trimming ---------------------------------------------------------------------------------
  trimNoCap: () => 'expected a cap: upper, upperRatio (× mean weight) or upperQuantile, or a lower bound',
  trimInvalidCap: (name: string, value: number) => `expected ${name} to be a finite number > 0, got ${String(value)}`,
  trimInvalidQuantile: (value: number) => `expected upperQuantile in (0, 1], got ${String(value)}`,
  trimInfeasible: (n: number, sum: number, lower: number, upper: number) =>
    `infeasible trim: ${n} weights summing to ${sum} cannot all lie in [${lower}, ${upper}]`,
  weightInvalid: (row: number, value: number) => `weight at row ${row} is ${String(value)}: expected a finite number ≥ 0`,
  weightNotFinite: (row: number, value: number) => `weight at row ${row} is ${String(value)}: expected a finite number`,
  emptyWeights: () => 'expected at least one weight',

  // ---- sampling designs -------------------------------------------------------------------------
  samplingWeightInvalid: (value: number) => `expected every sampling weight to be a finite number > 0, got ${String(value)}`,
  inclusionProbabilityInvalid: (value: number) => `expected every inclusion probability to be in [0, 1], got ${String(value)}`,
  sampleSizeInvalid: (n: number) => `expected the sample size to be a positive integer, got ${String(n)}`,
  sampleSizeExceedsPopulation: (n: number, size: number) => `cannot draw ${n} units without replacement from a population of ${size}`,
  emptyPopulation: () => 'expected a population of at least one unit, got none',
  lengthMismatch: (what: string, expected: number, actual: number) => `expected ${expected} values of ${what} (one per unit), got ${actual}`,
  columnNotInPopulation: (column: string, available: readonly string[]) =>
    `column ${quote(column)} is not in the population (the population has: ${list(available, 40)})`,
  stratumNotInPopulation: (stratum: string) => `stratum ${quote(stratum)} has no unit in the population`,
  stratumSizeExceeded: (stratum: string, requested: number, size: number) =>
    `stratum ${quote(stratum)} has ${size} units: ${requested} cannot be drawn without replacement`,
  stratumSizeInvalid: (stratum: string, requested: number) =>
    `expected the allocation of stratum ${quote(stratum)} to be an integer ≥ 0, got ${String(requested)}`,
  sortKeyInvalid: (value: number) => `expected every sort key to be a finite number, got ${String(value)}`,
  noBalancingVariable: () => 'expected at least one balancing variable',
  balancingColumnLength: (column: number, expected: number, actual: number) =>
    `expected balancing column ${column} to have ${expected} values (one per unit), got ${actual}`,

  // ---- variance estimation ----------------------------------------------------------------------
  noReplicates: () => 'expected at least one replicate weight column',
  replicateScaleInvalid: (scale: number) => `expected the replicate variance scale to be a finite number > 0, got ${String(scale)}`,
  notANumber: (value: string) => `expected a finite number, got ${quote(value)}`,
  valueNotFinite: (value: number) => `expected a finite number, got ${String(value)}`,
  emptyDomain: () => "the domain's weighted total (the denominator) is 0: expected a domain with positive weight",
  lonelyPsu: (stratum: string) =>
    `stratum ${quote(stratum)} has a single PSU, so its variance cannot be estimated (as survey's options(survey.lonely.psu = "fail"))`,
} as const;

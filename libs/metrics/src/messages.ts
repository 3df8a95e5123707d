import { rakingMessage } from '@persona/raking';

/**
 * Every user-facing message of `@persona/metrics`, in one place so that tests
 * assert on the same text the user sees. The MARGINS.json structure errors
 * are those of `persona rake` (the same file form and reader, `@persona/raking`);
 * the ones this package also raises itself are re-exported here.
 * Messages say what was found and what was expected; `InputError` adds the location.
 */
const quote = (s: string) => JSON.stringify(s);
const list = (xs: readonly string[], max = 20) =>
  xs.slice(0, max).map(quote).join(', ') + (xs.length > max ? `, … (${xs.length} in all)` : '');

export const message = {
  // ---- MARGINS.json (read by `readMarginsDocument` of @persona/raking, with its messages) -----
  marginsNotObject: rakingMessage.marginsNotObject,
  targetNotNumber: rakingMessage.targetNotNumber,
  blockSumZero: rakingMessage.blockSumZero,

  // ---- sample against margins ----------------------------------------------------------------
  emptySample: () => 'the sample has no rows: expected at least one row to compare with the margins',
  variableNotInSample: (variable: string, available: readonly string[]) =>
    `margin variable ${quote(variable)} is not a column of the sample (the sample has: ${list(available, 40)})`,
  columnLength: (variable: string, length: number, expected: number) =>
    `column ${quote(variable)} has ${length} values, expected ${expected} (one per row)`,
  categoryWithoutTarget: (variable: string, category: string, row: number, rows: number, known: readonly string[], hint: string | undefined) =>
    `the sample has ${quote(variable)} = ${quote(category)} (${rows} row${rows === 1 ? '' : 's'}, first at row ${row}) but the margins give no target for it` +
    (hint ? `; ${hint}` : '') +
    `. Margin categories: ${list(known)}. Recode the sample, or give the category a target`,
  universeEmpty: (variable: string, niu: readonly string[]) =>
    `every sample row of ${quote(variable)} is outside its universe (categories ${list(niu)}): nothing to compare`,
  targetUniverseEmpty: (variable: string, niu: readonly string[]) =>
    `the margin of ${quote(variable)} puts every target outside the universe (categories ${list(niu)}): nothing to compare`,
  universeFieldInvalid: () =>
    'notInUniverse must map each margin variable to a category string or a list of them, e.g. {"education": "0"}',
  universeVariableUnknown: (variable: string, known: readonly string[]) =>
    `notInUniverse names ${quote(variable)}, which is neither a margin nor a pair variable (known: ${list(known, 40)})`,

  // ---- weights --------------------------------------------------------------------------------
  // (weights are checked by `checkBaseWeights` of @persona/raking, with the messages of `persona rake --weight`)
  weightsLength: rakingMessage.baseWeightsLength,
  weightInvalid: rakingMessage.baseWeightInvalid,
  weightsAllZero: rakingMessage.baseWeightsAllZero,
  universeWeightsZero: (variable: string) =>
    `every row of ${quote(variable)} inside its universe has weight 0: expected some positive weight`,

  // ---- two-way checks -------------------------------------------------------------------------
  pairVariableUnknown: (variable: string, available: readonly string[]) =>
    `pair variable ${quote(variable)} is not a column of the sample (the sample has: ${list(available, 40)})`,
  pairSameVariable: (variable: string) => `a pair needs two different variables, got ${quote(variable)} twice`,
  pairNotRecode: (variable: string, known: readonly string[]) =>
    `the PUMS reference has no recode ${quote(variable)} (known: ${list(known, 40)})`,
  pairReferenceNotConverged: (iterations: number, maxRelError: number) =>
    `raking the PUMS seed to the default margins did not converge in ${iterations} sweeps (max relative error ${maxRelError})`,

  // ---- sample files and PERSONA persona strings (inputs/) -------------------------------------
  sampleUnreadable: (detail: string) => `cannot read the sample file: ${detail}`,
  sampleNotJson: (detail: string) => `the sample file is not valid JSON: ${detail}`,
  // (malformed persona blocks are reported by `parsePersonaBlock` of @persona/personas, with its messages)
  unmappedSummary: (values: number, personas: number) =>
    `${values} persona value${values === 1 ? '' : 's'} could not be mapped to census categories; ${personas} persona${personas === 1 ? '' : 's'} left out of the comparison:`,
  unmappedLine: (attribute: string, value: string, count: number, reason: string) => `  ${attribute}: ${quote(value)} × ${count} (${reason})`,
  skippedVariables: (variables: readonly string[], personaStrings: boolean) =>
    `the sample neither has nor can derive ${list(variables)}: left out of the embedded margins` +
    (personaStrings ? ' (PERSONA persona strings have no Hispanic origin and no state)' : ''),
  variableNotDerivable: (variable: string, derivable: readonly string[]) =>
    `margin variable ${quote(variable)} cannot be read from PERSONA persona strings (they give: ${list(derivable, 40)})`,
  noUsablePersonas: (dropped: number) =>
    `every persona (${dropped}) has an unmapped value in a compared variable: nothing to compare (see the unmapped values above)`,
  replicateWeightsNeedWeight: (prefix: string) =>
    `--replicate-weights ${prefix} needs --weight COL: the full-sample weight column whose replicates ${prefix}1, ${prefix}2, … are`,
  replicateWeightsMissing: (prefix: string, found: number) =>
    `expected replicate-weight columns ${quote(`${prefix}1`)}, ${quote(`${prefix}2`)}, … (at least 2, e.g. ACS PWGTP1..PWGTP80) in the sample, found ${found}`,
  pairsInvalid: (raw: string) => `expected --pairs A:B[,C:D…] (two variable names per pair), got ${quote(raw)}`,

  // ---- progress lines of `persona check` (stderr, with --progress or a terminal) -------------
  progressReading: (file: string) => `check: reading ${file}`,
  progressPairs: (pairs: number) => `check: two-way reference for ${pairs} pair${pairs === 1 ? '' : 's'} (raking the embedded PUMS seed)`,
  progressComparing: (variables: number, draws: number, seMethod: 'sdr' | 'linearised') =>
    `check: comparing ${variables} variable${variables === 1 ? '' : 's'} (noise band: ${draws} draws each; standard errors: ${seMethod === 'sdr' ? 'successive-difference replication' : 'linearised'})`,
  progressDone: (seconds: number) => `check: done in ${seconds.toFixed(1)} s`,

  // ---- numeric arguments ----------------------------------------------------------------------
  distributionLengths: (p: number, q: number) => `expected two distributions over the same categories, got lengths ${p} and ${q}`,
  distributionEmpty: () => 'expected a distribution with at least one category',
  distributionEntry: (name: string, index: number, value: number) =>
    `invalid argument. ${name}[${index}] must be a share in [0, 1]. Value: \`${String(value)}\`.`,
  distributionSum: (name: string, sum: number) => `invalid argument. ${name} must sum to 1. Sum: \`${String(sum)}\`.`,
  invalidDf: (df: number) => `invalid argument. Degrees of freedom must be a finite number > 0. Value: \`${String(df)}\`.`,
  invalidStatistic: (x: number) => `invalid argument. The statistic must be a number. Value: \`${String(x)}\`.`,
  invalidNEff: (n: number) => `invalid argument. The effective sample size must be a finite number > 0. Value: \`${String(n)}\`.`,
  invalidNoiseDraws: (draws: number) => `expected --noise-draws to be an integer ≥ 1, got ${String(draws)}`,
  invalidLevel: (level: number) => `invalid argument. The quantile level must be in [0, 1]. Value: \`${String(level)}\`.`,
};

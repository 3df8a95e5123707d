/**
 * Every user-facing message of the `persona` command-line tool (beyond those
 * of the libraries), in one place so that tests assert on the same text.
 */
export const message = {
  optionNotNumber: (expected: string, raw: string) => `expected ${expected}, got "${raw}"`,
  marginsUnreadable: (detail: string) => `cannot read the margins file: ${detail}`,
  boundsInvalid: (raw: string) => `expected --bounds LO,HI with two numbers (LO may be -Inf, HI Inf), got "${raw}"`,
  choiceInvalid: (option: string, raw: string, allowed: readonly string[]) => `expected ${option} to be one of ${allowed.join(', ')}, got "${raw}"`,
  outExtension: (path: string, allowed: readonly string[]) => `expected an output file ending in ${allowed.join(' or ')}, got "${path}"`,
  outputUnwritable: (code: string) =>
    `cannot write the output file (${code}): ${
      {
        ENOENT: 'its directory does not exist',
        ENOTDIR: 'a part of its directory path is not a directory',
        EISDIR: 'it is a directory',
        EACCES: 'permission denied',
        EPERM: 'permission denied',
        EROFS: 'the file system is read-only',
        ENOSPC: 'no space left on the device',
      }[code] ?? 'the file system refused it'
    }; expected a writable file path`,
  negativeWeights: (count: number, n: number) =>
    `warning: ${count} of ${n} weights are negative (unbounded linear calibration, GREG); give --bounds LO,HI with LO ≥ 0 to keep them non-negative`,
  sampleNoRows: () => 'the sample has a header but no data rows: expected at least one row',
  weightNotNumber: (row: number, text: string) => `base weight at row ${row} is "${text}": expected a number ≥ 0`,
  strataRequired: () => '--method stratified needs --strata COL',
  balanceRequired: () =>
    '--method balanced needs balancing variables: give --margins (its variables are balanced on) or --balance COL[,COL…]',
  sampleTooLarge: (n: number, population: number) => `expected --n at most the population size ${population} for this method, got ${n}`,
  populationNotRaked: () => 'warning: raking the population did not converge (see --json "raking")',
  notConverged: (iterations: number, maxRelError: number, tol: number) =>
    `did not converge: after ${iterations} iteration${iterations === 1 ? '' : 's'} the largest relative margin error is ${maxRelError.toExponential(2)} (tolerance ${tol})`,
  trimInvalid: (raw: string) =>
    `expected --trim LO,HI with two numbers, LO < HI and HI > 0 (absolute caps on the weights; LO may be -Inf, HI Inf, not both), got "${raw}"`,
  trimNeedsRaking: () => '--trim works with --method raking and no --bounds (the rake–trim loop); for calibration, bound the weights with --bounds LO,HI',
  trimCapsNotMet: (rounds: number, lower: number, upper: number) =>
    `after ${rounds} rake–trim round${rounds === 1 ? '' : 's'} the raked weights still leave [${lower}, ${upper}] (or the margins do not hold): no weighting meets both the margins and the caps found; widen --trim`,
  tooFewPositiveWeights: (n: number, positive: number, size: number) =>
    `cannot draw ${n} rows without replacement: only ${positive} of the ${size} rows have a positive weight (rows of weight 0 are never drawn); expected --n ≤ ${positive}`,
  jsonWithStdoutOut: () =>
    '--json prints its document on stdout, which --out already writes the weights to: give --out a file, or leave out --json',
};

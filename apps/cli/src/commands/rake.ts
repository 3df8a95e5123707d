import type { Command } from 'commander';
import { InputError } from '@persona/core';
import { action, ExitCode, printJson } from '../kit.js';
import { loadSample } from '../inputs/load-sample.js';
import { DEFAULT_RAKING_HELP, readMargins } from '../inputs/read-margins.js';
import { message } from '../messages.js';
import { choiceOption, parseBounds, positiveInteger, positiveNumber } from '../options.js';
import { checkOutputPath } from '../outputs/output-file.js';
import { writeWeightsCsv } from '../outputs/write-weights.js';
import { fitWeights, WEIGHTING_METHODS, type FitResult } from '../weighting/fit-weights.js';

interface RakeOptions {
  sample?: string;
  margins?: string;
  weight?: string;
  method: string;
  bounds?: string;
  trim?: string;
  maxIter: string;
  tol: string;
  out?: string;
  json?: boolean;
}

/** `persona rake` (CONTRACTS.md): weights a sample to population margins. */
export function register(program: Command): void {
  program
    .command('rake')
    .description('weight a sample so that its weighted margins match population margins (raking / calibration)')
    .option('--sample <file>', 'sample rows: .csv, .jsonl, .json or .parquet (.gz allowed); default: the embedded ACS 2024 PUMS seed')
    .option('--margins <file>', 'MARGINS.json { "total": N, "margins": { VAR: { category: target } } }; default: the embedded ACS 2022 margins')
    .option('--weight <col>', 'column of base (design) weights; default 1 per row (PWGTP×100 for the embedded seed)')
    .option('--method <method>', `raking (iterative proportional fitting), linear (GREG) or logit calibration`, 'raking')
    .option('--bounds <lo,hi>', 'bounds on weight / base weight, e.g. 0.3,3 (uses calibration; -Inf/Inf for none; see Bounds below)')
    .option('--trim <lo,hi>', 'absolute caps on the raked weights, e.g. 50,5000 (rake–trim loop; -Inf/Inf for none; see Trimming below)')
    .option('--max-iter <n>', 'most iterations (sweeps for raking, Newton steps for calibration)', '1000')
    .option('--tol <x>', 'converged when every margin cell has |weighted total − target| / target ≤ tol', '1e-6')
    .option('--out <file>', 'write the weights as CSV with columns row,weight (row 0-based) instead of printing them (to /dev/stdout: the readable summary then goes to stderr)')
    .option('--json', 'print exactly one JSON document on stdout')
    .addHelpText(
      'after',
      `
Margins: a block that sums to 1 (within 1e-9) holds shares, scaled to "total"
(without it, to the sample's weighted total); any other block holds counts.
Count blocks must agree with each other (and with "total") within --tol, else
exit 2 naming them. Without "total", count blocks beside share blocks must also
sum to the sample's weighted total within --tol, else exit 2 naming both kinds
and saying to add "total" (no weighting could meet both).
Category keys compare as strings with the sample's values ("01" is not "1").

Bounds (--bounds LO,HI): as R's survey::calibrate (survey:::grake), when every
target — the total, and each category but the first of each variable (in key
order) — exceeds 20 × its base-weighted sample total, the base weights are
first multiplied by the mean of those ratios, printed as "boundsScale" (1 when
not rescaled), and the bounds apply to weight / (boundsScale × base weight)
("gRange" reports that ratio). So --bounds 0.3,3 works on an unweighted sample
of 2,000 rows with a total of 1e6. Bounds that cannot contain
total / (boundsScale × Σ base weights) — the mean ratio any weighting that
meets the total has — exit 2 at once, naming the ratio needed.

Trimming (--trim LO,HI, --method raking without --bounds): rake, then trim the
raked weights to [LO, HI] as R's survey::trimWeights(lower = LO, upper = HI,
strict = TRUE) — weights outside are set to the nearest cap and the difference
is shared equally among the weights inside, until none is outside — then rake
again from the trimmed weights, up to 50 rounds, until the raked weights lie
within the caps (relative --tol). Rows of weight 0 are left out. The JSON adds
"trim": { "lower", "upper", "trimmed" (weights outside the caps after the first
raking), "rounds", "capsMet" } (a missing cap prints as null); the final
weights are raked, so the margins hold; when the caps cannot hold with them,
"capsMet" is false and the exit code is 3.

Extensions to the fixed form: --sample and --margins may be omitted (embedded
ACS 2024 PUMS seed, CA/TX rows hot-deck imputed; embedded ACS 2022 national
margins). A margins variable that is not a sample column but is a census recode
(age_group, sex, race_hispanic, education, census_region, …) is derived from
the PUMS columns (STATE read as text, other columns as integer codes).

${DEFAULT_RAKING_HELP}

Exit codes: 0 converged; 2 bad input (message names file, line, field);
3 did not converge, or --trim caps not met (the result is still printed, with
"converged": false or "trim": { "capsMet": false }).`,
    )
    .action(action(async (options: RakeOptions) => runRake(options)));
}

async function runRake(options: RakeOptions): Promise<number> {
  const method = choiceOption('--method', options.method, WEIGHTING_METHODS);
  const bounds = options.bounds === undefined ? undefined : parseBounds(options.bounds);
  const trim = options.trim === undefined ? undefined : parseTrim(options.trim);
  if (trim !== undefined && (method !== 'raking' || bounds !== undefined)) throw new InputError(message.trimNeedsRaking(), { field: '--trim' });
  const maxIter = positiveInteger('--max-iter', options.maxIter);
  const tol = positiveNumber('--tol', options.tol);
  const outTarget = options.out === undefined ? undefined : await checkOutputPath(options.out, '--out');
  if (outTarget === 'stdout' && options.json) throw new InputError(message.jsonWithStdoutOut(), { file: options.out, field: '--out' });
  const margins = await readMargins(options.margins, 'raking');
  const sample = await loadSample(options.sample, options.weight);
  const fit = fitWeights(sample, margins, { method, bounds, maxIter, tol, trim });
  if (fit.calibration !== undefined && fit.calibration.negativeWeights > 0) {
    process.stderr.write(`persona: ${message.negativeWeights(fit.calibration.negativeWeights, fit.weights.length)}\n`);
  }
  if (options.out !== undefined) await writeWeightsCsv(options.out, fit.weights);
  if (options.json) printJson(resultJson(fit, method, options.out === undefined));
  // With --out /dev/stdout the CSV is stdout: the readable summary goes to stderr so that stdout holds only the CSV.
  else (outTarget === 'stdout' ? process.stderr : process.stdout).write(humanSummary(fit, method, tol, options.out));
  return fit.converged && (fit.trim === undefined || fit.trim.capsMet) ? ExitCode.ok : ExitCode.criterionNotMet;
}

/** `--trim LO,HI`: absolute caps, LO < HI, HI > 0, at most one of them infinite (-Inf/Inf: no cap on that side). */
function parseTrim(raw: string): [number, number] {
  let caps: [number, number];
  try {
    caps = parseBounds(raw);
  } catch {
    throw new InputError(message.trimInvalid(raw), { field: '--trim' });
  }
  const [lower, upper] = caps;
  if (!(lower < upper && upper > 0) || (lower === -Infinity && upper === Infinity)) {
    throw new InputError(message.trimInvalid(raw), { field: '--trim' });
  }
  return caps;
}

/**
 * The CONTRACTS.md output, plus `method`, `total`, `derived`, `summary.nNonzero`, (when calibrating)
 * `negativeWeights`, `boundsScale` and `gRange`, (when trimming) `trim`, and (when not converged) `worstCells`.
 */
function resultJson(fit: FitResult, method: string, withWeights: boolean) {
  const { n, nNonzero, sum, min, max, kishEss, deff, cv, mean, quantiles } = fit.summary;
  return {
    converged: fit.converged,
    iterations: fit.iterations,
    maxRelError: fit.maxRelError,
    summary: { n, nNonzero, sum, min, max, kishEss, deff, cv, mean, quantiles },
    method,
    total: fit.total,
    variables: fit.variables,
    ...(fit.derived.length > 0 ? { derived: fit.derived } : {}),
    ...(fit.calibration
      ? { negativeWeights: fit.calibration.negativeWeights, boundsScale: fit.calibration.boundsScale, gRange: fit.calibration.gRange }
      : {}),
    ...(fit.trim ? { trim: fit.trim } : {}),
    ...(fit.converged ? {} : { worstCells: fit.worstCells }),
    ...(withWeights ? { weights: fit.weights } : {}),
  };
}

function humanSummary(fit: FitResult, method: string, tol: number, out: string | undefined): string {
  const s = fit.summary;
  const g = (x: number) => Number(x.toPrecision(6)).toString();
  const lines = [
    fit.converged
      ? `${method}: converged in ${fit.iterations} iteration${fit.iterations === 1 ? '' : 's'} (largest relative margin error ${fit.maxRelError.toExponential(2)})`
      : `${method}: ${message.notConverged(fit.iterations, fit.maxRelError, tol)}`,
    `margins: ${fit.variables.join(', ')}${fit.derived.length > 0 ? ` (derived from PUMS: ${fit.derived.join(', ')})` : ''}; total ${g(fit.total)}`,
    `weights: n ${s.n}, sum ${g(s.sum)}, min ${g(s.min)}, max ${g(s.max)}, Kish ESS ${g(s.kishEss)}, deff ${g(s.deff)}, cv ${g(s.cv)}`,
    ...(fit.calibration && fit.calibration.boundsScale !== 1
      ? [`bounds: base weights rescaled by ${g(fit.calibration.boundsScale)} first (as survey::calibrate); g range ${g(fit.calibration.gRange.min)} to ${g(fit.calibration.gRange.max)}`]
      : []),
    ...(fit.trim
      ? [
          fit.trim.capsMet
            ? `trim: ${fit.trim.trimmed} weight${fit.trim.trimmed === 1 ? '' : 's'} outside [${fit.trim.lower}, ${fit.trim.upper}] after raking; within the caps after ${fit.trim.rounds} rake–trim round${fit.trim.rounds === 1 ? '' : 's'}`
            : `trim: ${message.trimCapsNotMet(fit.trim.rounds, fit.trim.lower, fit.trim.upper)}`,
        ]
      : []),
    out !== undefined ? `written: ${out} (row,weight)` : 'weights: not printed (use --json or --out FILE.csv)',
  ];
  return `${lines.join('\n')}\n`;
}

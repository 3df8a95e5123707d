import type { Command } from 'commander';
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
    .option('--bounds <lo,hi>', 'bounds on weight / base weight, e.g. 0.3,3 (uses calibration; -Inf/Inf for none)')
    .option('--max-iter <n>', 'most iterations (sweeps for raking, Newton steps for calibration)', '1000')
    .option('--tol <x>', 'converged when every margin cell has |weighted total − target| / target ≤ tol', '1e-6')
    .option('--out <file>', 'write the weights as CSV with columns row,weight (row 0-based) instead of printing them')
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

Extensions to the fixed form: --sample and --margins may be omitted (embedded
ACS 2024 PUMS seed, CA/TX rows hot-deck imputed; embedded ACS 2022 national
margins). A margins variable that is not a sample column but is a census recode
(age_group, sex, race_hispanic, education, census_region, …) is derived from
the PUMS columns (STATE read as text, other columns as integer codes).

${DEFAULT_RAKING_HELP}

Exit codes: 0 converged; 2 bad input (message names file, line, field);
3 did not converge (the result is still printed, with "converged": false).`,
    )
    .action(action(async (options: RakeOptions) => runRake(options)));
}

async function runRake(options: RakeOptions): Promise<number> {
  const method = choiceOption('--method', options.method, WEIGHTING_METHODS);
  const bounds = options.bounds === undefined ? undefined : parseBounds(options.bounds);
  const maxIter = positiveInteger('--max-iter', options.maxIter);
  const tol = positiveNumber('--tol', options.tol);
  if (options.out !== undefined) await checkOutputPath(options.out, '--out');
  const margins = await readMargins(options.margins, 'raking');
  const sample = await loadSample(options.sample, options.weight);
  const fit = fitWeights(sample, margins, { method, bounds, maxIter, tol });
  if (fit.calibration !== undefined && fit.calibration.negativeWeights > 0) {
    process.stderr.write(`persona: ${message.negativeWeights(fit.calibration.negativeWeights, fit.weights.length)}\n`);
  }
  if (options.out !== undefined) await writeWeightsCsv(options.out, fit.weights);
  if (options.json) printJson(resultJson(fit, method, options.out === undefined));
  else process.stdout.write(humanSummary(fit, method, tol, options.out));
  return fit.converged ? ExitCode.ok : ExitCode.criterionNotMet;
}

/**
 * The CONTRACTS.md output, plus `method`, `total`, `derived`, `summary.nNonzero`, (when calibrating)
 * `negativeWeights` and `gRange`, and (when not converged) `worstCells`.
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
    ...(fit.calibration ? { negativeWeights: fit.calibration.negativeWeights, gRange: fit.calibration.gRange } : {}),
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
    out !== undefined ? `written: ${out} (row,weight)` : 'weights: not printed (use --json or --out FILE.csv)',
  ];
  return `${lines.join('\n')}\n`;
}

import type { Command } from 'commander';
import { DEFAULT_BALANCING_VARIABLES } from '@persona/census';
import { Rng } from '@persona/core';
import { checkBaseWeights } from '@persona/raking';
import { action, ExitCode, printJson } from '../kit.js';
import { deriveRecodes } from '../inputs/derive-recodes.js';
import { loadSample, type SampleInput } from '../inputs/load-sample.js';
import { DEFAULT_RAKING_HELP, readMargins } from '../inputs/read-margins.js';
import { message } from '../messages.js';
import { choiceOption, integerOption, positiveInteger } from '../options.js';
import { checkOutputPath } from '../outputs/output-file.js';
import { recordsFormat } from '../outputs/write-records.js';
import { writeDrawnRows } from '../sampling/write-drawn-rows.js';
import { drawSample, SAMPLING_METHODS } from '../sampling/draw-sample.js';
import { DEFAULT_FIT, fitWeights } from '../weighting/fit-weights.js';

interface SampleOptions {
  n: string;
  seed: string;
  method: string;
  strata?: string;
  balance?: string;
  sample?: string;
  weight?: string;
  margins?: string;
  out?: string;
  json?: boolean;
}

/** `persona sample`: draws rows from a weighted population. */
export function register(program: Command): void {
  program
    .command('sample')
    .description('draw n rows from a weighted population (default: the embedded PUMS seed raked to the embedded ACS margins)')
    .requiredOption('--n <n>', 'number of rows to draw')
    .requiredOption('--seed <s>', 'seed of the random draw (same inputs + seed = same rows)')
    .option('--method <method>', `design: ${SAMPLING_METHODS.join(', ')}`, 'balanced')
    .option('--strata <col>', 'stratum column (--method stratified)')
    .option('--balance <cols>', 'comma-separated balancing variables (--method balanced); default: the margins variables (embedded margins: the raking blocks, disability and health_insurance)')
    .option('--sample <file>', 'population rows: .csv, .jsonl, .json or .parquet (.gz allowed); default: the embedded ACS 2024 PUMS seed')
    .option('--weight <col>', 'base weights of the population rows (PWGTP×100 for the embedded seed)')
    .option('--margins <file>', 'rake the population to these margins first (MARGINS.json, as persona rake); default with the embedded seed: the embedded ACS 2022 margins')
    .option('--out <file>', 'write the drawn rows (.csv or .jsonl): column "row" (0-based population row; a number in JSONL) then every population column')
    .option('--json', 'print exactly one JSON document on stdout')
    .addHelpText(
      'after',
      `
Selection probabilities are proportional to the population weights: the raked
weights when margins apply (--margins, or the embedded defaults when --sample is
omitted), else --weight, else equal. Rows of weight 0 (a zero target, a zero
base weight) are never drawn, by any design: the designs draw from the
"eligibleRows" rows of positive weight (fewer than --n of them: exit 2, for the
designs without replacement). Designs:
  balanced          cube method (Deville & Tillé 2004), balanced on the margins
                    variables (or --balance; with the embedded margins, the raking
                    blocks plus disability and health_insurance), so each
                    category's drawn count matches its expected count
                    n × weighted share to within rounding
  pps               randomised systematic PPS without replacement
  srs               simple random sampling without replacement, equal
                    probabilities over the rows of positive weight
                    ("weightsFrom": "equal")
  with-replacement  n independent draws, P(row) ∝ weight (alias method)
  stratified        proportional allocation over --strata, PPS within strata
Output (--json): { "n", "method", "seed", "populationSize", "eligibleRows",
  "weightsFrom", "rows": [0-based population rows], "balance" | "allocation" when defined,
  "raking": { "converged", "iterations", "maxRelError" } when raked }.
Exit codes: 0 success; 2 bad input; 3 raking the population did not converge
(the draw is still made and printed).

${DEFAULT_RAKING_HELP}
Balancing on race_hispanic balances its margins race_alone, hispanic_origin and
race_ethnicity too.`,
    )
    .action(action(async (options: SampleOptions) => runSample(options)));
}

async function runSample(options: SampleOptions): Promise<number> {
  const n = positiveInteger('--n', options.n);
  const seed = integerOption('--seed', options.seed);
  const method = choiceOption('--method', options.method, SAMPLING_METHODS);
  if (options.out !== undefined) {
    recordsFormat(options.out);
    await checkOutputPath(options.out, '--out');
  }
  const population = await loadSample(options.sample, options.weight);
  const rake = options.margins !== undefined || options.sample === undefined;
  const margins = rake ? await readMargins(options.margins, 'raking') : undefined;
  const fit = margins ? fitWeights(population, margins, DEFAULT_FIT) : undefined;
  const weights = fit?.weights ?? checkedBaseWeights(population) ?? new Float64Array(population.table.nRows).fill(1);
  const weightsFrom = method === 'srs' ? 'equal' : fit ? 'raked' : population.weightColumn !== undefined ? `column ${population.weightColumn}` : 'equal';
  const weightsName = fit ? 'raked weights' : (population.weightColumn ?? 'weight');
  const embeddedMargins = rake && options.margins === undefined;
  const balance =
    options.balance !== undefined ? options.balance.split(',').map((s) => s.trim()) : embeddedMargins ? defaultBalance(population) : fit?.variables;
  const draw = drawSample(population.table, { method, n, weights, weightsName, balance, strata: options.strata }, Rng.fromSeed(seed).split('sample'));
  if (options.out !== undefined) await writeDrawnRows(options.out, population.table, draw.rows);
  const result = {
    n: draw.rows.length,
    method,
    seed,
    populationSize: population.table.nRows,
    eligibleRows: draw.eligibleRows,
    weightsFrom,
    ...(fit ? { raking: { converged: fit.converged, iterations: fit.iterations, maxRelError: fit.maxRelError } } : {}),
    ...(draw.balance ? { balance: draw.balance } : {}),
    ...(draw.allocation ? { allocation: draw.allocation } : {}),
    rows: draw.rows,
  };
  if (options.json) printJson(result);
  else {
    process.stdout.write(
      `${method}: drew ${result.n} of ${result.populationSize} rows (seed ${seed}, probabilities from ${weightsFrom} weights)\n` +
        (fit && !fit.converged ? `${message.populationNotRaked()}\n` : '') +
        (options.out !== undefined ? `written: ${options.out}\n` : `rows: ${Array.from(draw.rows.slice(0, 20)).join(', ')}${result.n > 20 ? ', …' : ''} (all with --json or --out)\n`),
    );
  }
  return fit && !fit.converged ? ExitCode.criterionNotMet : ExitCode.ok;
}

/**
 * The `--weight` column of a population that is not raked, checked as base
 * weights (`checkBaseWeights`): a negative, NaN or infinite weight, or every
 * weight 0, is an input error naming the file, the line and the column.
 */
function checkedBaseWeights(population: SampleInput): Float64Array | undefined {
  if (population.baseWeights === undefined) return undefined;
  const source = { sampleFile: population.table.source, weightField: population.weightColumn, lineOf: (row: number) => population.table.lineOf(row) };
  return checkBaseWeights(population.baseWeights, population.table.nRows, source);
}

/**
 * The default balancing variables of the embedded seed raked to the embedded
 * margins: `DEFAULT_BALANCING_VARIABLES` of `@persona/census` (the raking
 * blocks plus disability and health insurance, which are balanced on but not
 * raked on: their published universe is not the recodes'), derived as census
 * recodes (`deriveRecodes`) where the population lacks them.
 */
function defaultBalance(population: SampleInput): readonly string[] {
  deriveRecodes(population.table, DEFAULT_BALANCING_VARIABLES);
  return DEFAULT_BALANCING_VARIABLES;
}

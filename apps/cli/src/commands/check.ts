import type { Command } from 'commander';
import { InputError, writeFileAtomic } from '@persona/core';
import { recodes } from '@persona/census';
import {
  checkRepresentativeness,
  metricsMessage as message,
  notInUniverseField,
  pumsJointTargets,
  readCheckSample,
  type CheckResult,
} from '@persona/metrics';
import { PERSONA_RECODES, type UnmappedValue } from '@persona/personas';
import { action, ExitCode, numberOption, printJson, progress } from '../kit.js';
import { deriveRecodes } from '../inputs/derive-recodes.js';
import { readMargins } from '../inputs/read-margins.js';
import { message as cliMessage } from '../messages.js';
import { SampleTable } from '../inputs/sample-table.js';
import { checkMarkdown, checkTable } from '../outputs/check-report.js';
import { checkOutputPath, writingOutput } from '../outputs/output-file.js';

interface CheckCliOptions {
  sample: string;
  margins?: string;
  weight?: string;
  replicateWeights?: string | false;
  noiseDraws: string;
  seed: string;
  pairs?: string;
  out?: string;
  json?: boolean;
  failOutsideNoise?: boolean;
}

/** `persona check` (CONTRACTS.md): representativeness of a sample against margins. */
export function register(program: Command): void {
  program
    .command('check')
    .description('representativeness of a sample (survey extract, persona file, PERSONA persona strings) against population margins')
    .requiredOption('--sample <file>', 'sample: .csv, .jsonl, .json, .parquet (.gz allowed) with census columns; or PERSONA persona strings (.txt, .json, .jsonl)')
    .option('--margins <file>', 'MARGINS.json (the `persona rake` form); default: the embedded ACS 2022 national margins')
    .option('--weight <col>', 'column of sample weights; default 1 per row')
    .option('--replicate-weights <prefix>', 'successive-difference replicate weights of --weight in columns PREFIX1, PREFIX2, … (default: COL1, COL2, … of --weight COL when present, e.g. PWGTP1..PWGTP80)')
    .option('--no-replicate-weights', 'ignore replicate-weight columns: linearised standard errors')
    .option('--noise-draws <n>', 'simple random samples of n_eff drawn from the targets for the TVD noise band', '2000')
    .option('--seed <n>', 'seed of the noise-band draws (same inputs and seed: byte-identical output)', '1')
    .option('--pairs <A:B,…>', 'two-way checks of these variable pairs against the weighted embedded PUMS seed')
    .option('--out <file.md>', 'also write the report as Markdown tables (written atomically)')
    .option('--json', 'print exactly one JSON document on stdout')
    .option('--fail-outside-noise', 'exit 3 when any variable is outside its noise band (default: exit 0)')
    .addHelpText(
      'after',
      `
Samples:
  A table whose columns are the margins' variables, or raw PUMS columns (AGEP, SEX,
  SCHL, MAR, ESR, CIT, MIL, LANX, DIS, HICOV, RAC1P, HISP, STATE) from which the
  census recodes the margins name (age_group, education, …) are derived. A persona
  .jsonl ({ id, weight, census: { SEX, AGEP, … } }) has its census fields as columns.
  PERSONA's released persona strings ("age: 34", "sex: Female", … one block per
  persona): a .txt file of blocks separated by blank lines, a .json array of strings,
  or a .jsonl/.json table with a "persona" field. Values are mapped through the PUMS
  labels (2024 dictionary, 2021 detailed race, listed variants); what cannot be mapped is
  reported on stderr and in --json "unmapped", and a persona with an unmapped value
  in a compared variable is left out ("personas": read vs compared); see
  libs/personas/src/persona-hf/PERSONA_STRINGS.md.
  With the embedded margins, variables the sample neither has nor can derive
  (persona strings: hispanic_origin, race_ethnicity, race_hispanic, census_region) are skipped
  and listed in "skipped"; with a margins file they are bad input (exit 2).

Standard errors of the shares ("se", --json "seMethod"): with --weight COL and
columns COL1, COL2, … (ACS PUMS: --weight PWGTP with PWGTP1..PWGTP80), or the columns
named by --replicate-weights PREFIX, "sdr": successive-difference replication,
v = 4/R Σ_r (p_r − p)² (ACS; R survey svrepdesign(type = "successive-difference",
mse = TRUE)), which reflects how the weights were made when the replicates were
weighted the same way. Otherwise "linearised": Taylor linearisation, each row its
own PSU, the weights treated as fixed.

Tests: chi2 = n_eff Σ (p − q)²/q with n_eff the rows (unweighted) or Kish's
effective sample size (weighted) — a Kish design-effect scaling, not a Rao–Scott
correction. df = categories with a positive target − 1: this is CONTRACTS.md's
"categories − 1" unless a target is 0; a zero-target category has no term in chi2
(q = 0; a sample row in it makes chi2, kl and gTest infinite, printed null) and adds
no degree of freedom (Agresti, Categorical Data Analysis, §10.6.1).

Progress: with --progress (or when stderr is a terminal), short lines on stderr
name the steps (reading, two-way reference, comparing); stdout is unchanged.

Universes: with the embedded margins, the not-in-universe category "0" of education
(25+), marital_status (15+), employment_status (16+), veteran_status (civilian 18+) and
language_at_home (5+) is dropped from sample and target and reported apart. A margins
file compares every category unless it says otherwise with a
top-level field "notInUniverse": {"education": "0"} (a category or a list per variable).

Exit codes: 0 done (even when variables are outside the noise band, unless
--fail-outside-noise); 2 bad input (unknown variable, category outside the margins,
empty sample, all-zero weights, malformed persona block: the message names file,
line and field); 3 with --fail-outside-noise when "outsideNoise" is not empty
(the result is still printed).`,
    )
    .action(action(async (options: CheckCliOptions) => runCheck(options)));
}

/** What `persona check` compared, beyond `checkRepresentativeness`'s result. */
export interface CheckRun {
  readonly result: CheckResult;
  readonly sample: string;
  readonly margins: string;
  readonly kind: 'table' | 'persona-strings';
  /** Recodes derived from PUMS columns. */
  readonly derived: string[];
  /** Embedded-margins variables the sample neither has nor can derive, left out. */
  readonly skipped: string[];
  /** Persona values not mapped: unrecognised ones, and those missing or N/A inside the universe of a compared variable. */
  readonly unmapped: readonly UnmappedValue[];
  /** Persona strings read, and compared (without an unmapped value in a compared variable). */
  readonly personas: { read: number; compared: number } | undefined;
  /** The replicate-weight columns PREFIX1..PREFIX{count} used for the standard errors (`seMethod` "sdr"). */
  readonly replicates: { prefix: string; count: number } | undefined;
}

/** Options of {@link checkSampleFile}. */
export interface CheckFileOptions {
  readonly margins?: string;
  readonly weight?: string;
  /** Prefix of the replicate-weight columns; false: none; default: those of `weight` (COL1, COL2, …) when present. */
  readonly replicateWeights?: string | false;
  readonly noiseDraws: number;
  readonly seed: number;
  readonly pairs?: readonly (readonly [string, string])[];
}

/**
 * The core of `persona check`: reads the sample (table or persona strings) and
 * the margins, derives census recodes from PUMS columns, and runs
 * `checkRepresentativeness`.
 * @throws {InputError} for bad input (exit 2).
 */
export async function checkSampleFile(path: string, options: CheckFileOptions): Promise<CheckRun> {
  progress(message.progressReading(path));
  const file = await readCheckSample(path);
  const margins = await readMargins(options.margins, 'checking');
  let document: unknown = margins.document;
  let variables = margins.variables;
  const skipped: string[] = [];
  // Embedded margins: compare what the sample carries (or can derive), list the rest as skipped.
  const available = (name: string) =>
    file.table.has(name) || (file.kind === 'table' && Object.hasOwn(recodes, name) && recodes[name].variables.every((v) => file.table.has(v)));
  const lacking = variables.filter((name) => !available(name));
  if (lacking.length > 0 && options.margins === undefined) {
    skipped.push(...lacking);
    variables = variables.filter(available);
    const { margins: blocks, ...rest } = document as { margins: Record<string, unknown> };
    document = { ...rest, margins: Object.fromEntries(variables.map((name) => [name, blocks[name]])) };
  } else if (lacking.length > 0 && file.kind === 'persona-strings') {
    throw new InputError(message.variableNotDerivable(lacking[0], PERSONA_RECODES), { file: margins.source, field: `margins.${lacking[0]}` });
  }
  const table = SampleTable.fromTable(file.table);
  if (table.nRows === 0) throw new InputError(message.emptySample(), { file: path });
  const pairVariables = [...new Set((options.pairs ?? []).flat())];
  const derived = deriveRecodes(table, [...new Set([...variables, ...pairVariables])]);
  let weights = options.weight === undefined ? undefined : table.weights(options.weight);
  const replicates = replicateColumns(table, options);
  let replicateWeights = replicates?.columns.map((name) => table.weights(name));
  let columns: Record<string, ArrayLike<string>> | SampleTable = table;
  let personas: CheckRun['personas'];
  if (file.kind === 'persona-strings') {
    const compared = completeCases(table, [...variables, ...pairVariables], weights, replicateWeights);
    personas = { read: table.nRows, compared: compared.rows };
    if (compared.rows === 0) throw new InputError(message.noUsablePersonas(table.nRows), { file: path });
    columns = compared.columns;
    weights = compared.weights;
    replicateWeights = compared.replicateWeights;
  }
  if (options.pairs !== undefined) progress(message.progressPairs(options.pairs.length));
  const pairs = options.pairs === undefined ? undefined : await pumsJointTargets(options.pairs);
  progress(message.progressComparing(variables.length + (options.pairs?.length ?? 0), options.noiseDraws, replicateWeights === undefined ? 'linearised' : 'sdr'));
  // The census universes (education 25+, …) belong to the embedded margins; a margins file
  // compares whole populations unless it names its own "notInUniverse" categories.
  const notInUniverse = options.margins === undefined ? undefined : (notInUniverseField(document, options.margins) ?? {});
  const result = checkRepresentativeness(
    { columns, ...(weights !== undefined ? { weights } : {}), ...(replicateWeights !== undefined ? { replicateWeights } : {}) },
    document,
    {
      ...(notInUniverse !== undefined ? { notInUniverse } : {}),
      noiseDraws: options.noiseDraws,
      seed: options.seed,
      ...(pairs !== undefined ? { pairs } : {}),
      source: {
        ...(options.margins !== undefined ? { marginsFile: options.margins } : {}),
        sampleFile: path,
        ...(options.weight !== undefined ? { weightField: options.weight } : {}),
        ...(file.kind === 'table' ? { lineOf: (row: number) => file.table.lineOf(row) } : {}),
      },
    },
  );
  // Values missing or N/A inside a universe matter only for the variables compared.
  const compared = new Set([...variables, ...pairVariables]);
  const unmapped = file.unmapped.filter((u) => u.reason === 'unrecognised' || compared.has(u.attribute));
  const used = replicates === undefined ? undefined : { prefix: replicates.prefix, count: replicates.columns.length };
  return { result, sample: path, margins: margins.source, kind: file.kind, derived, skipped, unmapped, personas, replicates: used };
}

/**
 * The replicate-weight columns of the sample: PREFIX1, PREFIX2, … (consecutive from 1)
 * for `--replicate-weights PREFIX` (at least 2, and `--weight` required, else exit 2);
 * by default those of the weight column (PWGTP → PWGTP1..PWGTP80) when there are at least 2.
 */
function replicateColumns(table: SampleTable, options: CheckFileOptions): { prefix: string; columns: string[] } | undefined {
  const given = options.replicateWeights;
  if (given === false) return undefined;
  const prefix = given ?? options.weight;
  if (prefix === undefined) return undefined;
  const columns: string[] = [];
  while (table.has(`${prefix}${columns.length + 1}`)) columns.push(`${prefix}${columns.length + 1}`);
  if (given !== undefined) {
    if (options.weight === undefined) throw new InputError(message.replicateWeightsNeedWeight(given), { field: '--replicate-weights' });
    if (columns.length < 2) throw new InputError(message.replicateWeightsMissing(given, columns.length), { file: table.source, field: '--replicate-weights' });
  }
  return columns.length >= 2 ? { prefix, columns } : undefined;
}

/** The rows with a known category ('' = unmapped) in every one of `variables`, and their weights and replicate weights. */
function completeCases(
  table: SampleTable,
  variables: readonly string[],
  weights: Float64Array | undefined,
  replicateWeights: Float64Array[] | undefined,
): { columns: Record<string, string[]>; weights: Float64Array | undefined; replicateWeights: Float64Array[] | undefined; rows: number } {
  const present = variables.filter((name) => table.has(name));
  const keep = new Uint8Array(table.nRows).fill(1);
  for (const name of present) {
    const values = table.column(name);
    for (let i = 0; i < values.length; i++) if (values[i] === '') keep[i] = 0;
  }
  const columns: Record<string, string[]> = {};
  for (const name of present) columns[name] = table.column(name).filter((_, i) => keep[i] === 1);
  const kept = (a: Float64Array) => a.filter((_, i) => keep[i] === 1);
  return { columns, weights: weights && kept(weights), replicateWeights: replicateWeights?.map(kept), rows: keep.reduce((a, b) => a + b, 0) };
}

/** `--pairs A:B,C:D` → [[A, B], [C, D]]. */
export function parsePairs(raw: string): [string, string][] {
  return raw.split(',').map((part) => {
    const names = part.split(':').map((s) => s.trim());
    if (names.length !== 2 || names[0] === '' || names[1] === '') throw new InputError(message.pairsInvalid(raw), { field: '--pairs' });
    return [names[0], names[1]];
  });
}

async function runCheck(options: CheckCliOptions): Promise<number> {
  const start = performance.now();
  const noiseDraws = numberOption('--noise-draws', options.noiseDraws, (x) => Number.isInteger(x) && x >= 1, 'a positive integer');
  const seed = numberOption('--seed', options.seed, (x) => Number.isSafeInteger(x), 'an integer');
  const pairs = options.pairs === undefined ? undefined : parsePairs(options.pairs);
  if (options.out !== undefined && !options.out.toLowerCase().endsWith('.md')) {
    throw new InputError(cliMessage.outExtension(options.out, ['.md']), { field: '--out' });
  }
  if (options.out !== undefined) await checkOutputPath(options.out, '--out');
  const run = await checkSampleFile(options.sample, {
    ...(options.margins !== undefined ? { margins: options.margins } : {}),
    ...(options.weight !== undefined ? { weight: options.weight } : {}),
    ...(options.replicateWeights !== undefined ? { replicateWeights: options.replicateWeights } : {}),
    noiseDraws,
    seed,
    ...(pairs !== undefined ? { pairs } : {}),
  });
  if (run.unmapped.length > 0) {
    const values = run.unmapped.reduce((a, u) => a + u.count, 0);
    const lines = [message.unmappedSummary(values, (run.personas?.read ?? 0) - (run.personas?.compared ?? 0))];
    for (const u of run.unmapped) lines.push(message.unmappedLine(u.attribute, u.value, u.count, u.reason));
    process.stderr.write(`${lines.join('\n')}\n`);
  }
  if (run.skipped.length > 0) process.stderr.write(`${message.skippedVariables(run.skipped, run.kind === 'persona-strings')}\n`);
  if (options.out !== undefined) {
    const out = options.out;
    await writingOutput(out, '--out', () => writeFileAtomic(out, checkMarkdown(run)));
  }
  if (options.json) printJson(checkJson(run));
  else process.stdout.write(checkTable(run));
  progress(message.progressDone((performance.now() - start) / 1000));
  return options.failOutsideNoise && run.result.outsideNoise.length > 0 ? ExitCode.criterionNotMet : ExitCode.ok;
}

/** The CONTRACTS.md output (`checkRepresentativeness`'s result) plus what was read. */
export function checkJson(run: CheckRun) {
  return {
    ...run.result,
    sample: run.sample,
    margins: run.margins,
    input: run.kind,
    ...(run.replicates !== undefined ? { replicateWeights: { ...run.replicates, scale: 4 / run.replicates.count } } : {}),
    ...(run.derived.length > 0 ? { derived: run.derived } : {}),
    ...(run.skipped.length > 0 ? { skipped: run.skipped } : {}),
    ...(run.personas !== undefined ? { personas: run.personas, unmapped: run.unmapped } : {}),
  };
}

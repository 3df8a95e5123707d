import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { defaultMarginsPath, pumsSeedPath } from '@persona/census';
import { Rng, writeFileAtomic } from '@persona/core';
import { action, ExitCode, printJson } from '../kit.js';
import { EMBEDDED_SEED, loadSample, SEED_IMPUTATION_SEED } from '../inputs/load-sample.js';
import { DEFAULT_RAKING_HELP, EMBEDDED_MARGINS, readMargins } from '../inputs/read-margins.js';
import { integerOption, positiveInteger } from '../options.js';
import { writeRecords } from '../outputs/write-records.js';
import { writeWeightsCsv } from '../outputs/write-weights.js';
import { drawSample } from '../sampling/draw-sample.js';
import { DEFAULT_FIT, fitWeights } from '../weighting/fit-weights.js';

interface RunOptions {
  outDir: string;
  seed: string;
  n: string;
  json?: boolean;
}

/** The number of personas of the PERSONA testbed (Castricato et al. 2024). */
export const PERSONA_COUNT = 1586;

/** Pipeline stages CONTRACTS.md `persona run` lists that later issues add. */
const NOT_BUILT = [
  'persona traits (Big Five, values) and personas.jsonl',
  'pairwise judgements (pairs.jsonl)',
  'preference aggregation (aggregate.json) and metrics.json',
  'report.html, report.md and tables.tex',
];

/** `persona run` (what `npm start` runs): the pipeline on the embedded defaults. */
export function register(program: Command): void {
  program
    .command('run')
    .description('run the pipeline on the embedded data and write out/ (npm start)')
    .option('--out-dir <dir>', 'output directory', 'out')
    .option('--seed <s>', 'seed of every random step', '1')
    .option('--n <n>', 'number of personas to draw', String(PERSONA_COUNT))
    .option('--json', 'print the manifest as one JSON document on stdout')
    .addHelpText(
      'after',
      `
Steps built so far: (1) the embedded ACS 2024 PUMS seed (34,415 persons; CA/TX
rows hot-deck imputed) is raked to the embedded ACS 2022 national margins;
(2) ${PERSONA_COUNT} persons are drawn by balanced sampling (cube method) on the
margin variables with probabilities ∝ raked weight. Writes (atomically):
  out/weights.csv   row,weight for every seed row
  out/sample.csv    the drawn rows: "row" (0-based seed row), then every column
  out/manifest.json seed, versions, data provenance (sha256), configuration, timings
Not built yet: ${NOT_BUILT.join('; ')}.

${DEFAULT_RAKING_HELP}`,
    )
    .action(action(async (options: RunOptions) => runPipeline(options)));
}

async function runPipeline(options: RunOptions): Promise<number> {
  const seed = integerOption('--seed', options.seed);
  const n = positiveInteger('--n', options.n);
  const timings: Record<string, number> = {};
  const started = performance.now();
  let t = started;
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };

  const population = await loadSample(undefined, undefined);
  const margins = await readMargins(undefined, 'raking');
  lap('loadAndImputeMs');
  const fit = fitWeights(population, margins, DEFAULT_FIT);
  lap('rakeMs');
  const draw = drawSample(
    population.table,
    { method: 'balanced', n, weights: fit.weights, balance: fit.variables },
    Rng.fromSeed(seed).split('sample'),
  );
  lap('sampleMs');

  await mkdir(options.outDir, { recursive: true });
  const names = population.table.names;
  const columns = names.map((name) => population.table.column(name));
  await writeWeightsCsv(join(options.outDir, 'weights.csv'), fit.weights);
  await writeRecords(join(options.outDir, 'sample.csv'), ['row', ...names], Array.from(draw.rows, (r) => [String(r), ...columns.map((c) => c[r])]));
  lap('writeMs');
  timings.totalMs = Math.round(performance.now() - started);

  const manifest = {
    command: 'persona run',
    seed,
    versions: await versions(),
    data: [
      { role: 'sample', description: EMBEDDED_SEED, sha256: await sha256(fileURLToPath(pumsSeedPath)) },
      { role: 'margins', description: EMBEDDED_MARGINS, sha256: await sha256(fileURLToPath(defaultMarginsPath)) },
    ],
    config: {
      imputation: { method: 'hot-deck', seed: SEED_IMPUTATION_SEED },
      weighting: { ...DEFAULT_FIT, baseWeight: population.weightColumn, variables: fit.variables },
      sampling: { method: 'balanced', n, balance: fit.variables, rngStream: `${seed}/sample` },
    },
    results: {
      raking: { converged: fit.converged, iterations: fit.iterations, maxRelError: fit.maxRelError, total: fit.total, summary: fit.summary },
      sample: { n: draw.rows.length, populationSize: population.table.nRows, balance: draw.balance },
    },
    outputs: ['weights.csv', 'sample.csv', 'manifest.json'],
    notBuiltYet: NOT_BUILT,
    timings,
  };
  await writeFileAtomic(join(options.outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  if (options.json) printJson(manifest);
  else {
    const s = fit.summary;
    process.stdout.write(
      [
        `persona run (seed ${seed})`,
        `1. raked ${population.table.nRows} PUMS persons to ${fit.variables.length} ACS margins: ` +
          (fit.converged ? `converged in ${fit.iterations} iterations` : `NOT converged after ${fit.iterations} iterations`) +
          ` (max relative error ${fit.maxRelError.toExponential(2)}; Kish ESS ${s.kishEss.toFixed(0)}, deff ${s.deff.toFixed(3)})`,
        `2. drew ${draw.rows.length} personas' census rows by balanced sampling on the same variables`,
        `3. wrote ${join(options.outDir, 'weights.csv')}, ${join(options.outDir, 'sample.csv')}, ${join(options.outDir, 'manifest.json')} (${timings.totalMs} ms)`,
        `not built yet: ${NOT_BUILT.join('; ')}`,
        '',
      ].join('\n'),
    );
  }
  return fit.converged ? ExitCode.ok : ExitCode.criterionNotMet;
}

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** Node and package versions (from apps/cli/package.json, found from src/ and dist/ alike). */
async function versions(): Promise<Record<string, unknown>> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  return { persona: pkg.version, node: process.version, dependencies: pkg.dependencies };
}

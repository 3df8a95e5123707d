import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { defaultMarginsPath, PUMS_SEED_WEIGHT_MULTIPLIER, pumsDictionaryPath, pumsSeedPath } from '@persona/census';
import { writeFileAtomic } from '@persona/core';
import { DEFAULT_NOISE_DRAWS } from '@persona/metrics';
import {
  consistencyRulesPath,
  FRAME_IMPUTATION_SEED,
  generatePersonas,
  loadCensusFrame,
  personaHfAttributesPath,
  validatePersonaFile,
  writePersonas,
} from '@persona/personas';
import { bigFiveDataPath, listsDirectory, politicsDataPath, religionDataPath, schwartzDataPath } from '@persona/traits';
import { action, ExitCode, printJson } from '../kit.js';
import { EMBEDDED_SEED } from '../inputs/load-sample.js';
import { DEFAULT_RAKING_HELP, EMBEDDED_MARGINS } from '../inputs/read-margins.js';
import { integerOption, positiveInteger } from '../options.js';
import { checkMarkdown } from '../outputs/check-report.js';
import { writingOutput } from '../outputs/output-file.js';
import { writeWeightsCsv } from '../outputs/write-weights.js';
import { checkJson, checkSampleFile, type CheckRun } from './check.js';

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
  'preference judging of response pairs by the personas (pairs.jsonl)',
  "aggregation over the personas' judgments (aggregate.json)",
  'the HTML report and LaTeX tables (report.html, tables.tex)',
];

/** The files `persona run` writes in the output directory. */
const OUTPUTS = ['personas.jsonl', 'metrics.json', 'report.md', 'weights.csv', 'manifest.json'];

/** `persona run` (what `npm start` runs): the pipeline on the embedded defaults. */
export function register(program: Command): void {
  program
    .command('run')
    .description('run the pipeline on the embedded data and write out/ (npm start)')
    .option('--out-dir <dir>', 'output directory', 'out')
    .option('--seed <s>', 'seed of every random step', '1')
    .option('--n <n>', 'number of personas', String(PERSONA_COUNT))
    .option('--json', 'print the manifest as one JSON document on stdout')
    .addHelpText(
      'after',
      `
Steps built so far: (1) the census frame: the embedded ACS 2024 PUMS seed
(34,415 persons; CA/TX rows hot-deck imputed), rows breaking a consistency rule
left out, raked to the embedded ACS 2022 national margins; (2) ${PERSONA_COUNT}
personas as \`persona generate --n ${PERSONA_COUNT} --seed 1\` makes them: a balanced
census draw (cube method) with probabilities ∝ raked weight, then Big Five,
Schwartz values, religion, politics, idiosyncrasies and text; (3) their
consistency check (\`persona validate\`); (4) their representativeness against the
ACS margins (\`persona check\`, ${DEFAULT_NOISE_DRAWS} noise draws seeded by --seed).
Writes (atomically):
  out/personas.jsonl  the personas (same seed: byte-identical file)
  out/metrics.json    the persona check object (CONTRACTS.md) for the personas
  out/report.md       run summary and the persona check report (Markdown tables)
  out/weights.csv     row,weight: the raked census frame (0 = row left out)
  out/manifest.json   seed, versions, data provenance (sha256), configuration,
                      results, timings
Not built yet (later issues): ${NOT_BUILT.join('; ')}.
Exit codes: 0 done; 2 bad option; 3 the frame's raking did not converge or a
persona broke a consistency rule (the files are still written).

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
  const out = (name: string) => join(options.outDir, name);
  await writingOutput(options.outDir, '--out-dir', () => mkdir(options.outDir, { recursive: true }));

  const frame = await loadCensusFrame();
  lap('censusFrameMs');
  const { draw, personas } = generatePersonas(frame, { n, seed });
  const written = await writePersonas(out('personas.jsonl'), personas, 'jsonl');
  lap('personasMs');
  const validation = await validatePersonaFile(out('personas.jsonl'), 'jsonl');
  lap('validateMs');
  const check = await checkSampleFile(out('personas.jsonl'), { weight: 'weight', noiseDraws: DEFAULT_NOISE_DRAWS, seed });
  await writeFileAtomic(out('metrics.json'), `${JSON.stringify(checkJson(check), null, 2)}\n`);
  lap('checkMs');
  await writeWeightsCsv(out('weights.csv'), frame.weights);
  lap('weightsMs');

  const r = check.result;
  const results = {
    raking: { ...frame.raking, variables: frame.variables, excludedRows: frame.excluded.length },
    censusDraw: { n: draw.rows.length, weight: draw.weight, populationTotal: draw.populationTotal, certain: draw.certain, balancedDraws: draw.balancedDraws },
    personas: { n: written, file: 'personas.jsonl', sha256: await sha256(out('personas.jsonl')) },
    validation: {
      rules: validation.rules,
      personas: validation.personas,
      violations: validation.violations.length,
      inconsistent: validation.inconsistent,
      byRule: validation.byRule,
    },
    representativeness: {
      n: r.n,
      kishEss: r.kishEss,
      meanTvd: r.meanTvd,
      outsideNoise: r.outsideNoise,
      tvd: Object.fromEntries(Object.entries(r.variables).map(([name, v]) => [name, { tvd: v.tvd, noiseTvdP95: v.noiseTvdP95 }])),
    },
  };
  await writeFileAtomic(out('report.md'), runMarkdown(seed, results, check));
  lap('reportMs');
  timings.totalMs = Math.round(performance.now() - started);

  const manifest = {
    command: 'persona run',
    seed,
    versions: await versions(),
    data: await dataProvenance(),
    config: {
      imputation: { method: 'hot-deck', seed: FRAME_IMPUTATION_SEED },
      weighting: { method: 'raking', maxIter: 1000, tol: 1e-6, baseWeight: `PWGTP×${PUMS_SEED_WEIGHT_MULTIPLIER}`, variables: frame.variables, excludeRulesBroken: true },
      sampling: { method: 'balanced (cube method) on the fractional parts of n·w/W', n, balance: frame.balancingVariables, rngStream: `${seed}/census-draw` },
      personas: { n, seed, adultsOnly: false, format: 'jsonl' },
      check: { margins: EMBEDDED_MARGINS, weight: 'weight', noiseDraws: DEFAULT_NOISE_DRAWS, seed },
    },
    results,
    outputs: OUTPUTS,
    notBuiltYet: NOT_BUILT,
    timings,
  };
  await writeFileAtomic(out('manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const ok = frame.raking.converged && validation.violations.length === 0;
  if (options.json) printJson(manifest);
  else {
    process.stdout.write(
      [
        `persona run (seed ${seed})`,
        `1. census frame: ${frame.table.rowCount} PUMS persons (${frame.excluded.length} left out by the consistency rules) raked to ${frame.variables.length} ACS 2022 margin blocks: ` +
          (frame.raking.converged ? `converged in ${frame.raking.iterations} iterations` : `NOT converged after ${frame.raking.iterations} iterations`) +
          ` (max relative error ${frame.raking.maxRelError.toExponential(2)})`,
        `2. generated ${written} personas (balanced census draw, weight ${draw.weight.toFixed(1)} each; traits, values, beliefs, idiosyncrasies, text) → ${out('personas.jsonl')}`,
        `3. consistency: ${validation.violations.length} violations of ${validation.rules} rules in ${validation.personas} personas`,
        `4. representativeness vs ACS margins: mean TVD ${r.meanTvd.toFixed(4)} over ${Object.keys(r.variables).length} variables; outside the noise band: ${
          r.outsideNoise.length > 0 ? r.outsideNoise.join(', ') : 'none'
        } → ${out('metrics.json')}, ${out('report.md')}`,
        `5. wrote ${OUTPUTS.map(out).join(', ')} (${timings.totalMs} ms)`,
        `not built yet (later issues): ${NOT_BUILT.join('; ')}`,
        '',
      ].join('\n'),
    );
  }
  return ok ? ExitCode.ok : ExitCode.criterionNotMet;
}

/** report.md: what the run did, then the `persona check --out` report of the personas (its headings one level down). */
function runMarkdown(
  seed: number,
  results: {
    raking: { converged: boolean; iterations: number; maxRelError: number; total: number; excludedRows: number; variables: readonly string[] };
    personas: { n: number; file: string };
    censusDraw: { weight: number };
    validation: { violations: number; rules: number; personas: number };
  },
  check: CheckRun,
): string {
  const { raking, personas, censusDraw, validation } = results;
  const lines = [
    `# persona run (seed ${seed})`,
    '',
    `- Census frame: the embedded ACS 2024 PUMS seed, CA/TX rows hot-deck imputed, ${raking.excludedRows} rows left out by the consistency rules, raked to the ACS 2022 margins (${raking.variables.join(', ')}): ${
      raking.converged ? 'converged' : 'NOT converged'
    } in ${raking.iterations} iterations, max relative error ${raking.maxRelError.toExponential(2)}, total ${raking.total.toFixed(0)}.`,
    `- Personas: ${personas.n} in \`${personas.file}\`, each weighing ${censusDraw.weight.toFixed(1)} (population total / n).`,
    `- Consistency: ${validation.violations} violations of ${validation.rules} rules in ${validation.personas} personas.`,
    `- Not built yet (later issues): ${NOT_BUILT.join('; ')}.`,
    '',
  ];
  return `${lines.join('\n')}\n${checkMarkdown(check).replace(/^#/gm, '##')}`;
}

async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** A data file as the manifest names it: its path from the repository's `data/` folder, and its sha256. */
async function dataFile(role: string, url: URL, description?: string) {
  const path = fileURLToPath(url);
  const at = path.lastIndexOf('/data/');
  return { role, file: at < 0 ? path : path.slice(at + 1), ...(description !== undefined ? { description } : {}), sha256: await sha256(path) };
}

/** Every embedded data file the run reads, with its sha256 (their sources are in data/README.md). */
async function dataProvenance() {
  const lists = (await readdir(listsDirectory)).filter((name) => name.endsWith('.json')).sort();
  return [
    await dataFile('census seed', pumsSeedPath, EMBEDDED_SEED),
    await dataFile('margins', defaultMarginsPath, EMBEDDED_MARGINS),
    await dataFile('PUMS data dictionary', pumsDictionaryPath),
    await dataFile('consistency rules', consistencyRulesPath),
    await dataFile('PERSONA attribute keys', personaHfAttributesPath),
    await dataFile('Big Five', bigFiveDataPath),
    await dataFile('Schwartz values', schwartzDataPath),
    await dataFile('religion', religionDataPath),
    await dataFile('politics', politicsDataPath),
    ...(await Promise.all(lists.map((name) => dataFile('idiosyncrasy list', new URL(name, listsDirectory))))),
  ];
}

/** Node and package versions (from apps/cli/package.json, found from src/ and dist/ alike). */
async function versions(): Promise<Record<string, unknown>> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };
  return { persona: pkg.version, node: process.version, dependencies: pkg.dependencies };
}

// Raking benchmark for @persona/raking (imports the BUILT package: run `npx tsc -b` first).
// Rakes N rows × 5 correlated categorical variables (6 categories each) with log-normal base
// weights to relative 1e-6 (CONTRACTS.md criterion), for N = 100,000 and 1,000,000, seeded.
// Our time is the whole `rake` call from coded columns to per-row weights (collapsing rows into
// cells and expanding the cell ratios back to rows included); median of 7 runs after a warm-up
// (wall and process CPU time: on a shared machine the CPU time is the steadier figure).
// When /usr/bin/Rscript (with the `survey` package) exists, the same data are written to
// bench/data/ as CSV and R's survey::rake is timed on them (system.time around the rake call only;
// reading the CSV and svydesign() are outside); its weights are compared with ours.
// R's convergence test differs from ours: survey::rake (4.1-1) stops when the largest change of
// any cell of the full cross-table of the margin variables (svytable(~v1+…+v5), 6^5 cells) between
// two sweeps is below epsilon, an epsilon < 1 being taken relative to Σ base weights (here ≈ 1.13 n,
// so a relative setting means different accuracy at different n). We use epsilon = 1, absolute (R's
// default value; R's default maxit = 10 stops short of our criterion): measured on these data it gives
// max relative margin errors 1.4e-7 (100k) and 2.8e-7 (1M), within our 1e-6, while the relative
// 1e-5 leaves 7e-6 at 1M and 1e-4 leaves 9e-6 at 100k. The bench reports the margin error R reaches
// (rMaxRelError) and its sweeps (counted by tracing svytable) so the accuracy is seen to be comparable.
// Standalone: `node bench/rake.bench.mjs` prints the JSON.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '@persona/core';
import { rake } from '@persona/raking';
import { median, repeat } from './timing.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, 'data');
const RSCRIPT = '/usr/bin/Rscript';
const K = 5;
const LEVELS = 6;
const SHARES = [
  [0.10, 0.15, 0.20, 0.25, 0.18, 0.12],
  [0.22, 0.18, 0.16, 0.16, 0.14, 0.14],
  [0.05, 0.10, 0.15, 0.20, 0.25, 0.25],
  [0.30, 0.20, 0.15, 0.15, 0.10, 0.10],
  [0.16, 0.17, 0.17, 0.17, 0.17, 0.16],
];
const POPULATION = 250_000_000;
/** survey::rake's epsilon giving our accuracy (absolute: a cross-table cell change < 1 between sweeps; see the header). */
const R_EPSILON = '1';

/** Five variables driven by one latent normal (correlations about 0.3–0.6), cut at fixed thresholds. */
function generate(n, seed) {
  const rng = Rng.fromSeed(seed);
  const loadings = [0.9, 0.7, 0.5, 0.8, 0.4];
  const cuts = [-1.2, -0.5, 0, 0.5, 1.2];
  const codes = Array.from({ length: K }, () => new Int32Array(n));
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = rng.normal();
    for (let j = 0; j < K; j++) {
      const x = loadings[j] * z + Math.sqrt(1 - loadings[j] ** 2) * rng.normal();
      let c = 0;
      while (c < LEVELS - 1 && x > cuts[c]) c++;
      codes[j][i] = c;
    }
    weights[i] = Math.exp(0.5 * rng.normal());
  }
  return { codes, weights };
}

const levels = Array.from({ length: LEVELS }, (_, c) => String(c + 1));
function targets() {
  const t = {};
  SHARES.forEach((s, j) => (t[`v${j + 1}`] = Object.fromEntries(s.map((p, c) => [levels[c], p * POPULATION]))));
  return t;
}

function timeOurs(data, repeats = 7) {
  const input = {
    variables: data.codes.map((codes, j) => ({ name: `v${j + 1}`, values: codes, levels })),
    baseWeights: data.weights,
    targets: targets(),
    tol: 1e-6,
  };
  rake(input); // warm-up
  const { wall, cpu, result } = repeat(() => rake(input), repeats);
  return { seconds: median(wall), bestSeconds: Math.min(...wall), cpuSeconds: median(cpu), result };
}

function writeCsv(file, data) {
  const n = data.weights.length;
  const lines = [`${Array.from({ length: K }, (_, j) => `v${j + 1}`).join(',')},w`];
  for (let i = 0; i < n; i++) {
    let line = '';
    for (let j = 0; j < K; j++) line += `${data.codes[j][i] + 1},`;
    lines.push(line + data.weights[i]);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function timeR(data, n) {
  if (!existsSync(RSCRIPT)) return { seconds: null, note: `${RSCRIPT} not found: R not timed` };
  mkdirSync(dataDir, { recursive: true });
  const csv = join(dataDir, `rake-${n}.csv`);
  const out = join(dataDir, `rake-${n}-r-weights.txt`);
  writeCsv(csv, data);
  const pops = SHARES.map((s, j) => `data.frame(v${j + 1} = 1:${LEVELS}, Freq = c(${s.map((p) => p * POPULATION).join(', ')}))`);
  const script = `
    suppressMessages(library(survey))
    d <- read.csv("${csv}")
    des <- svydesign(ids = ~1, weights = ~w, data = d)
    pops <- list(${pops.join(', ')})
    tables <- 0
    suppressMessages(trace(survey:::svytable.survey.design, quote(tables <<- tables + 1), print = FALSE, where = asNamespace("survey")))
    tm <- system.time(r <- rake(des, list(${SHARES.map((_, j) => `~v${j + 1}`).join(', ')}), pops,
                                control = list(maxit = 1000, epsilon = ${R_EPSILON})))
    writeLines(format(weights(r), digits = 17), "${out}")
    cat(tables - 1, tm[["elapsed"]], "\\n")`;
  const printed = execFileSync(RSCRIPT, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'pipe'] });
  const [sweeps, seconds] = printed.trim().split(/\s+/).slice(-2).map(Number);
  const rWeights = readFileSync(out, 'utf8').trim().split('\n').map(Number);
  return {
    seconds,
    sweeps,
    rWeights,
    note: `survey::rake, control = list(maxit = 1000, epsilon = ${R_EPSILON}) (absolute, on the change of the 6^5-cell cross-table between sweeps); elapsed time of the rake call only`,
  };
}

/** The largest relative margin error of `weights` (our convergence criterion), to check R's accuracy. */
function marginError(data, weights) {
  let worst = 0;
  SHARES.forEach((s, j) => {
    const totals = new Float64Array(LEVELS);
    for (let i = 0; i < weights.length; i++) totals[data.codes[j][i]] += weights[i];
    s.forEach((p, c) => (worst = Math.max(worst, Math.abs(totals[c] - p * POPULATION) / (p * POPULATION))));
  });
  return worst;
}

function maxRelDiff(a, b) {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
  return worst;
}

export async function run() {
  const out = {
    criterion: 'every margin cell |total − target|/target ≤ 1e-6',
    variables: K,
    categoriesEach: LEVELS,
    timing: 'seconds = median wall time of 7 runs, bestSeconds = fastest, cpuSeconds = median process CPU time; whole rake() call',
    loadAverage: os.loadavg().map((x) => Number(x.toFixed(2))),
    cpus: os.cpus().length,
  };
  for (const [n, targetSeconds] of [[100_000, 0.05], [1_000_000, 0.37]]) {
    const data = generate(n, `rake-bench/${n}`);
    const ours = timeOurs(data);
    const r = timeR(data, n);
    out[String(n)] = {
      rows: n,
      seconds: Number(ours.seconds.toFixed(4)),
      bestSeconds: Number(ours.bestSeconds.toFixed(4)),
      cpuSeconds: Number(ours.cpuSeconds.toFixed(4)),
      targetSeconds,
      meetsTarget: ours.seconds <= targetSeconds,
      converged: ours.result.converged,
      iterations: ours.result.iterations,
      maxRelError: ours.result.maxRelError,
      cells: ours.result.cells,
      rSeconds: r.seconds,
      rSweeps: r.sweeps ?? null,
      rMaxRelError: r.rWeights ? marginError(data, r.rWeights) : null,
      speedupVsR: r.seconds === null ? null : Number((r.seconds / ours.seconds).toFixed(1)),
      maxRelDiffVsR: r.rWeights ? maxRelDiff(ours.result.weights, r.rWeights) : null,
      rNote: r.note,
    };
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
}
